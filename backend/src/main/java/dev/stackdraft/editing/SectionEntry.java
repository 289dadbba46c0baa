package dev.stackdraft.editing;

/**
 * One entry of a template section that has a panel of its own.
 *
 * @param section {@code Parameters}, {@code Conditions}, {@code Mappings}, {@code Outputs} or {@code Globals}
 * @param name    the entry's name; for Globals the resource kind it sets ({@code Function}, {@code Api} ...)
 * @param line    the 1-based line of the entry's name in the file
 * @param yaml    the entry's value as the file writes it, re-indented to column 0
 */
public record SectionEntry(String section, String name, int line, String yaml) {}
