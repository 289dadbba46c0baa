package dev.stackdraft.edit;

import dev.stackdraft.template.SourceLocation;
import dev.stackdraft.template.TemplateException;

/** An edit that would break the template, or that names something that is not there: said with the reason. */
public class EditRefusedException extends TemplateException {

    public EditRefusedException(SourceLocation location, String problem, String hint) {
        super(location, problem, hint);
    }
}
