package dev.stackdraft.appsync;

import org.jspecify.annotations.Nullable;

/** Where a resolver's or pipeline function's code is: in the template, in a file of the repository, elsewhere, or none. */
public sealed interface Code {

    /** Written in the template ({@code Code}, {@code InlineCode}, a mapping template). */
    record Inline(String text) implements Code {}

    /**
     * A path in the repository, relative to the template's folder as written ({@code CodeUri}, {@code CodeS3Location},
     * {@code RequestMappingTemplateS3Location} that are no S3 URI): the SAM CLI uploads it.
     */
    record File(String path) implements Code {}

    /** An S3 URI or a value made by an intrinsic function: nothing to read from the repository. */
    record Remote(String location) implements Code {}

    /** A VTL resolver's two templates; either may be missing (a direct Lambda resolver has neither). */
    record Vtl(@Nullable Code request, @Nullable Code response) implements Code {}

    /** No code: SAM writes its default pipeline code, or a direct Lambda resolver has none. */
    record None() implements Code {}
}
