package dev.stackdraft.template;

import dev.stackdraft.template.Value.Entry;
import dev.stackdraft.template.Value.Mapping;
import dev.stackdraft.template.Value.Scalar;
import dev.stackdraft.template.Value.Sequence;
import dev.stackdraft.template.Value.Tagged;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Turns a parsed root mapping into a {@link Template}: dialect, transforms, resources, parameters. */
final class TemplateModel {

    static final String SAM_TRANSFORM = "AWS::Serverless-2016-10-31";

    private TemplateModel() {}

    static Template of(SourceText source, Value root, List<Tagged> unknownTags, List<Finding> readFindings) {
        List<Finding> findings = new ArrayList<>(readFindings);
        if (!(root instanceof Mapping mapping)) {
            Span s = root.span();
            throw new TemplateException(new SourceLocation(source.name(), Math.max(1, s.line()), Math.max(1, s.column())),
                    "the top level is " + article(root) + ", not a mapping",
                    "a template is a mapping with sections such as Resources");
        }
        List<String> transforms = transforms(mapping);
        Dialect dialect = isServerless(source, mapping) ? Dialect.SERVERLESS
                : transforms.contains(SAM_TRANSFORM) ? Dialect.SAM : Dialect.CLOUDFORMATION;
        List<Resource> resources = new ArrayList<>();
        if (dialect == Dialect.SERVERLESS) {
            serverlessResources(mapping, resources);
        } else {
            Entry section = mapping.entry("Resources").orElseThrow(() -> new TemplateException(
                    new SourceLocation(source.name(), 1, 1), "the template has no Resources section",
                    "CloudFormation needs a Resources mapping with at least one resource"));
            if (!(section.value() instanceof Mapping resourcesMapping)) {
                throw at(source, section.value().span().isKnown() ? section.value() : section.key(),
                        "Resources is " + article(section.value()) + ", not a mapping",
                        "write each resource as 'LogicalId:' with its Type and Properties below");
            }
            cloudFormationResources(source, resourcesMapping, DocPath.of("Resources"), resources, findings);
        }
        for (Tagged tag : unknownTags) {
            findings.add(Finding.warning("unknown-tag", location(source, tag), "unknown tag " + tag.tag()
                    + ": kept as written; CloudFormation needs a preprocessor (e.g. Rain) to resolve it"));
        }
        return new Template(source, dialect, mapping, transforms, resources, parameters(mapping), unknownTags, findings);
    }

    private static boolean isServerless(SourceText source, Mapping root) {
        String name = source.name().replace('\\', '/');
        String file = name.substring(name.lastIndexOf('/') + 1);
        boolean named = file.startsWith("serverless.") && (file.endsWith(".yml") || file.endsWith(".yaml"));
        return root.get("service").isPresent() && (named || root.get("provider").isPresent()
                || root.get("functions").isPresent()) && root.get("AWSTemplateFormatVersion").isEmpty();
    }

    private static List<String> transforms(Mapping root) {
        List<String> names = new ArrayList<>();
        root.get("Transform").ifPresent(value -> {
            if (value instanceof Scalar s) {
                names.add(s.text());
            } else if (value instanceof Sequence seq) {
                seq.items().stream().filter(Scalar.class::isInstance).map(v -> ((Scalar) v).text()).forEach(names::add);
            }
        });
        return names;
    }

    private static void cloudFormationResources(SourceText source, Mapping section, DocPath path, List<Resource> out,
                                                List<Finding> findings) {
        Set<Entry> counted = counted(section);
        for (Entry entry : section.entries()) {
            if (entry.name().startsWith("Fn::ForEach::")) {
                continue; // LanguageExtensions loops generate resources at deploy time; the loop itself is no resource
            }
            if (entry.name().isEmpty()) {
                throw at(source, entry.key(), "a resource without a logical id (its key is empty)",
                        "write the resource's name before the ':'");
            }
            if (!counted.contains(entry)) {
                continue; // a repeated logical id: the last definition wins, as in every YAML or JSON reader
            }
            if (entry.value() instanceof Tagged) {
                continue; // a preprocessor's tag (e.g. !Rain::Module) makes the resource; its unknown-tag warning says so
            }
            DocPath resourcePath = path.child(entry.name());
            if (!(entry.value() instanceof Mapping definition)) {
                throw at(source, entry.value().span().isKnown() ? entry.value() : entry.key(), "resource '" + entry.name()
                        + "' is " + article(entry.value()) + ", not a mapping", "give it a Type and Properties");
            }
            Optional<Value> type = definition.get("Type");
            String typeName = type.orElse(null) instanceof Scalar typeScalar ? typeScalar.text().strip() : "";
            if (typeName.isEmpty() && type.orElse(null) instanceof Tagged tagged) {
                findings.add(Finding.error("missing-type", location(source, tagged), "resource '" + entry.name()
                        + "' has a Type only a preprocessor can resolve (" + tagged.tag() + "): CloudFormation needs "
                        + "'Type: AWS::...'"));
            } else if (typeName.isEmpty()) {
                findings.add(Finding.error("missing-type", location(source, entry.key()), "resource '" + entry.name()
                        + "' has no Type: add a line 'Type: AWS::...' to it"));
            }
            out.add(new Resource(new LogicalId(entry.name()), new ResourceType(typeName), entry.key(),
                    definition, resourcePath, resourcePath.child("Properties"), definition.mapping("Properties")));
        }
    }

    private static void serverlessResources(Mapping root, List<Resource> out) {
        declared(root, "functions", ResourceType.SERVERLESS_FUNCTION, out);
        declared(root, "layers", ResourceType.SERVERLESS_LAYER, out);
        root.get("resources").ifPresent(resources -> {
            if (resources instanceof Mapping m) {
                m.mapping("Resources").ifPresent(r -> lenient(r, DocPath.of("resources", "Resources"), out));
            } else if (resources instanceof Sequence seq) {
                for (int i = 0; i < seq.items().size(); i++) {
                    if (seq.items().get(i) instanceof Mapping m) {
                        int index = i;
                        m.mapping("Resources").ifPresent(r -> lenient(r, DocPath.of("resources", index, "Resources"), out));
                    }
                }
            }
        });
    }

    /** Serverless files are not CloudFormation: what we cannot read as a resource we leave alone, not refuse. */
    private static void lenient(Mapping section, DocPath path, List<Resource> out) {
        Set<Entry> counted = counted(section);
        for (Entry entry : section.entries()) {
            if (entry.value() instanceof Mapping definition && definition.get("Type").orElse(null) instanceof Scalar type
                    && !type.text().isBlank() && !entry.name().isEmpty() && counted.contains(entry)) {
                DocPath resourcePath = path.child(entry.name());
                out.add(new Resource(new LogicalId(entry.name()), new ResourceType(type.text()), entry.key(), definition,
                        resourcePath, resourcePath.child("Properties"), definition.mapping("Properties")));
            }
        }
    }

    private static void declared(Mapping root, String sectionName, ResourceType type, List<Resource> out) {
        root.mapping(sectionName).ifPresent(section -> {
            Set<Entry> counted = counted(section);
            for (Entry entry : section.entries()) {
                if (entry.value() instanceof Mapping definition && !entry.name().isEmpty() && counted.contains(entry)) {
                    DocPath path = DocPath.of(sectionName, entry.name());
                    out.add(new Resource(new LogicalId(entry.name()), type, entry.key(), definition, path, path,
                            Optional.of(definition)));
                }
            }
        });
    }

    private static List<Parameter> parameters(Mapping root) {
        List<Parameter> parameters = new ArrayList<>();
        root.mapping("Parameters").ifPresent(section -> {
            Set<Entry> counted = counted(section);
            for (Entry entry : section.entries()) {
                if (entry.value() instanceof Mapping definition && !entry.name().isEmpty() && counted.contains(entry)) {
                    parameters.add(new Parameter(new LogicalId(entry.name()), definition.string("Type").orElse("String"),
                            definition, entry.key().span().line()));
                }
            }
        });
        return parameters;
    }

    /** The entries a mapping's keys mean: where a key repeats, only the last counts (a duplicate-key finding says so). */
    private static Set<Entry> counted(Mapping section) {
        Map<String, Entry> last = new HashMap<>();
        section.entries().forEach(e -> last.put(e.name(), e));
        Set<Entry> counted = Collections.newSetFromMap(new IdentityHashMap<>());
        counted.addAll(last.values());
        return counted;
    }

    /** What a value is, for a message: "a list", "a scalar", "empty". */
    private static String article(Value value) {
        if (value instanceof Scalar s && s.isNull()) {
            return "empty";
        }
        String what = YamlTreeBuilder.describe(value);
        return (what.startsWith("a") || what.startsWith("e") || what.startsWith("i") || what.startsWith("o")
                || what.startsWith("u") ? "an " : "a ") + what;
    }

    private static SourceLocation location(SourceText source, Value value) {
        Span s = value.span();
        return new SourceLocation(source.name(), Math.max(1, s.line()), Math.max(1, s.column()));
    }

    private static TemplateException at(SourceText source, Value value, String problem, String hint) {
        Span s = value.span();
        return new TemplateException(new SourceLocation(source.name(), Math.max(1, s.line()), Math.max(1, s.column())),
                problem, hint);
    }
}
