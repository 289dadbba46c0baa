package dev.stackdraft.template;

import java.util.Optional;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;

/**
 * snakeyaml-engine's complaints, said for a person who writes templates: what is wrong, at the place to look
 * at, without parser jargon. Kept apart from {@link YamlTreeBuilder}, which builds values and only hands its
 * parse errors here.
 */
final class YamlSyntaxErrors {

    private final String file;
    private final TextIndex index;

    YamlSyntaxErrors(String file, TextIndex index) {
        this.file = file;
        this.index = index;
    }

    /**
     * The parser's complaint said for a person who writes templates: what is wrong, at the place to look at
     * (where an unclosed quote or bracket opens rather than the end of the file), without parser jargon.
     */
    TemplateException translate(MarkedYamlEngineException e) {
        String context = e.getContext() == null ? "" : e.getContext().strip();
        String problem = e.getProblem() == null ? "malformed YAML" : e.getProblem().strip();
        Optional<Mark> at = e.getProblemMark().isPresent() ? e.getProblemMark() : e.getContextMark();
        Optional<Mark> opened = e.getContextMark();
        String openedAt = opened.map(m -> {
            SourceLocation l = location(Optional.of(m));
            return "line " + l.line() + ", column " + l.column();
        }).orElse("");
        if (context.contains("quoted scalar") && problem.contains("end of stream")) {
            return at(opened, "this quoted string is never closed",
                    "add the closing quote (" + charAt(opened) + ") where the value ends");
        }
        if (context.startsWith("while parsing a flow") && problem.startsWith("expected ',' or ")) {
            char close = context.contains("sequence") ? ']' : '}';
            String what = close == ']' ? "list" : "mapping";
            if (problem.endsWith("<stream end>")) {
                return at(opened, "this '" + charAt(opened) + "' is never closed", "add the closing '" + close + "'");
            }
            return at(at, "expected ',' or '" + close + "' in the " + what + " opened at " + openedAt,
                    "separate the items with ',' and close the " + what + " with '" + close + "'");
        }
        if (problem.contains("that cannot start any token")) {
            if (problem.contains("TAB")) {
                return at(at, "a tab character used for indentation", "YAML indents with spaces only: replace the tab with spaces");
            }
            return at(at, "'" + charAt(at) + "' cannot start a value", "put the value in quotes");
        }
        if (problem.startsWith("expected <block end>, but found")) {
            String found = problem.substring(problem.indexOf("found") + 6).replace("'", "");
            boolean inList = context.contains("collection") || context.contains("sequence");
            if (found.equals("]") || found.equals("}")) {
                return at(at, "an unmatched '" + found + "'", "remove it, or add the opening '"
                        + (found.equals("]") ? "[" : "{") + "' it belongs to");
            }
            if (found.equals(":")) {
                return at(at, "a ':' with no key before it", "write the key before the ':'");
            }
            if (found.equals("-") || found.equals("<block sequence start>")) {
                return at(at, "a list item where a key of the mapping at " + openedAt + " was expected",
                        "indent the '- ' items under a key that ends with ':'");
            }
            if (!startsItsLine(at)) {
                return at(at, "unexpected text after the value", "put the whole value in quotes");
            }
            return at(at, inList ? "this line is not an item ('- ') of the list that starts at " + openedAt
                            : "this line is not indented like the keys of the mapping that starts at " + openedAt,
                    "line it up with the entries above it (spaces only), or indent it under a key that ends with ':'");
        }
        if (context.contains("simple key") && problem.contains("could not find expected ':'")) {
            return at(opened, "this line is neither a key (it has no ':') nor part of a value",
                    "add ': ' after the key, or indent the line as the continuation of the value above");
        }
        if (problem.startsWith("found unknown escape character")) {
            return at(at, "unknown escape '\\" + charAt(at) + "' in a double-quoted string",
                    "write '\\\\' for a backslash, or put the value in single quotes");
        }
        if (context.contains("scanning an anchor") || context.contains("scanning an alias")) {
            char sigil = context.contains("anchor") ? '&' : '*';
            return at(opened, "'" + sigil + "' must be followed by a name", "write the name right after '" + sigil
                    + "', or put the value in quotes if '" + sigil + "' is part of the text");
        }
        if (problem.equals("mapping values are not allowed here")) {
            return at(at, "a ':' that YAML cannot place here",
                    "if the value contains ': ', put it in quotes; otherwise check the indentation of this line");
        }
        if (problem.startsWith("expected '<document start>'")) {
            return at(at, "text after the end of the document ('...')",
                    "a template is one document: remove the '...' line or what follows it");
        }
        if (context.contains("block node") && problem.startsWith("expected the node content")) {
            return at(at, "unexpected " + problem.substring(problem.indexOf("found") + 6) + " where a value should start",
                    "remove it, or put the value in quotes");
        }
        String message = problem.replace("<block end>", "the end of the block")
                .replace("<block mapping start>", "a key")
                .replace("<block sequence start>", "a list")
                .replace("<scalar>", "a value")
                .replace("<stream end>", "the end of the file")
                .replace("'<document start>'", "'---'")
                .replaceAll("\\s*\\(Do not use .* for indentation\\)", "")
                .replaceAll("\\s*\\(\\d+\\)", "")
                .replaceAll("\\s+", " ")
                .strip();
        return at(at, message, "fix the YAML syntax at this place");
    }

    private boolean startsItsLine(Optional<Mark> mark) {
        if (mark.isEmpty()) {
            return true;
        }
        int offset = index.charOffset(mark.get().getIndex());
        return index.text().substring(index.lineStart(offset), offset).isBlank();
    }

    private String charAt(Optional<Mark> mark) {
        int offset = mark.map(m -> index.charOffset(m.getIndex())).orElse(-1);
        String text = index.text();
        return offset >= 0 && offset < text.length() ? String.valueOf(text.charAt(offset)) : "";
    }

    TemplateException at(Optional<Mark> mark, String problem, String hint) {
        return new TemplateException(location(mark), problem, hint);
    }

    /** Where a mark points, as line and column of the text (columns count chars, like every {@link Span}). */
    SourceLocation location(Optional<Mark> mark) {
        return mark.map(m -> {
            int offset = index.charOffset(m.getIndex());
            return new SourceLocation(file, index.line(offset), index.column(offset));
        }).orElse(new SourceLocation(file, 1, 1));
    }
}
