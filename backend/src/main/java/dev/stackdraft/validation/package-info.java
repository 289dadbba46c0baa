/**
 * Validation of templates: one public entry, {@link dev.stackdraft.validation.TemplateValidator}, which returns
 * {@link dev.stackdraft.template.Finding findings} with a stable code, the exact line and column, and a message
 * that says what to do. Inside: one package-private class per check (references, resource types and properties,
 * the official SAM JSON schema, Lambda and stack limits, dependency cycles) and the small draft-04 evaluator
 * the SAM schema check runs on. Depends on the template engine, the catalog and the graph; never on Spring or
 * Vaadin.
 */
@NullMarked
package dev.stackdraft.validation;

import org.jspecify.annotations.NullMarked;
