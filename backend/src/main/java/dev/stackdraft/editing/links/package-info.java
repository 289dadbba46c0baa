/**
 * What connecting two cards on the canvas can write: {@link dev.stackdraft.editing.links.LinkTable} answers, for
 * two resources of a template, the ways to link them (an event source on the function, a SAM policy template, an
 * {@code AWS::Serverless::Connector}, an environment variable holding a {@code Ref}), each as a
 * {@link dev.stackdraft.editing.links.LinkOption} carrying the edit command that writes it. The roles come from the
 * two types, never from which card the drag started on; which pairs connectors allow is SAM's own connector profile
 * table (from the catalog), which policy template fits which type is {@code policy-links.tsv} beside this package.
 */
@NullMarked
package dev.stackdraft.editing.links;

import org.jspecify.annotations.NullMarked;
