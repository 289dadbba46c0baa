/** The sign-in page: a password for local users, a button per configured git host (GitHub, GitLab). */
@NullMarked
package dev.stackdraft.ui.login;

import org.jspecify.annotations.NullMarked;
