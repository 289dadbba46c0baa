package dev.stackdraft.edit;

import dev.stackdraft.template.Change;
import dev.stackdraft.template.Resource;
import dev.stackdraft.template.Template;
import dev.stackdraft.template.Value;
import dev.stackdraft.template.Value.Mapping;
import dev.stackdraft.template.Value.Sequence;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Removes tags by key; removing the last one removes the tag property. */
public record RemoveTags(String resource, Set<String> keys) implements EditCommand {

    public RemoveTags {
        keys = java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(keys));
    }

    @Override
    public List<Change> changes(Template template) {
        Resource target = Refusals.resource(template, resource);
        SetTags.TagPlace place = SetTags.TagPlace.of(template, target);
        Value existing = template.at(place.path()).orElseThrow(() -> Refusals.at(template, target, resource + " has no tags", ""));
        List<Change> changes = new ArrayList<>();
        int total;
        if (existing instanceof Mapping map) {
            total = map.entries().size();
            map.keys().stream().filter(keys::contains).forEach(k -> changes.add(new Change.RemoveKey(place.path(), k)));
        } else if (existing instanceof Sequence list) {
            total = list.items().size();
            for (int i = 0; i < list.items().size(); i++) {
                if (list.items().get(i) instanceof Mapping item && keys.contains(item.string("Key").orElse(""))) {
                    changes.add(new Change.RemoveItem(place.path(), i));
                }
            }
        } else {
            throw Refusals.at(template, existing, "the tags of this resource are computed, not written out", "edit them by hand");
        }
        if (changes.size() != keys.size()) {
            throw Refusals.at(template, existing, resource + " does not have every tag named", "tags to remove: " + keys);
        }
        if (changes.size() == total) {
            return PropertyChanges.remove(template, place.path(), target.path().segments().size());
        }
        return changes;
    }

    @Override
    public String describe() {
        return "Remove tags " + String.join(", ", keys) + " from " + resource;
    }
}
