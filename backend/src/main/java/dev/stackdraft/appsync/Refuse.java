package dev.stackdraft.appsync;

import dev.stackdraft.edit.EditRefusedException;
import dev.stackdraft.template.SourceLocation;
import dev.stackdraft.template.Template;
import java.util.List;

/** The refusals the AppSync commands share, worded once (the edit package's own are not public). */
final class Refuse {

    private Refuse() {}

    static EditRefusedException file(Template template, String problem, String hint) {
        return new EditRefusedException(new SourceLocation(template.file(), 1, 1), problem, hint);
    }

    /** At the first character of {@code line} that is not a space: where its key is. */
    static EditRefusedException at(Template template, int line, String problem, String hint) {
        int at = Math.max(1, line);
        List<String> lines = template.source().text().lines().toList();
        int column = at <= lines.size() ? lines.get(at - 1).length() - lines.get(at - 1).stripLeading().length() + 1 : 1;
        return new EditRefusedException(new SourceLocation(template.file(), at, column), problem, hint);
    }
}
