package dev.stackdraft.template;

import dev.stackdraft.template.Value.ScalarKind;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** How a plain scalar resolves (YAML 1.2 core schema), and what an explicit standard tag says. */
final class ScalarKinds {

    private static final Set<String> NULLS = Set.of("", "~", "null", "Null", "NULL");
    private static final Set<String> BOOLEANS = Set.of("true", "True", "TRUE", "false", "False", "FALSE");
    private static final Pattern NUMBER = Pattern.compile(
            "[-+]?(?:[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+|(?:\\.[0-9]+|[0-9]+(?:\\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
                    + "|\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))");

    private ScalarKinds() {}

    static ScalarKind ofPlain(String text) {
        if (NULLS.contains(text)) {
            return ScalarKind.NULL;
        }
        if (BOOLEANS.contains(text)) {
            return ScalarKind.BOOLEAN;
        }
        if (NUMBER.matcher(text).matches()) {
            return ScalarKind.NUMBER;
        }
        return ScalarKind.STRING;
    }

    static Optional<ScalarKind> ofStandardTag(String tag) {
        return switch (tag) {
            case "tag:yaml.org,2002:str", "!!str" -> Optional.of(ScalarKind.STRING);
            case "tag:yaml.org,2002:int", "tag:yaml.org,2002:float", "!!int", "!!float" -> Optional.of(ScalarKind.NUMBER);
            case "tag:yaml.org,2002:bool", "!!bool" -> Optional.of(ScalarKind.BOOLEAN);
            case "tag:yaml.org,2002:null", "!!null" -> Optional.of(ScalarKind.NULL);
            default -> Optional.empty();
        };
    }

    static boolean isStandard(String tag) {
        return tag.startsWith("tag:yaml.org,2002:") || tag.startsWith("!!");
    }
}
