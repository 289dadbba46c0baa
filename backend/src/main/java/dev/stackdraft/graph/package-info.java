/**
 * The resource graph: what a template's resources refer to, derived from a
 * {@link dev.stackdraft.template.Template} and never edited. {@link dev.stackdraft.graph.ResourceGraph#of} turns
 * a template into nodes (its resources, the parameters they use, the stack exports they import and the things
 * outside the template they point at) and typed edges (Ref, GetAtt, Sub, DependsOn, and the SAM / Serverless
 * Framework links: events, policies, layers, connectors, AppSync data sources), reports dependency cycles, and
 * renders itself as JSON, Mermaid and Graphviz DOT. What refers to what comes from the template package's one
 * reference walk ({@link dev.stackdraft.template.References}); this package only decides what each reference
 * means by where it stands. Depends on neither Spring nor Vaadin.
 */
@NullMarked
package dev.stackdraft.graph;

import org.jspecify.annotations.NullMarked;
