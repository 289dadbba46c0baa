/**
 * Sign-in: the Spring Security filter chain (Vaadin's configurer; every view needs a signed-in user), the
 * local password sign-in, and OAuth2 sign-in with GitHub and GitLab, whose registrations exist only when their
 * client id and secret are configured. Access tokens go straight into the account store, encrypted; they are
 * never kept in the session, the principal or anything sent to the browser.
 */
@NullMarked
package dev.stackdraft.security;

import org.jspecify.annotations.NullMarked;
