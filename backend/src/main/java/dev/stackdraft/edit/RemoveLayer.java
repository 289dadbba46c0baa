package dev.stackdraft.edit;

import dev.stackdraft.template.Change;
import dev.stackdraft.template.Resource;
import dev.stackdraft.template.Template;
import dev.stackdraft.template.Value;
import java.util.List;

/**
 * Removes a layer from a function's own list (any version of it, when given as an ARN). The last layer
 * takes the {@code Layers} key along. A layer that comes from Globals is refused: removing it there would
 * change every function.
 */
public record RemoveLayer(String function, String layer) implements EditCommand {

    @Override
    public List<Change> changes(Template template) {
        Resource resource = Refusals.function(template, function);
        Value value = LayerSpec.resolve(template, layer);
        FunctionLayers layers = FunctionLayers.of(template, resource);
        java.util.OptionalInt index = layers.indexOfOwn(value);
        if (index.isPresent()) {
            return layers.ownItems().size() == 1
                    ? PropertyChanges.remove(template, layers.ownPath(), resource.path().segments().size())
                    : List.of(new Change.RemoveItem(layers.ownPath(), index.getAsInt()));
        }
        for (Value global : layers.globalItems()) {
            if (FunctionLayers.sameLayer(global, value)) {
                throw Refusals.at(template, global, "layer " + FunctionLayers.describe(global) + " comes to " + function
                        + " from " + layers.globalPath() + ", which applies to every function",
                        "remove it there by hand if no function needs it");
            }
        }
        throw Refusals.at(template, resource, function + " has no layer " + layer,
                "its layers: " + String.join(", ", layers.effective().stream().map(FunctionLayers::describe).toList()));
    }

    @Override
    public String describe() {
        return "Remove layer " + layer + " from " + function;
    }
}
