package dev.stackdraft.appsync;

/**
 * Something AppSync would refuse in a schema that parses (a type used but not defined, no {@code Query} type ...),
 * at its line and column in the SDL.
 */
public record SchemaProblem(int line, int column, String message) {

    @Override
    public String toString() {
        return line + ":" + column + ": " + message;
    }
}
