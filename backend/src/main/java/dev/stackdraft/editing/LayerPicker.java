package dev.stackdraft.editing;

import dev.stackdraft.aws.Layer;
import dev.stackdraft.aws.LayerVersionArn;
import dev.stackdraft.edit.FunctionLayerList;
import dev.stackdraft.environment.Environment;
import dev.stackdraft.template.Resource;
import dev.stackdraft.template.Template;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What the layer dropdown of a function shows for an environment: the function's layers resolved to the versions that
 * environment deploys, each matched with the account's layers (fits the runtime and architecture? a newer version?),
 * and what can be added: the account's layers, the layers this template defines, or any ARN typed in.
 */
public final class LayerPicker {

    private LayerPicker() {}

    /** The function's layers for the environment (null: none selected) and the account's layers (maybe none). */
    public static List<LayerRow> rows(Template template, FunctionLayerList layers, @Nullable Environment environment,
                                      List<Layer> account) {
        List<LayerRow> rows = new ArrayList<>();
        for (FunctionLayerList.Item item : layers.items()) {
            boolean fromEnvironment = environment != null && item.parameter()
                    .filter(environment.parameterOverrides()::containsKey).isPresent();
            Optional<LayerVersionArn> resolved = resolve(template, item, environment);
            Optional<Layer> layer = resolved.flatMap(arn -> account.stream()
                    .filter(l -> l.layerArn().equals(arn.layerArn())).findFirst());
            rows.add(new LayerRow(item, resolved, fromEnvironment, layer,
                    layer.flatMap(l -> l.version(resolved.get().version()))
                            .map(v -> v.fit(layers.runtime(), layers.architectures())),
                    layer.flatMap(l -> l.newerThan(resolved.get()))));
        }
        return rows;
    }

    /** The layers this template defines that the function does not have yet, by logical id. */
    public static List<String> templateLayers(Template template, FunctionLayerList layers) {
        List<String> used = layers.items().stream().flatMap(i -> i.templateLayer().stream()).toList();
        return template.resources().stream().filter(r -> r.type().isLayer()).map(Resource::id)
                .map(id -> id.value()).filter(id -> !used.contains(id)).toList();
    }

    /** The account's layers the function does not have yet (any version of them). */
    public static List<Layer> accountLayers(List<LayerRow> rows, List<Layer> account) {
        List<String> used = rows.stream().flatMap(r -> r.resolved().stream()).map(LayerVersionArn::layerArn).toList();
        return account.stream().filter(l -> !used.contains(l.layerArn())).toList();
    }

    private static Optional<LayerVersionArn> resolve(Template template, FunctionLayerList.Item item,
                                                     @Nullable Environment environment) {
        Optional<String> text = item.arn();
        if (item.parameter().isPresent()) {
            String name = item.parameter().get();
            text = Optional.ofNullable(environment == null ? null : environment.parameterOverrides().get(name))
                    .or(() -> template.parameter(name).flatMap(p -> p.defaultValue()));
        }
        return text.map(t -> substitute(t, environment)).flatMap(t -> Optional.ofNullable(LayerVersionArn.check(t).arn()));
    }

    /** A {@code !Sub} ARN with the environment's region and account put in (the partition from the region). */
    private static String substitute(String text, @Nullable Environment environment) {
        if (!text.contains("${")) {
            return text;
        }
        if (environment == null || environment.region() == null) {
            return text;
        }
        String region = environment.region();
        String partition = region.startsWith("cn-") ? "aws-cn" : region.startsWith("us-gov-") ? "aws-us-gov" : "aws";
        String out = text.replace("${AWS::Region}", region).replace("${AWS::Partition}", partition);
        return environment.accountId() == null ? out : out.replace("${AWS::AccountId}", environment.accountId());
    }
}
