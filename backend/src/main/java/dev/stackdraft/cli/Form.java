package dev.stackdraft.cli;

/**
 * One way to call a command, for the usage text.
 *
 * @param synopsis    what to type, without the leading {@code stackdraft}, e.g. {@code rename FILE OLD_ID NEW_ID}
 * @param description what it does, one or two short sentences
 */
record Form(String synopsis, String description) {}
