package dev.stackdraft.runtime;

import java.util.List;

/**
 * What {@link BootstrapCheck#check} found for one function.
 *
 * @param needed  whether the function needs a {@code bootstrap} file: it runs on an OS-only runtime
 *                ({@code provided*}) from a zip package
 * @param found   whether one was found (always false when not needed)
 * @param where   where it was found: a path in the repository, a layer, or the build that writes it; empty if none
 * @param looked  each place looked at, in Lambda's order, with why one could not be checked
 * @param message one or two sentences for the user
 */
public record BootstrapReport(boolean needed, boolean found, String where, List<String> looked, String message) {

    public BootstrapReport {
        looked = List.copyOf(looked);
    }

    /** Whether the user should be told something is missing: needed and not found. */
    public boolean missing() {
        return needed && !found;
    }
}
