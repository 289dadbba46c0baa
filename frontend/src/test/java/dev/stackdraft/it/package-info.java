/**
 * Tests against the running application (Failsafe, {@code *IT}): the whole OAuth2 redirect sign-in against an
 * in-process authorization server and host API stubs, and the dashboard in a headless Chromium. They share one
 * Spring context (see {@link dev.stackdraft.it.AppIT}).
 */
@NullMarked
package dev.stackdraft.it;

import org.jspecify.annotations.NullMarked;
