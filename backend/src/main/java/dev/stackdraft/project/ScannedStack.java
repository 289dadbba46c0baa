package dev.stackdraft.project;

/**
 * A template as an import found and assessed it.
 *
 * @param path    the template's path in the repository
 * @param dialect {@code SAM}, {@code CLOUDFORMATION}, {@code SERVERLESS}, or {@code UNKNOWN} when unreadable
 * @param message empty when valid; otherwise a short account of the findings, or why it could not be read
 */
public record ScannedStack(String path, String dialect, int resourceCount, ProjectState state, String message) {

    static final int MAX_MESSAGE = 2000;

    public ScannedStack {
        message = message.length() <= MAX_MESSAGE ? message : message.substring(0, MAX_MESSAGE - 1) + "…";
    }
}
