package dev.stackdraft.edit;

import dev.stackdraft.template.Change;
import dev.stackdraft.template.Resource;
import dev.stackdraft.template.Template;
import dev.stackdraft.template.Value;
import dev.stackdraft.template.Value.Intrinsic;
import dev.stackdraft.template.Value.Scalar;
import java.util.List;
import java.util.Optional;

/**
 * Moves one function's own layer to another version of the same layer, where it stands in the list and in the form it
 * is written ({@code !Sub} strings keep their {@code ${AWS::Region}}): only the version number changes. For every
 * function at once, {@link UpgradeLayer}.
 *
 * @param layerArn the version to use, a full layer version ARN
 */
public record SetLayerVersion(String function, String layerArn) implements EditCommand {

    @Override
    public List<Change> changes(Template template) {
        Resource resource = Refusals.function(template, function);
        LayerArn target = LayerArn.parse(layerArn).orElseThrow(() -> Refusals.file(template,
                "'" + layerArn + "' is not a layer version ARN",
                "give the version's full ARN: arn:aws:lambda:REGION:ACCOUNT:layer:NAME:VERSION"));
        FunctionLayers layers = FunctionLayers.of(template, resource);
        List<Value> own = layers.ownItems();
        for (int i = 0; i < own.size(); i++) {
            Value item = own.get(i);
            Optional<LayerArn> used = FunctionLayers.arn(item);
            if (used.isPresent() && used.get().sameLayer(target)) {
                if (used.get().version() == target.version()) {
                    return List.of();
                }
                String version = Integer.toString(target.version());
                return List.of(switch (item) {
                    case Scalar s -> new Change.Replace(layers.ownPath().child(i), Value.string(withVersion(s.text(), version)));
                    case Intrinsic fn -> new Change.Replace(layers.ownPath().child(i).child(fn.fn().longName()),
                            Value.string(withVersion(((Scalar) fn.argument()).text(), version)));
                    default -> throw new IllegalStateException("a layer ARN is a scalar or a !Sub");
                });
            }
        }
        boolean inherited = layers.globalItems().stream().anyMatch(v -> FunctionLayers.arn(v)
                .filter(a -> a.sameLayer(target)).isPresent());
        throw Refusals.at(template, resource, function + " has no layer " + target.name() + " in its own list"
                        + (inherited ? ": it inherits it from " + layers.globalPath() : ""),
                inherited ? "change it there, or upgrade the layer everywhere" : "add the layer first");
    }

    /** The text with its version number (the ARN's last part) replaced. */
    private static String withVersion(String text, String version) {
        int colon = text.lastIndexOf(':');
        return text.substring(0, colon + 1) + version;
    }

    @Override
    public String describe() {
        return "Use version " + LayerArn.parse(layerArn).map(a -> a.version() + " of layer " + a.name()).orElse(layerArn)
                + " in " + function;
    }
}
