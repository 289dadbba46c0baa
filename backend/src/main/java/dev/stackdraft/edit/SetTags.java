package dev.stackdraft.edit;

import dev.stackdraft.catalog.ResourceCatalog;
import dev.stackdraft.catalog.TagFormat;
import dev.stackdraft.catalog.Tagging;
import dev.stackdraft.template.Change;
import dev.stackdraft.template.DocPath;
import dev.stackdraft.template.Resource;
import dev.stackdraft.template.ResourceType;
import dev.stackdraft.template.Template;
import dev.stackdraft.template.Value;
import dev.stackdraft.template.Value.Mapping;
import dev.stackdraft.template.Value.Scalar;
import dev.stackdraft.template.Value.Sequence;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sets tags on a resource in the shape its type takes them (SAM and some types: a map; most CloudFormation
 * types: a list of Key/Value), changing existing tags in place and adding new ones at the end.
 */
public record SetTags(String resource, Map<String, String> tags) implements EditCommand {

    public SetTags {
        tags = new LinkedHashMap<>(tags);
    }

    @Override
    public List<Change> changes(Template template) {
        Resource target = Refusals.resource(template, resource);
        TagPlace place = TagPlace.of(template, target);
        List<Change> changes = new ArrayList<>();
        Value existing = template.at(place.path()).orElse(null);
        if (existing == null || existing instanceof Scalar s && s.isNull()) {
            List<Change> created = PropertyChanges.put(template, place.path(), place.render(tags));
            return created;
        }
        for (Map.Entry<String, String> tag : tags.entrySet()) {
            changes.add(place.set(template, existing, tag.getKey(), tag.getValue()));
        }
        return changes.stream().filter(c -> c != null).toList();
    }

    @Override
    public String describe() {
        return "Set tags " + String.join(", ", tags.keySet()) + " on " + resource;
    }

    /** Where a resource's tags live and in which shape. */
    record TagPlace(DocPath path, TagFormat format) {

        static TagPlace of(Template template, Resource resource) {
            if (resource.type().equals(ResourceType.SERVERLESS_FUNCTION)) {
                return new TagPlace(resource.path().child("tags"), TagFormat.MAP);
            }
            Tagging tagging = ResourceCatalog.bundled().kind(resource.type().value()).map(k -> k.tagging()).orElse(Tagging.NONE);
            if (!tagging.taggable() || tagging.property() == null
                    || tagging.format() != TagFormat.MAP && tagging.format() != TagFormat.KEY_VALUE_LIST) {
                throw Refusals.at(template, resource, resource.type() + " does not take tags as a map or Key/Value list",
                        "set its tags by hand, or tag the resources it creates");
            }
            return new TagPlace(resource.propertiesPath().child(tagging.property()), tagging.format());
        }

        Value render(Map<String, String> tags) {
            if (format == TagFormat.MAP) {
                return Value.mapping(tags.entrySet().stream().map(t -> Value.entry(t.getKey(), Value.string(t.getValue()))).toList());
            }
            return Value.sequence(tags.entrySet().stream().map(t -> keyValue(t.getKey(), t.getValue())).toList());
        }

        static Value keyValue(String key, String value) {
            return Value.mapping(List.of(Value.entry("Key", Value.string(key)), Value.entry("Value", Value.string(value))));
        }

        Change set(Template template, Value existing, String key, String value) {
            if (existing instanceof Mapping map) {
                return map.get(key).isPresent() ? new Change.Replace(path.child(key), Value.string(value))
                        : new Change.Put(path, key, Value.string(value));
            }
            if (existing instanceof Sequence list) {
                for (int i = 0; i < list.items().size(); i++) {
                    if (list.items().get(i) instanceof Mapping item && item.string("Key").orElse("").equals(key)) {
                        return new Change.Replace(path.child(i).child("Value"), Value.string(value));
                    }
                }
                return new Change.Insert(path, list.items().size(), keyValue(key, value));
            }
            throw Refusals.at(template, existing, "the tags of this resource are computed, not written out", "edit them by hand");
        }
    }
}
