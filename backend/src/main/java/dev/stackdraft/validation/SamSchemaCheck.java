package dev.stackdraft.validation;

import dev.stackdraft.template.DocPath;
import dev.stackdraft.template.Resource;
import dev.stackdraft.template.Span;
import dev.stackdraft.template.Template;
import dev.stackdraft.template.Value;
import dev.stackdraft.template.Value.Entry;
import dev.stackdraft.template.Value.Mapping;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Each {@code AWS::Serverless::*} resource, and {@code Globals}, against the official SAM JSON schema
 * ({@code sam-schema}). A resource is checked with the globals that apply to it merged into its Properties, so
 * that what Globals supply counts as present; errors inside Globals are reported once, by the Globals check.
 */
final class SamSchemaCheck {

    static final String CODE = "sam-schema";

    private final Template template;
    private final Report report;

    SamSchemaCheck(Template template, Report report) {
        this.template = template;
        this.report = report;
    }

    /** Whether the template has anything for the SAM schema to judge (SAM resources, Globals). */
    static boolean applies(Template template) {
        return template.isSam() && template.root().entry("Globals").isPresent()
                || template.resources().stream().anyMatch(r -> r.type().isSam());
    }

    void run() {
        if (!applies(template)) {
            return; // the schema is loaded only for templates that use SAM
        }
        Optional<Entry> globals = template.isSam() ? template.root().entry("Globals") : Optional.empty();
        SamSchema schema = SamSchema.bundled();
        SchemaEvaluator evaluator = new SchemaEvaluator(schema);
        Span globalsSpan = globals.map(g -> g.value().span()).orElse(Span.NONE);
        for (Resource resource : template.resources()) {
            if (!resource.type().isSam()) {
                continue;
            }
            Optional<SchemaNode> node = schema.resource(resource.type().value());
            if (node.isEmpty()) {
                continue; // an unknown SAM type: the resource check says so
            }
            Mapping instance = withGlobals(resource);
            for (SchemaError error : evaluator.evaluate(node.get(), instance, resource.path(), resource.key().span())) {
                if (!inside(error.span(), globalsSpan)) {
                    report.error(CODE, error.span(), message(resource.id().value(), resource.path(), error));
                }
            }
        }
        if (globals.isPresent() && schema.globals().isPresent()) {
            Entry entry = globals.get();
            for (SchemaError error : evaluator.evaluate(schema.globals().get(), entry.value(), DocPath.of("Globals"),
                    entry.key().span())) {
                report.error(CODE, error.span(), message("Globals", DocPath.of("Globals"), error));
            }
        }
    }

    private Mapping withGlobals(Resource resource) {
        Optional<Mapping> merged = SamGlobals.mergedProperties(template, resource);
        if (merged.isEmpty() || SamGlobals.section(template, resource).isEmpty()) {
            return resource.definition();
        }
        List<Entry> entries = new ArrayList<>(resource.definition().entries());
        int at = -1;
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).name().equals("Properties")) {
                at = i;
            }
        }
        if (at >= 0) {
            entries.set(at, new Entry(entries.get(at).key(), merged.get()));
        } else if (!merged.get().isEmpty()) {
            Value.Scalar key = new Value.Scalar("Properties", Value.ScalarKind.STRING, Value.ScalarStyle.PLAIN,
                    resource.key().span());
            entries.add(new Entry(key, merged.get()));
        }
        Mapping definition = resource.definition();
        return new Mapping(entries, definition.flow(), definition.span());
    }

    private static boolean inside(Span span, Span outer) {
        return outer.isKnown() && span.isKnown() && span.start() >= outer.start() && span.start() < outer.end();
    }

    static String message(String owner, DocPath base, SchemaError error) {
        String where = relative(base, error.kind() == SchemaError.Kind.ADDITIONAL ? error.path().parent() : error.path());
        String in = where.isEmpty() ? "" : " in " + where;
        String at = where.isEmpty() ? "" : where + " ";
        return owner + ": " + switch (error.kind()) {
            case ADDITIONAL -> "SAM does not know '" + error.name() + "'" + in
                    + Suggestions.closest(error.name(), error.allowed()).map(s -> "; did you mean " + s + "?")
                    .orElse(error.allowed().isEmpty() ? "; remove it" : "; remove it, or use one of " + list(error.allowed()));
            case REQUIRED -> (where.isEmpty() ? "the resource" : where) + " lacks " + error.name()
                    + ", which SAM requires: add it";
            case TYPE -> at + "is " + article(error.name()) + "; SAM expects " + or(error.allowed());
            case ENUM -> at + "is '" + error.name() + "'; SAM accepts "
                    + (error.allowed().size() == 1 ? "only '" + error.allowed().getFirst() + "'" : "one of " + list(error.allowed()))
                    + Suggestions.closest(error.name(), error.allowed()).map(s -> "; did you mean " + s + "?").orElse("");
            case PATTERN -> at + "'" + error.name() + "' does not match the pattern " + error.allowed().getFirst()
                    + " that SAM requires";
        };
    }

    private static String relative(DocPath base, DocPath path) {
        DocPath rest = path.startsWith(base) ? new DocPath(path.segments().subList(base.segments().size(),
                path.segments().size())) : path;
        return rest.toString();
    }

    private static String article(String type) {
        return switch (type) {
            case "object" -> "a mapping (or an intrinsic function)";
            case "array" -> "a list";
            case "integer" -> "an integer";
            case "null" -> "empty";
            default -> "a " + type;
        };
    }

    private static String or(List<String> types) {
        List<String> words = types.stream().map(t -> switch (t) {
            case "object" -> "a mapping";
            case "array" -> "a list";
            case "integer" -> "an integer";
            case "null" -> "nothing";
            default -> "a " + t;
        }).toList();
        if (words.size() <= 1) {
            return words.isEmpty() ? "something else" : words.getFirst();
        }
        return String.join(", ", words.subList(0, words.size() - 1)) + " or " + words.getLast();
    }

    private static String list(List<String> names) {
        int shown = Math.min(names.size(), 12);
        String head = String.join(", ", names.subList(0, shown));
        return names.size() > shown ? head + " ... (" + names.size() + " in all)" : head;
    }
}
