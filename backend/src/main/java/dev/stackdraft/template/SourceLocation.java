package dev.stackdraft.template;

/** A place in a file as a person reads it: 1-based line and column. */
public record SourceLocation(String file, int line, int column) {

    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
