/**
 * The start page after signing in: the user's projects (search, state filter) and the one-click bulk import with
 * its live progress and per-repository results. Thin: {@code ProjectGrid} and {@code ImportPanel} are composites
 * that each call one service, in the background.
 */
@NullMarked
package dev.stackdraft.ui.dashboard;

import org.jspecify.annotations.NullMarked;
