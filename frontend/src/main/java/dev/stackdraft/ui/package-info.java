/** Vaadin user interface, one sub-package per feature ({@code ui.<feature>}); views stay thin and call services. */
@NullMarked
package dev.stackdraft.ui;

import org.jspecify.annotations.NullMarked;
