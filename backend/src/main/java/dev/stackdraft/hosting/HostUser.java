package dev.stackdraft.hosting;

/**
 * The signed-in user as the host knows them. {@code commitEmail} is the address commits are authored with:
 * the public e-mail, or GitHub's {@code ID+login@users.noreply.github.com} where the e-mail is private.
 */
public record HostUser(String id, String login, String name, String commitEmail) {}
