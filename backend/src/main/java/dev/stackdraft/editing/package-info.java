/**
 * Editing a project in the browser: an {@link dev.stackdraft.editing.EditingSession} holds, on the server, the
 * template as read from the branch, with the files beside it ({@link dev.stackdraft.editing.ProjectFiles}: the
 * environments in samconfig.toml), and the steps the user made since ({@link dev.stackdraft.editing.SessionEdit}: an
 * edit command, samconfig changes, new files; undo, redo, the pending changes, the diff);
 * {@link dev.stackdraft.editing.ProjectEditing} opens one and commits it through the platform's write-back.
 * Every change is an engine edit command; views only hand them over. The models behind the panels live here too:
 * {@link dev.stackdraft.editing.PropertyForms} (a resource's fields from the catalog's property schemas, values shown
 * as written), {@link dev.stackdraft.editing.TemplateSections} (Parameters, Conditions, Mappings, Outputs, Globals),
 * {@link dev.stackdraft.editing.Removals} (what removing a resource with its references takes away) and
 * {@link dev.stackdraft.editing.QuickFixes} (the obvious fix for a finding), {@link dev.stackdraft.editing.LayerPicker}
 * (a function's layers for an environment) and {@link dev.stackdraft.editing.EnvironmentAccounts} (how an environment's
 * AWS account is reached). The link table for connecting two
 * cards is in {@code editing.links}.
 */
@NullMarked
package dev.stackdraft.editing;

import org.jspecify.annotations.NullMarked;
