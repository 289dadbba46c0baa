package dev.stackdraft.edit;

import dev.stackdraft.template.DocPath;
import dev.stackdraft.template.Fn;
import dev.stackdraft.template.Resource;
import dev.stackdraft.template.Template;
import dev.stackdraft.template.Value;
import dev.stackdraft.template.Value.Intrinsic;
import dev.stackdraft.template.Value.Mapping;
import dev.stackdraft.template.Value.Scalar;
import dev.stackdraft.template.Value.Sequence;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A resource that {@link UseExisting} switched: created where its parameter is empty, an existing one where an
 * environment sets it. Read off the template itself, so that it holds for templates written by hand the same way.
 *
 * @param resource                 the resource's logical id
 * @param parameter                the parameter with the existing one's ARN (or name), e.g. {@code OrdersTableExistingArn}
 * @param condition                the condition that creates it, e.g. {@code OrdersTableIsNew}
 * @param perEnvironmentParameters what each environment sets to use an existing one: {@code parameter} first, then the
 *                                 values that cannot be told from it (e.g. {@code OrdersTableExistingStreamArn})
 */
public record ExistingSwitch(String resource, String parameter, String condition, List<String> perEnvironmentParameters) {

    public ExistingSwitch {
        perEnvironmentParameters = List.copyOf(perEnvironmentParameters);
    }

    /**
     * The switch of {@code resource}, if it has one: {@code Condition: <Resource>IsNew} on it, that condition defined
     * as {@code !Equals [!Ref <Resource>ExistingArn, ""]} (or {@code ...ExistingName}), and that parameter defined.
     */
    public static Optional<ExistingSwitch> of(Template template, String resource) {
        String condition = ExistingValues.condition(resource);
        Optional<Resource> switched = template.resource(resource);
        if (switched.isEmpty() || !switched.get().condition().equals(Optional.of(condition))) {
            return Optional.empty();
        }
        Optional<Value> definition = template.at(Sections.path(template, "Conditions", condition));
        Optional<String> parameter = definition.flatMap(ExistingSwitch::emptyTest)
                .filter(p -> p.equals(resource + "ExistingArn") || p.equals(resource + "ExistingName"))
                .filter(p -> template.parameter(p).isPresent());
        if (parameter.isEmpty()) {
            return Optional.empty();
        }
        List<String> perEnvironment = new ArrayList<>();
        perEnvironment.add(parameter.get());
        template.parameters().stream().map(p -> p.id().value())
                .filter(p -> p.startsWith(resource + "Existing") && !p.equals(parameter.get()))
                .forEach(perEnvironment::add);
        return Optional.of(new ExistingSwitch(resource, parameter.get(), condition, perEnvironment));
    }

    /** The parameter of {@code !Equals [!Ref P, ""]} (either way round). */
    private static Optional<String> emptyTest(Value value) {
        if (value instanceof Intrinsic eq && eq.fn() == Fn.EQUALS && eq.argument() instanceof Sequence args
                && args.items().size() == 2) {
            for (int i = 0; i < 2; i++) {
                if (args.items().get(i) instanceof Intrinsic ref && ref.fn() == Fn.REF && ref.argument() instanceof Scalar p
                        && args.items().get(1 - i) instanceof Scalar empty && empty.text().isEmpty() && !empty.isNull()) {
                    return Optional.of(p.text());
                }
            }
        }
        return Optional.empty();
    }

    /** Whether {@code value} is this switch's {@code !If [<condition>, ...]}. */
    boolean isIf(Value value) {
        return value instanceof Intrinsic fn && fn.fn() == Fn.IF && fn.argument() instanceof Sequence args
                && args.items().size() == 3 && args.items().getFirst() instanceof Scalar c && c.text().equals(condition);
    }

    /** The resources and outputs carrying {@code Condition: <condition>}: the resource and what goes with it. */
    List<DocPath> conditioned(Template template) {
        List<DocPath> paths = new ArrayList<>();
        for (Resource r : template.resources()) {
            if (r.condition().filter(condition::equals).isPresent()) {
                paths.add(r.path());
            }
        }
        template.section("Outputs").ifPresent(outputs -> outputs.entries().forEach(e -> {
            if (e.value() instanceof Mapping m && m.string("Condition").filter(condition::equals).isPresent()) {
                paths.add(DocPath.of("Outputs", e.name()));
            }
        }));
        return paths;
    }
}
