/**
 * The Stackdraft web application's entry point and app-shell configuration; features live in sub-packages
 * ({@code ui.<feature>} here, the engine in the backend module).
 */
@NullMarked
package dev.stackdraft;

import org.jspecify.annotations.NullMarked;
