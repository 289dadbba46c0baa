package dev.stackdraft.project;

import dev.stackdraft.edit.LayerArn;
import dev.stackdraft.project.ProjectUpgrade.Kind;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What "upgrade this layer everywhere" did, project by project: what moved where.
 *
 * @param layerVersionArn the version every use was moved to
 * @param projects        each project that uses the layer (or might: one that could not be read), in the order of
 *                        the dashboard's list by repository
 * @param checked         how many projects were looked at (those the user can see, less the ones left out)
 * @param notUsing        how many of them do not use the layer: not listed
 * @param unreadable      how many templates could not be read and do not mention the layer: not listed
 */
public record LayerUpgradeSummary(String layerVersionArn, List<ProjectUpgrade> projects, int checked, int notUsing,
                                  int unreadable) {

    public LayerUpgradeSummary {
        projects = List.copyOf(projects);
    }

    public long count(Kind kind) {
        return projects.stream().filter(p -> p.kind() == kind).count();
    }

    /** The projects of one kind, in order. */
    public List<ProjectUpgrade> of(Kind kind) {
        return projects.stream().filter(p -> p.kind() == kind).toList();
    }

    /**
     * A few lines for the user: the counts, then each project by outcome with the versions before and after, the
     * commit and branch or what went wrong.
     */
    public String describe() {
        LayerArn layer = LayerArn.parse(layerVersionArn).orElseThrow();
        StringBuilder out = new StringBuilder("Layer ").append(layer.name()).append(" to version ")
                .append(layer.version()).append(" (").append(layerVersionArn).append("): ")
                .append(counts()).append(", of ").append(checked).append(checked == 1 ? " project" : " projects")
                .append(" checked.\n");
        for (Kind kind : Kind.values()) {
            List<ProjectUpgrade> some = of(kind);
            if (some.isEmpty()) {
                continue;
            }
            out.append(heading(kind)).append(":\n");
            for (ProjectUpgrade p : some) {
                out.append("- ").append(p.repository()).append(' ').append(p.templatePath())
                        .append(" (").append(versions(p, layer.version())).append("): ").append(p.message());
                if (p.pullRequest() != null) {
                    out.append(' ').append(p.pullRequest());
                }
                out.append('\n');
            }
        }
        return out.toString();
    }

    private String counts() {
        String listed = Arrays.stream(Kind.values()).filter(k -> count(k) > 0)
                .map(k -> count(k) + " " + heading(k).toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(", "));
        String rest = notUsing + " not using it" + (unreadable > 0 ? ", " + unreadable + " unreadable" : "");
        return listed.isEmpty() ? rest : listed + "; " + rest;
    }

    private static String heading(Kind kind) {
        return switch (kind) {
            case UPGRADED -> "Upgraded";
            case ALREADY_CURRENT -> "Already current";
            case SKIPPED -> "Skipped";
            case FAILED -> "Failed";
        };
    }

    private static String versions(ProjectUpgrade p, int target) {
        if (p.versionsBefore().isEmpty()) {
            return "versions unknown";
        }
        String before = p.versionsBefore().stream().map(String::valueOf).collect(Collectors.joining(", "));
        return p.kind() == Kind.UPGRADED ? before + " → " + target : "on " + before;
    }
}
