package dev.stackdraft.runtime;

import dev.stackdraft.template.Dialect;
import dev.stackdraft.template.DocPath;
import dev.stackdraft.template.Resource;
import dev.stackdraft.template.ResourceType;
import dev.stackdraft.template.Template;
import dev.stackdraft.template.Value;
import dev.stackdraft.template.Value.Intrinsic;
import dev.stackdraft.template.Value.Mapping;
import dev.stackdraft.template.Value.Scalar;
import dev.stackdraft.template.Value.Sequence;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a template says of one function's runtime, code and layers, SAM's {@code Globals.Function} and a
 * serverless.yml's {@code provider} included: SAM adds the globals to an {@code AWS::Serverless::Function} (its own
 * value wins, its own layers come after the global ones); a serverless.yml function's own setting replaces the
 * provider's; a plain {@code AWS::Lambda::Function} has only its own.
 */
final class FunctionCode {

    enum Kind { SAM, LAMBDA, SERVERLESS }

    /** Where the function's code package comes from. */
    sealed interface Code {

        /** A folder of the repository, zipped as it is (its root is the package's root, {@code /var/task}). */
        record Folder(String path) implements Code {}

        /** Somewhere Stackdraft cannot look; {@code why} is a clause such as "the code is in S3 (...)". */
        record Elsewhere(String why) implements Code {}
    }

    private final Template template;
    private final Resource function;
    private final Kind kind;
    private final String templateFolder;

    private FunctionCode(Template template, Resource function, Kind kind, String templateFolder) {
        this.template = template;
        this.function = function;
        this.kind = kind;
        this.templateFolder = templateFolder;
    }

    /** @throws IllegalArgumentException when the template has no function of that id */
    static FunctionCode of(Template template, String templatePath, String functionId) {
        Resource function = template.resource(functionId).orElseThrow(() -> new IllegalArgumentException(
                "The template " + templatePath + " has no resource '" + functionId + "'."));
        Kind kind;
        if (function.type().equals(ResourceType.SAM_FUNCTION)) {
            kind = Kind.SAM;
        } else if (function.type().equals(ResourceType.LAMBDA_FUNCTION)) {
            kind = Kind.LAMBDA;
        } else if (function.type().equals(ResourceType.SERVERLESS_FUNCTION) && template.dialect() == Dialect.SERVERLESS) {
            kind = Kind.SERVERLESS;
        } else {
            throw new IllegalArgumentException("'" + functionId + "' is no function: its type is "
                    + function.type() + ".");
        }
        return new FunctionCode(template, function, kind, RepoPaths.folderOf(templatePath));
    }

    Kind kind() {
        return kind;
    }

    String id() {
        return function.id().value();
    }

    String templateFolder() {
        return templateFolder;
    }

    /** A setting of the function, else of {@code Globals.Function} (SAM) or {@code provider} (serverless.yml). */
    Optional<Value> setting(String samName, String serverlessName) {
        return switch (kind) {
            case SAM -> function.property(samName).or(() -> template.isSam()
                    ? template.at(DocPath.of("Globals", "Function", samName)) : Optional.empty());
            case LAMBDA -> function.property(samName);
            case SERVERLESS -> function.definition().get(serverlessName)
                    .or(() -> template.at(DocPath.of("provider", serverlessName)));
        };
    }

    Optional<Value> runtime() {
        return setting("Runtime", "runtime");
    }

    /** Whether the function is a container image, which brings its own runtime and entry point. */
    boolean isImage() {
        return switch (kind) {
            case SAM -> text(function.property("PackageType")).map(t -> t.equalsIgnoreCase("Image")).orElse(false)
                    || function.property("ImageUri").isPresent();
            case LAMBDA -> text(function.property("PackageType")).map(t -> t.equalsIgnoreCase("Image")).orElse(false)
                    || function.property("Code").orElse(null) instanceof Mapping code && code.get("ImageUri").isPresent();
            case SERVERLESS -> function.definition().get("image").isPresent();
        };
    }

    /** serverless.yml functions name their entry point with {@code handler}; one without is not for us to check. */
    boolean hasHandler() {
        return kind != Kind.SERVERLESS || function.definition().get("handler").isPresent();
    }

    /** {@code Metadata.BuildMethod}, by which {@code sam build} builds the function (go1.x, makefile, ...). */
    Optional<String> buildMethod() {
        return kind == Kind.SERVERLESS ? Optional.empty()
                : function.definition().mapping("Metadata").flatMap(m -> m.string("BuildMethod")).map(String::strip);
    }

    Code code() {
        return switch (kind) {
            case SAM -> {
                if (function.property("InlineCode").isPresent()) {
                    yield new Code.Elsewhere("the code is inline (InlineCode), a single file with no bootstrap");
                }
                // without a CodeUri, sam build packages the template's own folder (SamBaseProvider.DEFAULT_CODEURI)
                yield setting("CodeUri", "").map(v -> location(v, "CodeUri"))
                        .orElse(new Code.Folder(templateFolder));
            }
            case LAMBDA -> {
                Optional<Value> code = function.property("Code");
                if (code.isEmpty()) {
                    yield new Code.Elsewhere("the function has no Code");
                }
                if (code.get() instanceof Mapping m) {
                    yield m.get("ZipFile").isPresent()
                            ? new Code.Elsewhere("the code is inline (ZipFile), a single file with no bootstrap")
                            : new Code.Elsewhere("the code is in S3 (" + describe(m) + "), which Stackdraft cannot look into");
                }
                yield location(code.get(), "Code");
            }
            case SERVERLESS -> {
                // the framework zips the service folder (the one serverless.yml is in) unless given an artifact
                Optional<Value> artifact = function.definition().mapping("package").flatMap(p -> p.get("artifact"))
                        .or(() -> template.at(DocPath.of("package", "artifact")));
                yield artifact.isPresent()
                        ? new Code.Elsewhere("the code is the prebuilt artifact " + describe(artifact.get())
                                + ", which Stackdraft does not open")
                        : new Code.Folder(templateFolder);
            }
        };
    }

    /** The layers that end up on the function, in order; a list computed at deploy time is one item. */
    List<Value> layers() {
        List<Value> layers = new ArrayList<>();
        switch (kind) {
            case SERVERLESS -> function.definition().get("layers").or(() -> template.at(DocPath.of("provider", "layers")))
                    .ifPresent(v -> items(v, layers));
            case SAM -> {
                if (template.isSam()) {
                    template.at(DocPath.of("Globals", "Function", "Layers")).ifPresent(v -> items(v, layers));
                }
                function.property("Layers").ifPresent(v -> items(v, layers));
            }
            case LAMBDA -> function.property("Layers").ifPresent(v -> items(v, layers));
        }
        return layers;
    }

    Code location(Value value, String property) {
        return locate(templateFolder, value, property, "the code");
    }

    /**
     * A code location as written: a folder of the repository (relative to the template's folder), S3, an archive,
     * or computed when deploying.
     *
     * @param what what the location holds, for the clause: "the code", "its content"
     */
    static Code locate(String templateFolder, Value value, String property, String what) {
        if (value instanceof Mapping m) {
            return new Code.Elsewhere(what + " is in S3 (" + property + " " + describe(m) + "), which Stackdraft "
                    + "cannot look into");
        }
        if (!(value instanceof Scalar s) || s.isNull() || s.text().isBlank()) {
            return new Code.Elsewhere("the " + property + " " + describe(value) + " is computed when deploying, so "
                    + "Stackdraft cannot tell which folder it is");
        }
        String text = s.text().strip();
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.startsWith("s3://") || lower.startsWith("https://") || lower.startsWith("http://")) {
            return new Code.Elsewhere(what + " is in S3 (" + text + "), which Stackdraft cannot look into");
        }
        if (lower.endsWith(".zip") || lower.endsWith(".jar")) {
            return new Code.Elsewhere(what + " is the archive " + text + ", which Stackdraft does not open");
        }
        return RepoPaths.normalize(templateFolder, text).<Code>map(Code.Folder::new)
                .orElse(new Code.Elsewhere("the " + property + " " + text + " is outside the repository"));
    }

    private static void items(Value value, List<Value> out) {
        if (value instanceof Sequence s) {
            out.addAll(s.items());
        } else {
            out.add(value);
        }
    }

    private static Optional<String> text(Optional<Value> value) {
        return value.filter(Scalar.class::isInstance).map(v -> ((Scalar) v).text().strip());
    }

    /** A value as the user wrote it, shortly: {@code src/hello}, {@code !Ref CodeBucket}, {@code {S3Bucket, S3Key}}. */
    static String describe(Value value) {
        return switch (value) {
            case Scalar s -> s.text();
            case Intrinsic fn when fn.argument() instanceof Scalar s -> fn.fn().shortTag() + " " + s.text();
            case Intrinsic fn -> fn.fn().shortTag() + " …";
            case Mapping m -> "{" + String.join(", ", m.keys()) + "}";
            case Sequence s -> "a list";
            case Value.Tagged t -> t.tag() + " …";
        };
    }
}
