/**
 * Vaadin user interface, one sub-package per feature ({@code ui.<feature>}); views stay thin and call services.
 * Here: {@link dev.stackdraft.ui.BackgroundWork} (service calls off the UI thread, answers pushed back) and
 * {@link dev.stackdraft.ui.Notices} (errors become a sentence in a notification, never a stack trace).
 */
@NullMarked
package dev.stackdraft.ui;

import org.jspecify.annotations.NullMarked;
