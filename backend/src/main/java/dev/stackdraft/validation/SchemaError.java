package dev.stackdraft.validation;

import dev.stackdraft.template.DocPath;
import dev.stackdraft.template.Span;
import java.util.List;

/**
 * One way a value breaks a schema, with where to point: the offending key for {@link Kind#ADDITIONAL}, the key
 * of the object that lacks something for {@link Kind#REQUIRED}, the value itself otherwise.
 *
 * @param path    the value at fault (for ADDITIONAL: the unknown property; for REQUIRED: the object)
 * @param name    the property at stake (ADDITIONAL, REQUIRED), the value's text (ENUM, PATTERN), or its JSON
 *                type (TYPE)
 * @param allowed the names, values or types that would have passed
 */
record SchemaError(Kind kind, DocPath path, Span span, String name, List<String> allowed) {

    enum Kind { TYPE, ENUM, PATTERN, REQUIRED, ADDITIONAL }

    SchemaError {
        allowed = List.copyOf(allowed);
    }
}
