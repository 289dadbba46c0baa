/**
 * One-click bulk import: every repository the user's linked accounts can see is scanned in the background for
 * templates, found without cloning ({@link dev.stackdraft.importer.TemplateDetector}), and each template becomes a
 * project. The public API is {@link dev.stackdraft.importer.ImportService}; progress is kept per repository in
 * {@code import_job} / {@code import_item}, so it survives a reload and a restart (running jobs resume on start).
 * Several instances may share the database: jobs and the repositories being scanned are claimed through it with
 * leases ({@code ImportLeases}), and a job whose instance died is taken over by another.
 */
@NullMarked
package dev.stackdraft.importer;

import org.jspecify.annotations.NullMarked;
