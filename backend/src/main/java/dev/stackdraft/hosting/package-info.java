/**
 * Git hosts: GitHub (github.com and Enterprise Server), GitLab (gitlab.com and self-managed) through their
 * REST APIs, and the local provider of bare repositories in the data folder. Listing repositories (all
 * pages), finding files without cloning, the user's profile, pull / merge requests; polite to the host
 * (rate-limit headers, Retry-After, back-off). Plain Java, no Spring.
 *
 * <p>{@link dev.stackdraft.hosting.GitHosts} makes the REST clients ({@code GitHubHost}, {@code GitLabHost}),
 * sharing one HTTP client and one {@link dev.stackdraft.hosting.Politeness} (the bound on waiting);
 * {@code HostHttp} holds the politeness rules both follow.
 */
@NullMarked
package dev.stackdraft.hosting;

import org.jspecify.annotations.NullMarked;
