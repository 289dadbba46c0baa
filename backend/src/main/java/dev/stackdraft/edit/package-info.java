/**
 * Edit commands: small objects, one per thing a user does to a template (add a layer, upgrade a layer
 * everywhere, rename a logical id, set a property or tags, link two resources by an event source, a policy
 * template, a connector or an environment variable, remove a resource with what refers to it, group resources the
 * way Infrastructure Composer does, the quick fixes for findings ...). Each looks at a {@link
 * dev.stackdraft.template.Template}, refuses with a reason or answers with document-level {@link
 * dev.stackdraft.template.Change}s; {@link dev.stackdraft.edit.Editor} writes them and refuses any edit that
 * would leave a reference dangling. The UI, the CLI and undo all use the same commands.
 */
@NullMarked
package dev.stackdraft.edit;

import org.jspecify.annotations.NullMarked;
