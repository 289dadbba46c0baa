/** One project: its facts for now; the canvas arrives in a later issue. */
@NullMarked
package dev.stackdraft.ui.project;

import org.jspecify.annotations.NullMarked;
