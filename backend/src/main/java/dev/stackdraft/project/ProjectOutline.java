package dev.stackdraft.project;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a project's template holds, as the engine reads it from the branch now: its resources with the line
 * they start on and what each one uses (the resource graph's edges), and the validation findings. Until the
 * canvas arrives, the project page shows this.
 *
 * @param problem why the template could not be read ({@code file:line:col: ...}); then the lists are empty
 */
public record ProjectOutline(List<OutlineResource> resources, List<OutlineFinding> findings, @Nullable String problem) {

    public ProjectOutline {
        resources = List.copyOf(resources);
        findings = List.copyOf(findings);
    }

    /** One resource; {@code uses} are its outgoing edges as {@code kind → target} (e.g. {@code layer → CommonLayer}). */
    public record OutlineResource(String id, String type, int line, List<String> uses) {
        public OutlineResource {
            uses = List.copyOf(uses);
        }
    }

    public record OutlineFinding(String severity, int line, String message) {}
}
