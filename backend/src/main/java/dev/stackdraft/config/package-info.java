/**
 * Settings and wiring of the platform: {@link dev.stackdraft.config.StackdraftSettings} (everything under
 * {@code stackdraft.*}), the {@link java.time.Clock} every service takes, the local provider (seeded with the
 * sample projects on first start) and {@link dev.stackdraft.config.HostConnector}, the one place that turns a
 * host kind, an API base and a token into a {@link dev.stackdraft.hosting.GitHost}. Depends on {@code hosting},
 * never on the features that use it.
 */
@NullMarked
package dev.stackdraft.config;

import org.jspecify.annotations.NullMarked;
