/** The frame around every signed-in view: the header with the user, their linked git hosts and signing out. */
@NullMarked
package dev.stackdraft.ui.layout;

import org.jspecify.annotations.NullMarked;
