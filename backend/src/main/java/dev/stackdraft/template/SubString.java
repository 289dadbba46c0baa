package dev.stackdraft.template;

import java.util.ArrayList;
import java.util.List;

/**
 * The variables of an {@code Fn::Sub} string: {@code ${Name}} and {@code ${Name.Attr}}; {@code ${!Literal}}
 * is an escape and names nothing. Also rewrites the names, for renames.
 */
public final class SubString {

    /** One {@code ${...}}: {@code start}/{@code end} index the name inside the string (without attribute). */
    public record Variable(String name, String attribute, int start, int end) {}

    private SubString() {}

    public static List<Variable> variables(String text) {
        List<Variable> variables = new ArrayList<>();
        int i = 0;
        while ((i = text.indexOf("${", i)) >= 0) {
            int close = text.indexOf('}', i + 2);
            if (close < 0) {
                break;
            }
            String inner = text.substring(i + 2, close);
            if (!inner.startsWith("!") && !inner.isBlank()) {
                String trimmed = inner.strip();
                int nameStart = i + 2 + inner.indexOf(trimmed);
                int dot = trimmed.startsWith("AWS::") ? -1 : trimmed.indexOf('.');
                String name = dot < 0 ? trimmed : trimmed.substring(0, dot);
                String attribute = dot < 0 ? "" : trimmed.substring(dot + 1);
                variables.add(new Variable(name, attribute, nameStart, nameStart + name.length()));
            }
            i = close + 1;
        }
        return variables;
    }

    /** The string with every variable named {@code from} renamed to {@code to} (attributes kept). */
    public static String rename(String text, String from, String to) {
        return rename(text, name -> name.equals(from) ? to : name);
    }

    /** The string with each variable's name replaced by what {@code renamer} says (itself to keep it). */
    public static String rename(String text, java.util.function.UnaryOperator<String> renamer) {
        StringBuilder out = new StringBuilder(text);
        List<Variable> variables = variables(text);
        for (int k = variables.size() - 1; k >= 0; k--) {
            Variable v = variables.get(k);
            out.replace(v.start(), v.end(), renamer.apply(v.name()));
        }
        return out.toString();
    }
}
