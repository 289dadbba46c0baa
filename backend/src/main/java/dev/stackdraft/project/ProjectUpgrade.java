package dev.stackdraft.project;

import java.net.URI;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What "upgrade this layer everywhere" did to one project that uses the layer.
 *
 * @param repository     the repository's full name ({@code owner/name})
 * @param versionsBefore the versions of the layer the template used, lowest first (e.g. {@code [3, 5]}); empty
 *                       when the template could not be read at all
 * @param commitId       the upgrade's commit; null unless {@link Kind#UPGRADED}
 * @param branch         the branch the commit is on; otherwise the project's branch
 * @param pullRequest    the pull / merge request opened for it; null when none was asked for, the host has none,
 *                       or it refused (then {@code message} says why)
 * @param message        a sentence for the user: what was done, or what went wrong and what to do
 */
public record ProjectUpgrade(long projectId, String repository, String templatePath, Kind kind,
                             List<Integer> versionsBefore, @Nullable String commitId, String branch,
                             @Nullable URI pullRequest, String message) {

    public enum Kind {
        /** Committed (and pushed): every use of the layer is on the new version. */
        UPGRADED,
        /** Every use is already on the version, or a newer one: nothing was written. */
        ALREADY_CURRENT,
        /**
         * Left alone: some uses are older, but another is newer than the version asked for, and the upgrade would
         * move that one back. Nothing was written.
         */
        SKIPPED,
        /** The template could not be read, or the commit failed (host down, a protected branch, a conflict). */
        FAILED
    }

    public ProjectUpgrade {
        versionsBefore = List.copyOf(versionsBefore);
    }
}
