package dev.stackdraft.edit;

import dev.stackdraft.edit.ExistingKinds.Companion;
import dev.stackdraft.edit.ExistingKinds.Kind;
import dev.stackdraft.template.Change;
import dev.stackdraft.template.Dialect;
import dev.stackdraft.template.DocPath;
import dev.stackdraft.template.Fn;
import dev.stackdraft.template.Reference;
import dev.stackdraft.template.References;
import dev.stackdraft.template.Resolution;
import dev.stackdraft.template.Resource;
import dev.stackdraft.template.Template;
import dev.stackdraft.template.Value;
import dev.stackdraft.template.Value.Entry;
import dev.stackdraft.template.Value.Mapping;
import dev.stackdraft.template.Value.Scalar;
import dev.stackdraft.template.Value.Sequence;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What {@link UseExisting} writes for one resource, worked out and checked before anything is written: the
 * parameter and condition, the resources that go with the resource (its companions, connectors that give it
 * permissions), every place that refers to it wrapped in {@code !If}, connector ends turned from {@code Id} to
 * {@code Arn}. Refuses, with the place and what to do, what cannot be switched.
 */
final class ExistingPlan {

    /** SAM event sources that must find their resource in the same template (the transform configures it). */
    private static final Map<String, String> SAME_TEMPLATE_EVENTS = Map.of("S3", "Bucket", "Cognito", "UserPool");


    private final Template template;
    private final Resource resource;
    private final String id;
    private final Kind kind;
    private final ExistingValues values;
    /** The resources and outputs that get the condition, by path, with the resource itself first. */
    private final Map<DocPath, String> conditioned = new LinkedHashMap<>();
    private final List<DocPath> sites = new ArrayList<>();
    private final ExistingConnectors connectors;
    private List<DocPath> connectorEnds = List.of();

    private ExistingPlan(Template template, Resource resource, Kind kind) {
        this.template = template;
        this.resource = resource;
        this.id = resource.id().value();
        this.kind = kind;
        Set<String> taken = new HashSet<>(Resolution.referable(template));
        taken.addAll(template.conditionNames());
        this.values = new ExistingValues(id, kind, taken);
        this.connectors = new ExistingConnectors(template, resource, kind, values);
    }

    static ExistingPlan of(Template template, String id) {
        if (template.dialect() == Dialect.SERVERLESS) {
            throw Refusals.file(template, "serverless.yml has no CloudFormation parameters per environment",
                    "give each stage its resource under 'params' in serverless.yml");
        }
        if (template.hasReadErrors()) {
            var first = template.findings().stream().filter(f -> f.isError()).findFirst().orElseThrow();
            throw new EditRefusedException(first.location(), "the file is not edited while it has this problem: "
                    + first.message(), "fix it first");
        }
        Resource resource = Refusals.resource(template, id);
        if (ExistingSwitch.of(template, id).isPresent()) {
            throw Refusals.at(template, resource, "'" + id + "' already uses an existing resource where an environment "
                    + "sets " + ExistingValues.parameter(id, ExistingKinds.of(resource.type().value()).orElseThrow()),
                    "set the value per environment (use-existing set), or stop using an existing one first");
        }
        Kind kind = ExistingKinds.of(resource.type().value()).orElseThrow(() -> Refusals.at(template, resource,
                "Use Existing does not know what an existing " + resource.type() + " gives in place of '" + id + "'",
                "it knows " + String.join(", ", ExistingKinds.KINDS.keySet().stream().sorted().toList())));
        if (resource.condition().isPresent()) {
            throw Refusals.at(template, resource, "'" + id + "' already has Condition: " + resource.condition().get()
                    + "; an existing one per environment would need both conditions at once",
                    "take its Condition away first, or switch another resource");
        }
        ExistingPlan plan = new ExistingPlan(template, resource, kind);
        plan.work();
        return plan;
    }

    String parameter() {
        return ExistingValues.parameter(id, kind);
    }

    String condition() {
        return ExistingValues.condition(id);
    }

    // ---- analysis ------------------------------------------------------------------------------------

    private void work() {
        conditioned.put(resource.path(), id);
        companions();
        List<Reference> references = References.in(template);
        Set<String> companionIds = new HashSet<>(conditioned.values());
        companionIds.remove(id);
        for (Reference reference : references) {
            if (reference.kind() == Reference.Kind.CONDITION || reference.isPseudoParameter() || isConditioned(reference.path())) {
                continue;
            }
            String target = reference.target();
            if (target.equals(id)) {
                place(reference);
            } else if (derivedFromResource(target)) {
                throw Refusals.at(template, at(reference), "'" + target + "', which SAM makes for " + id + ", is referred to "
                        + "here; an existing " + kind.type() + " brings none", "refer to " + id + " itself, or switch another resource");
            } else if (companionIds.contains(target)) {
                companionReference(reference);
            }
        }
        connectorEnds = connectors.ends(conditioned.keySet());
        keepOutermostSites();
        connectors.checkSourceRoles(sites);
    }


    /**
     * Whether {@code target} is a name SAM derives from the resource ({@code MyFunctionRole}, {@code MyFunction.Alias}):
     * it starts with the resource's id, no other resource's longer id, and the template does not define it. Also for
     * templates without the Transform line, whose SAM resources the translator takes all the same.
     */
    private boolean derivedFromResource(String target) {
        if (!resource.type().isSam() || !target.startsWith(id) || target.equals(id) || Resolution.referable(template).contains(target)) {
            return false;
        }
        return template.resources().stream().map(r -> r.id().value())
                .noneMatch(other -> other.length() > id.length() && target.startsWith(other));
    }

    /** The resources that only configure this one: they go where it goes. */
    private void companions() {
        for (Resource other : template.resources()) {
            if (other == resource) {
                continue;
            }
            for (Companion companion : ExistingKinds.COMPANIONS) {
                if (!companion.type().equals(other.type().value()) || !companion.of().contains(kind.type())) {
                    continue;
                }
                Optional<Value> property = other.property(companion.property());
                if (property.isEmpty()) {
                    continue;
                }
                Set<String> named = namedResources(property.get(), other.propertiesPath().child(companion.property()));
                if (named.contains(id)) {
                    if (named.size() > 1) {
                        throw Refusals.at(template, other, "'" + other.id().value() + "' configures " + id + " and "
                                + String.join(", ", named.stream().filter(n -> !n.equals(id)).sorted().toList())
                                + " at once, and cannot follow one of them to an existing resource", "split it into one per resource first");
                    }
                    addConditioned(other);
                }
            }
        }
        connectors.withRoleOfResource().forEach(this::addConditioned);
    }

    private void addConditioned(Resource other) {
        if (other.condition().isPresent()) {
            throw Refusals.at(template, other, "'" + other.id().value() + "' goes with " + id
                    + " but has Condition: " + other.condition().get() + " of its own", "take that Condition away first");
        }
        conditioned.put(other.path(), other.id().value());
    }

    private Set<String> namedResources(Value value, DocPath path) {
        Set<String> ids = new LinkedHashSet<>();
        Set<String> resources = new HashSet<>();
        template.resources().forEach(r -> resources.add(r.id().value()));
        for (Reference reference : References.below(value, path)) {
            if (resources.contains(reference.target()) && reference.kind() != Reference.Kind.CONDITION) {
                ids.add(reference.target());
            }
        }
        return ids;
    }

    /** The resources SAM makes for a function that {@code ${Function.Alias}} and the like name. */
    private static final Set<String> SAM_FUNCTION_PARTS = Set.of("Alias", "Version", "DestinationTopic", "DestinationQueue");

    /** A reference to the resource outside what goes with it: a place to wrap, or a refusal. */
    private void place(Reference reference) {
        if (kind.type().equals("AWS::Serverless::Function") && reference.attribute().filter(SAM_FUNCTION_PARTS::contains).isPresent()) {
            throw Refusals.at(template, at(reference), "'" + id + "." + reference.attribute().get() + "' names what SAM makes for "
                    + id + "; an existing function brings none", "refer to " + id + " itself, or switch another resource");
        }
        switch (reference.kind()) {
            case DEPENDS_ON -> throw Refusals.at(template, at(reference), "'" + owner(reference.path()) + "' DependsOn "
                    + id + ", and DependsOn cannot name a resource that an environment does not create",
                    "take " + id + " out of that DependsOn (a Ref or GetAtt orders the two anyway)");
            case GET_ATT -> {
                if (template.at(reference.path().parent()).orElse(null) instanceof Sequence seq && seq.items().size() > 1
                        && !(seq.items().get(1) instanceof Scalar)) {
                    throw Refusals.at(template, at(reference), "this GetAtt of " + id + " asks for an attribute given by a function",
                            "write the attribute's name");
                }
            }
            default -> { }
        }
        DocPath site = sitePath(reference);
        sameTemplateEvent(site, reference);
        sites.add(site);
    }


    /** The path of the function ({@code !Ref}, {@code !GetAtt}, {@code !Sub}) that names the resource. */
    private static DocPath sitePath(Reference reference) {
        DocPath path = reference.path();
        return switch (reference.kind()) {
            case REF -> path.parent();
            case GET_ATT, SUB -> path.last() instanceof Integer ? path.parent().parent() : path.parent();
            default -> path;
        };
    }

    private void sameTemplateEvent(DocPath site, Reference reference) {
        List<Object> s = site.segments();
        // Resources, F, Properties, Events, E, Properties, Bucket
        if (s.size() >= 7 && s.get(0).equals("Resources") && s.get(2).equals("Properties") && s.get(3).equals("Events")
                && s.get(5).equals("Properties")) {
            Optional<String> type = template.at(new DocPath(s.subList(0, 5))).filter(Mapping.class::isInstance)
                    .flatMap(e -> ((Mapping) e).string("Type"));
            if (type.isPresent() && SAME_TEMPLATE_EVENTS.containsKey(type.get())
                    && s.get(6).equals(SAME_TEMPLATE_EVENTS.get(type.get()))) {
                throw Refusals.at(template, at(reference), "the " + type.get() + " event " + s.get(4) + " of " + s.get(1)
                        + " needs " + id + " in this template: SAM configures it there, which it cannot do to an existing one",
                        "subscribe " + s.get(1) + " to the existing one's notifications outside this stack, or keep " + id);
            }
        }
    }

    /** Something refers to a companion: an output goes with it, anything else is refused. */
    private void companionReference(Reference reference) {
        List<Object> s = reference.path().segments();
        if (s.size() >= 2 && s.getFirst().equals("Outputs") && s.get(1) instanceof String output) {
            DocPath path = DocPath.of("Outputs", output);
            if (template.at(path).orElse(null) instanceof Mapping m && m.get("Condition").isPresent()) {
                throw Refusals.at(template, at(reference), "output " + output + " refers to " + reference.target()
                        + ", which goes with " + id + ", but has a Condition of its own", "take that Condition away first");
            }
            conditioned.put(path, output);
            return;
        }
        throw Refusals.at(template, at(reference), "'" + owner(reference.path()) + "' refers to " + reference.target()
                + ", which exists only where " + id + " is created", "refer to " + id + " instead, or switch another resource");
    }


    private void keepOutermostSites() {
        List<DocPath> sorted = new ArrayList<>(new LinkedHashSet<>(sites));
        sorted.sort(Comparator.comparingInt(p -> p.segments().size()));
        List<DocPath> outermost = new ArrayList<>();
        for (DocPath site : sorted) {
            if (outermost.stream().noneMatch(site::startsWith)) {
                outermost.add(site);
            }
        }
        sites.clear();
        sites.addAll(outermost);
    }

    private boolean isConditioned(DocPath path) {
        return conditioned.keySet().stream().anyMatch(path::startsWith);
    }

    private Value at(Reference reference) {
        return template.at(reference.path()).orElse(resource.key());
    }

    private String owner(DocPath path) {
        return path.segments().size() > 1 ? String.valueOf(path.segments().get(1)) : id;
    }

    // ---- the changes ---------------------------------------------------------------------------------

    /** The CloudFormation type a SAM type becomes, which a connector's {@code Type} names. */
    static String cloudFormationType(String type) {
        return switch (type) {
            case "AWS::Serverless::Function" -> "AWS::Lambda::Function";
            case "AWS::Serverless::SimpleTable" -> "AWS::DynamoDB::Table";
            case "AWS::Serverless::StateMachine" -> "AWS::StepFunctions::StateMachine";
            default -> type;
        };
    }

    List<Change> changes() {
        String condition = condition();
        List<Change> changes = new ArrayList<>();
        for (DocPath site : sites) {
            Value original = template.at(site).orElseThrow();
            Value wrapper = Value.intrinsic(Fn.IF, Value.sequence(List.of(Value.string(condition), Value.string(""),
                    values.existing(original))));
            changes.add(new Change.Wrap(site, wrapper, DocPath.of("Fn::If", 1)));
        }
        for (DocPath end : connectorEnds) {
            changes.addAll(connectors.changes(end, condition));
        }
        conditioned.forEach((path, name) -> changes.add(conditionOn(path, condition)));
        checkNames();
        List<Entry> parameters = new ArrayList<>();
        parameters.add(Value.entry(parameter(), ExistingParameters.given(id, kind)));
        values.asked().forEach((name, output) -> parameters.add(Value.entry(name, ExistingParameters.asked(id, kind, output))));
        changes.addAll(ExistingSections.add(template, "Parameters", parameters));
        Value equals = Value.intrinsic(Fn.EQUALS, Value.sequence(List.of(Value.ref(parameter()), Value.string(""))));
        changes.addAll(ExistingSections.add(template, "Conditions", List.of(Value.entry(condition, equals))));
        return changes;
    }


    /** {@code Condition:} right below {@code Type:} of a resource; last in an output. */
    private Change conditionOn(DocPath path, String condition) {
        Mapping definition = (Mapping) template.at(path).orElseThrow();
        int type = definition.keys().indexOf("Type");
        return type >= 0 ? new Change.PutAt(path, type + 1, "Condition", Value.string(condition))
                : new Change.Put(path, "Condition", Value.string(condition));
    }

    private void checkNames() {
        Set<String> names = new LinkedHashSet<>();
        names.add(parameter());
        names.addAll(values.asked().keySet());
        Set<String> defined = Resolution.referable(template);
        for (String name : names) {
            if (defined.contains(name)) {
                throw Refusals.at(template, resource, "this template already defines '" + name + "', the parameter Use Existing of "
                        + id + " needs", "rename it first");
            }
        }
        if (template.conditionNames().contains(condition())) {
            throw Refusals.at(template, resource, "this template already has a condition '" + condition() + "', the one Use Existing of "
                    + id + " needs", "rename it first");
        }
    }



}
