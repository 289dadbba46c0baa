package dev.stackdraft.edit;

import dev.stackdraft.template.Dialect;
import dev.stackdraft.template.Fn;
import dev.stackdraft.template.Resource;
import dev.stackdraft.template.ResourceType;
import dev.stackdraft.template.ServerlessNames;
import dev.stackdraft.template.Template;
import dev.stackdraft.template.Value;
import java.util.Optional;

/**
 * What a user types to name a layer (an ARN, a layer resource's logical id, a parameter, a serverless.yml
 * layer name) turned into the value the template should hold.
 */
final class LayerSpec {

    private LayerSpec() {}

    static Value resolve(Template template, String spec) {
        String text = spec.strip();
        if (text.startsWith("arn:")) {
            LayerArn.parse(text).orElseThrow(() -> Refusals.file(template, "'" + text + "' is not a layer version ARN",
                    "a layer ARN looks like arn:aws:lambda:REGION:ACCOUNT:layer:NAME:VERSION"));
            return Value.string(text);
        }
        if (text.startsWith("!Ref ")) {
            return resolve(template, text.substring(5));
        }
        Optional<Resource> resource = template.resource(text);
        if (resource.isPresent()) {
            if (!resource.get().type().isLayer()) {
                throw Refusals.at(template, resource.get(), "'" + text + "' is a " + resource.get().type() + ", not a layer",
                        "name an AWS::Serverless::LayerVersion / AWS::Lambda::LayerVersion, or give a layer ARN");
            }
            if (resource.get().type().equals(ResourceType.SERVERLESS_LAYER)) {
                return Value.mapping(java.util.List.of(Value.entry("Ref", Value.string(ServerlessNames.layerId(text)))));
            }
            return Value.ref(text);
        }
        if (template.parameter(text).isPresent()) {
            return Value.ref(text);
        }
        if (template.dialect() == Dialect.SERVERLESS && text.endsWith("LambdaLayer")) {
            return Value.mapping(java.util.List.of(Value.entry("Ref", Value.string(text))));
        }
        throw Refusals.file(template, "no layer resource or parameter is named '" + text + "'",
                "give a layer version ARN, or the logical id of a layer in this template");
    }

    static boolean isRef(Value value, String target) {
        return value instanceof Value.Intrinsic fn && fn.fn() == Fn.REF && fn.argument() instanceof Value.Scalar s
                && s.text().equals(target);
    }
}
