package dev.stackdraft.environment;

import dev.stackdraft.template.SourceLocation;
import dev.stackdraft.template.TemplateException;
import dev.stackdraft.template.TemplateReader;
import dev.stackdraft.template.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A {@code samconfig.yaml} read through the template engine's YAML reader (anchors, aliases and all) into the same
 * plain meaning a TOML file has: maps, lists, strings, numbers, booleans.
 */
final class YamlSamconfig {

    private YamlSamconfig() {}

    static Map<String, Object> read(String name, String text) {
        if (text.isBlank()) {
            return new LinkedHashMap<>();
        }
        Value root;
        try {
            root = new TemplateReader().readValue(name, text);
        } catch (TemplateException e) {
            if (e.problem().startsWith("there are only comments")) {
                return new LinkedHashMap<>();
            }
            throw e;
        }
        if (!(plain(root) instanceof Map<?, ?> map)) {
            throw new TemplateException(new SourceLocation(name, 1, 1), "the top level is not a mapping",
                    "a samconfig file maps environment names to commands");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> document = (Map<String, Object>) map;
        return document;
    }

    private static @Nullable Object plain(Value value) {
        return switch (value) {
            case Value.Scalar s -> switch (s.kind()) {
                case NULL -> null;
                case BOOLEAN -> Boolean.parseBoolean(s.text().toLowerCase(java.util.Locale.ROOT));
                case NUMBER -> number(s.text());
                case STRING -> s.text();
            };
            case Value.Sequence seq -> {
                List<Object> items = new ArrayList<>();
                seq.items().forEach(i -> items.add(plain(i)));
                yield items;
            }
            case Value.Mapping m -> {
                Map<String, Object> map = new LinkedHashMap<>();
                m.entries().forEach(e -> map.put(e.name(), plain(e.value())));
                yield map;
            }
            case Value.Intrinsic fn -> null;
            case Value.Tagged t -> plain(t.value());
        };
    }

    private static Object number(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            try {
                return Double.parseDouble(text);
            } catch (NumberFormatException again) {
                return text;
            }
        }
    }
}
