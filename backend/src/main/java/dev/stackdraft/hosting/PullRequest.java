package dev.stackdraft.hosting;

import java.net.URI;

/** A pull request (GitHub) or merge request (GitLab) that was opened. */
public record PullRequest(int number, URI webUrl) {}
