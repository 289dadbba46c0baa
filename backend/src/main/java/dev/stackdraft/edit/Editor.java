package dev.stackdraft.edit;

import dev.stackdraft.template.EditResult;
import dev.stackdraft.template.Reference;
import dev.stackdraft.template.Resolution;
import dev.stackdraft.template.SourceLocation;
import dev.stackdraft.template.Template;
import dev.stackdraft.template.TemplateEditor;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Applies {@link EditCommand}s: the command says what changes, {@link TemplateEditor} writes and proves it,
 * and this refuses the result if it names something the template does not define where the original did not.
 */
public final class Editor {

    private final TemplateEditor writer;

    public Editor() {
        this(new TemplateEditor());
    }

    public Editor(TemplateEditor writer) {
        this.writer = writer;
    }

    public EditResult apply(Template template, EditCommand command) {
        EditResult result = writer.apply(template, command.changes(template));
        List<Reference> dangling = Resolution.unresolved(result.after());
        if (dangling.isEmpty()) {
            return result; // the common case: no need to look at the template before
        }
        Set<String> before = new HashSet<>();
        Resolution.unresolved(template).forEach(r -> before.add(key(r)));
        for (Reference reference : dangling) {
            if (!before.contains(key(reference))) {
                throw new EditRefusedException(new SourceLocation(template.file(), Math.max(1, reference.span().line()),
                        Math.max(1, reference.span().column())),
                        command.describe() + " would leave a dangling reference to '" + reference.target() + "'",
                        "define '" + reference.target() + "' first, or change what refers to it");
            }
        }
        return result;
    }

    /** Several commands one after the other, each on the result of the one before. */
    public EditResult applyAll(Template template, List<EditCommand> commands) {
        EditResult result = new EditResult(template, template);
        for (EditCommand command : commands) {
            result = new EditResult(template, apply(result.after(), command).after());
        }
        return result;
    }

    private static String key(Reference reference) {
        return reference.kind() + ":" + reference.target();
    }
}
