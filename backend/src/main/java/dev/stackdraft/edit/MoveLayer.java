package dev.stackdraft.edit;

import dev.stackdraft.template.Change;
import dev.stackdraft.template.Resource;
import dev.stackdraft.template.Template;
import dev.stackdraft.template.Value;
import java.util.List;

/** Moves one of a function's own layers to another position (order matters: later layers override files of earlier ones). */
public record MoveLayer(String function, String layer, int position) implements EditCommand {

    @Override
    public List<Change> changes(Template template) {
        Resource resource = Refusals.function(template, function);
        Value value = LayerSpec.resolve(template, layer);
        FunctionLayers layers = FunctionLayers.of(template, resource);
        List<Value> own = layers.ownItems();
        java.util.OptionalInt index = layers.indexOfOwn(value);
        if (index.isPresent()) {
            int from = index.getAsInt();
            int to = Math.max(0, Math.min(position, own.size() - 1));
            if (to == from) {
                return List.of();
            }
            // both changes name places in the list as it is now: insert after the old neighbour when moving down
            return List.of(new Change.RemoveItem(layers.ownPath(), from),
                    new Change.Insert(layers.ownPath(), to > from ? to + 1 : to, own.get(from)));
        }
        throw Refusals.at(template, resource, function + " has no layer " + layer + " in its own list",
                "only a function's own layers can be reordered");
    }

    @Override
    public String describe() {
        return "Move layer " + layer + " of " + function + " to position " + position;
    }
}
