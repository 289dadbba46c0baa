package dev.stackdraft.appsync;

import dev.stackdraft.edit.EditRefusedException;
import dev.stackdraft.template.SourceLocation;
import dev.stackdraft.template.Template;

/** The refusals the AppSync commands share, worded once (the edit package's own are not public). */
final class Refuse {

    private Refuse() {}

    static EditRefusedException file(Template template, String problem, String hint) {
        return new EditRefusedException(new SourceLocation(template.file(), 1, 1), problem, hint);
    }

    static EditRefusedException at(Template template, int line, String problem, String hint) {
        return new EditRefusedException(new SourceLocation(template.file(), Math.max(1, line), 1), problem, hint);
    }
}
