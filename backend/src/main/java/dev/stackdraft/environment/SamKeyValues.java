package dev.stackdraft.environment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code parameter_overrides} and {@code tags} strings split as the SAM CLI splits them ({@code samcli/cli/types.py}:
 * {@code CfnParameterOverridesType}, {@code CfnTags}), with the place of each pair in the string so that one pair
 * can be changed without rewriting the others; and values written so that the SAM CLI reads them back the same.
 */
final class SamKeyValues {

    /** One {@code KEY=VALUE} of a string: the key and value as SAM reads them, and where the pair stands. */
    record Pair(String key, String value, int start, int end, boolean quoted) {}

    private static final String KEY = "([A-Za-z0-9\"']+)";
    // SAM's _generate_match_regex(".", " "): a double- or single-quoted value with backslash escapes, or a run of
    // escaped characters and characters other than space, double quote and backslash
    private static final String VALUE = "(\"(?:\\\\.|[^\"\\\\]+)*\"|'(?:\\\\.|[^'\\\\]+)*'|(?:\\\\.|[^ \"\\\\]+)+)";
    private static final Pattern LONG_FORM = Pattern.compile("(?:ParameterKey=" + KEY + ",ParameterValue=" + VALUE + ")");
    private static final Pattern SHORT_FORM = Pattern.compile("(?: )" + KEY + "=" + VALUE);
    private static final Pattern CFN_PARAMETER_NAME = Pattern.compile("[A-Za-z0-9]+");

    private SamKeyValues() {}

    /** Whether SAM reads this string in its {@code ParameterKey=K,ParameterValue=V} form (which we do not edit). */
    static boolean isLongForm(String text) {
        return LONG_FORM.matcher(" " + text.strip()).find();
    }

    /**
     * The pairs of one {@code parameter_overrides} string in order, as SAM finds them: text that matches no pair is
     * skipped, as SAM skips it. Offsets are into {@code text}.
     */
    static List<Pair> parameters(String text) {
        String stripped = text.strip();
        int offset = text.length() - text.stripLeading().length() - 1; // SAM puts " " before the stripped text
        String normalized = " " + stripped;
        Pattern pattern = LONG_FORM.matcher(normalized).find() ? LONG_FORM : SHORT_FORM;
        List<Pair> pairs = new ArrayList<>();
        Matcher m = pattern.matcher(normalized);
        while (m.find()) {
            int start = m.start() + (pattern == SHORT_FORM ? 1 : 0);
            pairs.add(new Pair(unquote(m.group(1)), unquote(m.group(2)), start + offset, m.end() + offset,
                    isWrapped(m.group(2))));
        }
        return pairs;
    }

    /** Parameter overrides as a map: later pairs win, as in SAM. */
    static Map<String, String> parameterMap(String text) {
        Map<String, String> map = new LinkedHashMap<>();
        for (Pair pair : parameters(text)) {
            map.put(pair.key(), pair.value());
        }
        return map;
    }

    /** Tags as SAM's {@code CfnTags} reads one string: {@code k=v}, space-separated {@code k=v ...}, or quoted. */
    static Map<String, String> tags(String text) {
        Map<String, String> tags = new LinkedHashMap<>();
        if (text.chars().filter(c -> c == '=').count() == 1) {
            String[] kv = text.split("=", -1);
            tags.put(unquote(kv[0]), unquote(kv[1]));
            return tags;
        }
        boolean simple = true;
        Map<String, String> spaced = new LinkedHashMap<>();
        for (String item : text.split(" ", -1)) {
            if (item.chars().filter(c -> c == '=').count() != 1) {
                simple = false;
                break;
            }
            String[] kv = item.split("=", -1);
            spaced.put(unquote(kv[0]), unquote(kv[1]));
        }
        if (simple) {
            return spaced;
        }
        for (Pair pair : parameters(text)) { // quoted values with spaces: the same quoting rules as parameters
            tags.put(pair.key(), pair.value());
        }
        return tags;
    }

    /** SAM's {@code _unquote_wrapped_quotes}. */
    static String unquote(String value) {
        String v = value;
        if (!v.isEmpty() && v.charAt(0) == v.charAt(v.length() - 1) && (v.charAt(0) == '"' || v.charAt(0) == '\'')
                && v.length() >= 2) {
            v = v.substring(1, v.length() - 1);
        }
        return v.replace("\\ ", " ").replace("\\\"", "\"").replace("\\'", "'");
    }

    private static boolean isWrapped(String value) {
        return value.length() >= 2 && value.charAt(0) == value.charAt(value.length() - 1)
                && (value.charAt(0) == '"' || value.charAt(0) == '\'');
    }

    /** Whether {@code key} can be a CloudFormation parameter name in SAM's overrides. */
    static boolean isParameterName(String key) {
        return CFN_PARAMETER_NAME.matcher(key).matches();
    }

    /**
     * {@code KEY=VALUE} as SAM's guided deploy writes it ({@code KEY="VALUE"}, a double quote in the value as
     * {@code \"}), or bare when {@code quoted} is false and the value needs no quotes. Fails when SAM could not
     * read the value back the same (a value ending in a backslash, or holding {@code \ } or {@code \'}).
     */
    static String pair(String key, String value, boolean quoted) {
        boolean bareOk = !value.isEmpty() && value.matches("[^ \"'\\\\]+");
        String written = key + "=" + (!quoted && bareOk ? value : "\"" + value.replace("\"", "\\\"") + "\"");
        Map<String, String> back = parameterMap(written);
        if (!back.equals(Map.of(key, value))) {
            throw new IllegalArgumentException("the value of " + key + " cannot be written so that the SAM CLI reads it "
                    + "back the same (a backslash before a space, a quote or the end)");
        }
        return written;
    }
}
