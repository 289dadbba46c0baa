package dev.stackdraft.editing.links;

import dev.stackdraft.edit.EditCommand;

/**
 * One way to link two resources: a label for a chooser, a longer description, and the edit command that writes it.
 *
 * @param kind one of {@link #EVENT_SOURCE}, {@link #POLICY_TEMPLATE}, {@link #CONNECTOR},
 *             {@link #ENVIRONMENT_VARIABLE}
 */
public record LinkOption(String kind, String label, String description, EditCommand command) {

    public static final String EVENT_SOURCE = "event-source";
    public static final String POLICY_TEMPLATE = "policy-template";
    public static final String CONNECTOR = "connector";
    public static final String ENVIRONMENT_VARIABLE = "environment-variable";
}
