package dev.stackdraft.template;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The logical ids the SAM transform derives from a resource's id, which a template may refer to before they
 * exist: {@code MyFunctionRole}, {@code MyFunction.Alias}, {@code MyApiProdStage}, {@code StateMachine<Event>Role}.
 * SAM appends event names and suffixes of its own, so no list of suffixes says which names are derived; the
 * test is the id's prefix. A name belongs to the longest logical id it starts with, and is derived only if that
 * resource is a SAM one: beside a real {@code StateMachineFunction}, {@code StateMachineFunctionRole} is that
 * function's role and no name of {@code StateMachine}'s, and beside a real {@code MyFunctionRole} that id names
 * the resource, not what {@code MyFunction} would derive.
 */
public final class SamDerivedNames {

    private final boolean sam;
    private final Set<String> defined;
    private final List<String> resourceIds;
    private final Set<String> samIds = new HashSet<>();

    private SamDerivedNames(Template template) {
        this.sam = template.isSam();
        this.defined = Resolution.referable(template);
        this.resourceIds = template.resources().stream().map(r -> r.id().value()).toList();
        template.resources().stream().filter(r -> r.type().isSam()).forEach(r -> samIds.add(r.id().value()));
    }

    public static SamDerivedNames of(Template template) {
        return new SamDerivedNames(template);
    }

    /** The SAM resource the transform derives {@code name} from; empty for a defined name or any other. */
    public Optional<String> owner(String name) {
        if (!sam || defined.contains(name)) {
            return Optional.empty();
        }
        String owner = null;
        for (String id : resourceIds) {
            if (name.length() > id.length() && name.startsWith(id) && (owner == null || id.length() > owner.length())) {
                owner = id;
            }
        }
        return owner != null && samIds.contains(owner) ? Optional.of(owner) : Optional.empty();
    }
}
