package dev.stackdraft.runtime;

import dev.stackdraft.aws.AwsException;
import dev.stackdraft.aws.LayerVersionArn;
import dev.stackdraft.template.Fn;
import dev.stackdraft.template.Resource;
import dev.stackdraft.template.ResourceType;
import dev.stackdraft.template.ServerlessNames;
import dev.stackdraft.template.Template;
import dev.stackdraft.template.Value;
import dev.stackdraft.template.Value.Intrinsic;
import dev.stackdraft.template.Value.Scalar;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Whether one of a function's layers brings a {@code bootstrap}: Lambda extracts each layer into {@code /opt}, so
 * it is a {@code bootstrap} at the root of the layer's content. A layer this template defines is looked for in its
 * content folder in the repository; a layer given by ARN in its zip, through the account.
 *
 * @param name       the layer as the message names it ({@code RuntimeLayer}, {@code bash-runtime:3}); null when it
 *                   was not checked
 * @param looked     the line for {@link BootstrapReport#looked()}
 * @param where      where the bootstrap is, when found
 * @param notChecked why it could not be checked (a clause), when not
 */
record LayerLook(@Nullable String name, String looked, @Nullable String where, @Nullable String notChecked) {

    boolean found() {
        return where != null;
    }

    static LayerLook of(Template template, String templateFolder, Value layer, RepositoryFiles files,
                        LayerFiles accountLayers) {
        String shown = FunctionCode.describe(layer);
        if (layer instanceof Scalar s) {
            return arn(s.text().strip(), accountLayers);
        }
        if (layer instanceof Intrinsic fn && fn.fn() == Fn.REF && fn.argument() instanceof Scalar target) {
            String id = target.text().strip();
            Optional<Resource> resource = defined(template, id);
            if (resource.isPresent()) {
                return inTemplate(templateFolder, resource.get(), files);
            }
            if (template.parameter(id).isPresent()) {
                return notChecked("the layer " + shown + " is the parameter " + id + ", whose value is chosen "
                        + "when deploying");
            }
            return notChecked("the layer " + shown + " names nothing this template defines");
        }
        if (layer instanceof Intrinsic fn && fn.fn() == Fn.SUB && fn.argument() instanceof Scalar s
                && !s.text().contains("${")) {
            return arn(s.text().strip(), accountLayers);
        }
        return notChecked("the layer " + shown + " is computed when deploying");
    }

    private static LayerLook arn(String text, LayerFiles accountLayers) {
        LayerVersionArn.Check check = LayerVersionArn.check(text);
        LayerVersionArn arn = check.arn();
        if (arn == null) {
            return notChecked("the layer " + text + " is not a layer version ARN");
        }
        String name = arn.name() + ":" + arn.version();
        List<String> inside;
        try {
            inside = accountLayers.files(arn.toString());
        } catch (AwsException e) {
            return notChecked("the layer " + name + " could not be read (" + clause(e.getMessage()) + ")");
        }
        boolean has = inside.contains("bootstrap");
        return new LayerLook(name, "layer " + arn, has ? "layer " + arn : null, null);
    }

    private static LayerLook inTemplate(String templateFolder, Resource layer, RepositoryFiles files) {
        String name = layer.id().value();
        FunctionCode.Code content = content(templateFolder, layer);
        if (content instanceof FunctionCode.Code.Elsewhere(String why)) {
            return notChecked("the layer " + name + ", since " + why);
        }
        String path = RepoPaths.file(((FunctionCode.Code.Folder) content).path(), "bootstrap");
        boolean has = files.exists(path);
        return new LayerLook(name, "layer " + name + ": " + path, has ? "layer " + name + " (" + path + ")" : null, null);
    }

    /** Where a layer resource's content comes from: ContentUri, Content, or a serverless.yml layer's path. */
    private static FunctionCode.Code content(String templateFolder, Resource layer) {
        if (layer.type().equals(ResourceType.SERVERLESS_LAYER)) {
            Optional<Value> artifact = layer.definition().mapping("package").flatMap(p -> p.get("artifact"));
            if (artifact.isPresent()) {
                return new FunctionCode.Code.Elsewhere("its content is the prebuilt artifact "
                        + FunctionCode.describe(artifact.get()) + ", which Stackdraft does not open");
            }
            Optional<Value> path = layer.definition().get("path");
            return path.isEmpty() ? new FunctionCode.Code.Elsewhere("it has no path")
                    : FunctionCode.locate(templateFolder, path.get(), "path", "its content");
        }
        String property = layer.type().equals(ResourceType.SAM_LAYER) ? "ContentUri" : "Content";
        Optional<Value> value = layer.property(property);
        if (value.isEmpty()) {
            return new FunctionCode.Code.Elsewhere("it has no " + property);
        }
        return FunctionCode.locate(templateFolder, value.get(), property, "its content");
    }

    /** A layer resource of the template by the id a {@code Ref} uses (serverless.yml: {@code <Name>LambdaLayer}). */
    private static Optional<Resource> defined(Template template, String id) {
        for (Resource resource : template.resources()) {
            if (!resource.type().isLayer()) {
                continue;
            }
            boolean serverless = resource.type().equals(ResourceType.SERVERLESS_LAYER);
            if (serverless ? ServerlessNames.layerId(resource.id().value()).equals(id) : resource.id().value().equals(id)) {
                return Optional.of(resource);
            }
        }
        return Optional.empty();
    }

    private static LayerLook notChecked(String why) {
        return new LayerLook(null, "not checked: " + why, null, why);
    }

    /** A sentence made a clause: no final full stop. */
    static String clause(@Nullable String sentence) {
        String text = sentence == null ? "no reason given" : sentence.strip();
        return text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
    }
}
