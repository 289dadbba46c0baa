/** The start page: the dashboard that will list a user's projects and lead into them. */
@NullMarked
package dev.stackdraft.ui.dashboard;

import org.jspecify.annotations.NullMarked;
