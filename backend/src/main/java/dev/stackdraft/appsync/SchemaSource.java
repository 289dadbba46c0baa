package dev.stackdraft.appsync;

import dev.stackdraft.template.DocPath;

/** Where an API's GraphQL schema (SDL) is, so that its caller knows whether to read a file for it. */
public sealed interface SchemaSource {

    /**
     * The SDL written in the template ({@code SchemaInline}, {@code Definition}) at {@code path}. {@code line} and
     * {@code column} are where its first character stands in the template; in a block scalar ({@code block}) each line
     * of the SDL is a line of the template, so a place in the SDL is a place in the template too.
     */
    record Inline(String text, DocPath path, int line, int column, boolean block) implements SchemaSource {}

    /**
     * A file of the repository ({@code SchemaUri} / {@code DefinitionS3Location} with a local path), relative to the
     * template's folder as written: the caller reads it from the working copy.
     */
    record File(String path) implements SchemaSource {}

    /** An S3 URI or a value made by an intrinsic function: the schema cannot be read from the repository. */
    record Remote(String location) implements SchemaSource {}

    /** The API names no schema. */
    record Missing() implements SchemaSource {}
}
