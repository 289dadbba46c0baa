/**
 * Editing a project in the browser: an {@link dev.stackdraft.editing.EditingSession} holds, on the server, the
 * template as read from the branch and the edit commands the user made since (undo, redo, the pending changes, the
 * diff); {@link dev.stackdraft.editing.ProjectEditing} opens one and commits it through the platform's write-back.
 * The models behind the panels live here too: {@link dev.stackdraft.editing.PropertyForms} (a resource's fields from
 * the catalog's property schemas, values shown as written) and {@link dev.stackdraft.editing.TemplateSections}
 * (Parameters, Conditions, Mappings, Outputs, Globals). Every change is an engine edit command; views only hand them
 * over.
 */
@NullMarked
package dev.stackdraft.editing;

import org.jspecify.annotations.NullMarked;
