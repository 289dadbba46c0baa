package dev.stackdraft.appsync;

import dev.stackdraft.template.SourceLocation;
import dev.stackdraft.template.TemplateException;

/**
 * A schema that does not parse as GraphQL SDL: where (in the template for an inline schema, else in the schema file),
 * what is wrong, what to do. {@link #sdlLine()} and {@link #sdlColumn()} are the place within the SDL itself.
 */
public class SchemaException extends TemplateException {

    private final int sdlLine;
    private final int sdlColumn;

    public SchemaException(SourceLocation location, int sdlLine, int sdlColumn, String problem, String hint) {
        super(location, problem, hint);
        this.sdlLine = sdlLine;
        this.sdlColumn = sdlColumn;
    }

    public int sdlLine() {
        return sdlLine;
    }

    public int sdlColumn() {
        return sdlColumn;
    }
}
