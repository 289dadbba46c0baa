package dev.stackdraft.edit;

import dev.stackdraft.template.Change;
import dev.stackdraft.template.DocPath;
import dev.stackdraft.template.Resource;
import dev.stackdraft.template.Template;
import dev.stackdraft.template.Value;
import dev.stackdraft.template.Value.Sequence;
import java.util.ArrayList;
import java.util.List;

/**
 * Adds a layer to a function (at the end, or at a position), aware of Globals and of Lambda's limit of
 * {@value FunctionLayers#LIMIT} layers. A function without a {@code Layers} list gets one.
 *
 * @param position where in the function's own list, or -1 for the end
 */
public record AddLayer(String function, String layer, int position) implements EditCommand {

    public AddLayer(String function, String layer) {
        this(function, layer, -1);
    }

    @Override
    public List<Change> changes(Template template) {
        Resource resource = Refusals.function(template, function);
        Value value = LayerSpec.resolve(template, layer);
        FunctionLayers layers = FunctionLayers.of(template, resource);
        layers.own().filter(v -> !(v instanceof Sequence) && !(v instanceof Value.Scalar s && s.isNull())).ifPresent(v -> {
            throw Refusals.at(template, v, function + "'s " + layers.key() + " is computed, not a list",
                    "a list built by a function (e.g. !If) is edited by hand");
        });
        List<Value> effective = layers.effective();
        for (Value existing : effective) {
            if (FunctionLayers.sameLayer(existing, value)) {
                boolean global = layers.globalItems().contains(existing) && !layers.serverless();
                throw Refusals.at(template, existing, function + " already has layer " + FunctionLayers.describe(existing)
                        + (global ? " through " + layers.globalPath() : ""),
                        "Lambda takes one version of a layer per function; use 'layers upgrade' to change its version");
            }
        }
        if (effective.size() + 1 > FunctionLayers.LIMIT) {
            throw Refusals.at(template, resource, function + " would get a sixth layer: Lambda allows "
                    + FunctionLayers.LIMIT + " (it has " + String.join(", ", effective.stream().map(FunctionLayers::describe).toList()) + ")",
                    "remove a layer first, or merge two layers into one");
        }
        return changesFor(template, resource, layers, value);
    }

    private List<Change> changesFor(Template template, Resource resource, FunctionLayers layers, Value value) {
        if (layers.own().orElse(null) instanceof Sequence list && !list.items().isEmpty()) {
            int index = position < 0 || position > list.items().size() ? list.items().size() : position;
            return List.of(new Change.Insert(layers.ownPath(), index, value));
        }
        List<Value> items = new ArrayList<>();
        if (layers.serverless()) {
            items.addAll(layers.globalItems()); // a function's own layers replace provider.layers: keep those
        }
        items.add(Math.max(0, position < 0 ? items.size() : Math.min(position, items.size())), value);
        Sequence list = Value.sequence(items);
        if (layers.own().isPresent()) {
            return List.of(new Change.Replace(layers.ownPath(), list));
        }
        return PropertyChanges.put(template, layers.ownPath(), list);
    }

    @Override
    public String describe() {
        return "Add layer " + layer + " to " + function;
    }
}
