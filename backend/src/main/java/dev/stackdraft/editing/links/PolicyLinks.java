package dev.stackdraft.editing.links;

import static dev.stackdraft.editing.links.LinkContext.id;

import dev.stackdraft.catalog.PolicyTemplate;
import dev.stackdraft.catalog.ResourceCatalog;
import dev.stackdraft.edit.AddPolicyTemplate;
import dev.stackdraft.template.DocPath;
import dev.stackdraft.template.Fn;
import dev.stackdraft.template.Reference;
import dev.stackdraft.template.References;
import dev.stackdraft.template.Resource;
import dev.stackdraft.template.ResourceType;
import dev.stackdraft.template.Template;
import dev.stackdraft.template.Value;
import dev.stackdraft.template.Value.Mapping;
import dev.stackdraft.template.Value.Sequence;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * SAM policy templates a function or SAM state machine can be given for another resource, from
 * {@code policy-links.tsv}: a table of facts about AWS types (which template fits, what its parameter takes: the
 * resource's Ref or one of its attributes), kept as data like SAM's own connector profiles, so that adding a row
 * needs no code and a test can check every row against the catalog. The parameter's name and the chooser's
 * description come from the catalog's copy of SAM's templates.
 */
final class PolicyLinks implements Linker {

    static final String DATA = "policy-links.tsv";

    /** One row: for a resource of {@code type}, {@code template} with its parameter set to a Ref or a GetAtt. */
    record Row(String type, PolicyTemplate template, Optional<String> attribute, String when) {

        Value value(String id) {
            return attribute.<Value>map(a -> Value.intrinsic(Fn.GET_ATT, Value.string(id + "." + a))).orElse(Value.ref(id));
        }

        /** Whether the row fits this resource: an SSM parameter's name with or without a leading slash. */
        boolean fits(Resource resource) {
            boolean slash = resource.properties().flatMap(p -> p.string("Name")).filter(n -> n.startsWith("/")).isPresent();
            return switch (when) {
                case "slash-name" -> slash;
                case "plain-name" -> !slash;
                default -> true;
            };
        }
    }

    private final List<Row> rows;

    PolicyLinks(List<Row> rows) {
        this.rows = List.copyOf(rows);
    }

    static PolicyLinks bundled(ResourceCatalog catalog) {
        try (InputStream in = PolicyLinks.class.getResourceAsStream(DATA)) {
            if (in == null) {
                throw new IllegalStateException("bundled resource missing: " + DATA);
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), catalog);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static PolicyLinks parse(String text, ResourceCatalog catalog) {
        List<Row> rows = new ArrayList<>();
        int number = 0;
        for (String line : text.lines().toList()) {
            number++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.split("\t");
            if (fields.length < 3 || fields.length > 4 || !fields[2].equals("Ref") && !fields[2].startsWith("GetAtt ")) {
                throw new IllegalStateException(DATA + " line " + number + ": expected type, template, Ref or GetAtt"
                        + " <attribute>, and optionally when");
            }
            int at = number;
            PolicyTemplate template = catalog.policyTemplate(fields[1]).orElseThrow(
                    () -> new IllegalStateException(DATA + " line " + at + ": no SAM policy template " + fields[1]));
            if (template.parameters().size() != 1) {
                throw new IllegalStateException(DATA + " line " + number + ": " + fields[1] + " takes "
                        + template.parameters().size() + " parameters; only one-parameter templates fit a link");
            }
            Optional<String> attribute = fields[2].equals("Ref") ? Optional.empty() : Optional.of(fields[2].substring(7));
            rows.add(new Row(fields[0], template, attribute, fields.length == 4 ? fields[3] : "always"));
        }
        return new PolicyLinks(rows);
    }

    List<Row> rows() {
        return rows;
    }

    @Override
    public List<LinkOption> options(LinkContext context, Resource holder, Resource target) {
        Template template = context.template();
        boolean samHolder = holder.type().equals(ResourceType.SAM_FUNCTION) || holder.type().equals(ResourceType.SAM_STATE_MACHINE);
        if (!samHolder || !template.isSam() || hasOwnRole(template, holder) || !LinkContext.conditionsAllow(holder, target)
                || context.wouldCycle(id(holder), id(target))) {
            return List.of();
        }
        List<LinkOption> options = new ArrayList<>();
        for (Row row : rows) {
            if (!row.type().equals(target.type().value()) || !row.fits(target) || has(holder, row.template().name(), id(target))) {
                continue;
            }
            String name = row.template().name();
            AddPolicyTemplate command = new AddPolicyTemplate(id(holder), name,
                    List.of(Value.entry(row.template().parameters().getFirst(), row.value(id(target)))));
            options.add(new LinkOption(LinkOption.POLICY_TEMPLATE, name + " (" + id(holder) + " → " + id(target) + ")",
                    row.template().description() + " (SAM policy template " + name + " on " + id(target) + ", added to the "
                            + "Policies of " + id(holder) + ").", command));
        }
        return options;
    }

    /** SAM ignores the Policies of a function that names its own role. */
    private static boolean hasOwnRole(Template template, Resource holder) {
        return holder.property("Role").isPresent() || holder.type().equals(ResourceType.SAM_FUNCTION)
                && template.at(DocPath.of("Globals", "Function", "Role")).isPresent();
    }

    /** Whether the holder's Policies list {@code policy} already, naming the target. */
    private static boolean has(Resource holder, String policy, String target) {
        Value policies = holder.property("Policies").orElse(null);
        List<Value> items = policies instanceof Sequence s ? s.items() : policies == null ? List.of() : List.of(policies);
        for (Value item : items) {
            if (item instanceof Mapping m && m.get(policy).isPresent()
                    && References.below(m.get(policy).orElseThrow(), DocPath.ROOT).stream().map(Reference::target)
                    .anyMatch(target::equals)) {
                return true;
            }
        }
        return false;
    }
}
