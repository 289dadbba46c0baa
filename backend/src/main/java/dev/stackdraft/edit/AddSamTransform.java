package dev.stackdraft.edit;

import dev.stackdraft.template.Change;
import dev.stackdraft.template.Dialect;
import dev.stackdraft.template.DocPath;
import dev.stackdraft.template.Template;
import dev.stackdraft.template.Value;
import dev.stackdraft.template.Value.Scalar;
import dev.stackdraft.template.Value.Sequence;
import java.util.List;

/**
 * Declares the SAM transform ({@code Transform: AWS::Serverless-2016-10-31}) at the top level: below
 * {@code AWSTemplateFormatVersion} where there is one, else first; where the template already declares other
 * transforms, SAM's comes after them in a list (AWS::LanguageExtensions must run first).
 */
public record AddSamTransform() implements EditCommand {

    static final String SAM = "AWS::Serverless-2016-10-31";

    @Override
    public List<Change> changes(Template template) {
        if (template.dialect() == Dialect.SERVERLESS) {
            throw Refusals.file(template, "a serverless.yml is not a SAM template", "the Serverless Framework makes its own stack");
        }
        if (template.transforms().contains(SAM)) {
            throw Refusals.file(template, "the template declares the SAM transform already", "nothing to do");
        }
        DocPath transform = DocPath.of("Transform");
        Value existing = template.root().get("Transform").orElse(null);
        return switch (existing) {
            case null -> List.of(new Change.PutAt(DocPath.ROOT, template.root().keys().indexOf("AWSTemplateFormatVersion") + 1,
                    "Transform", Value.string(SAM)));
            case Sequence list -> List.of(new Change.Insert(transform, list.items().size(), Value.string(SAM)));
            case Scalar name when name.isNull() -> List.of(new Change.Replace(transform, Value.string(SAM)));
            case Scalar name -> List.of(new Change.Replace(transform, Value.sequence(List.of(name, Value.string(SAM)))));
            default -> throw Refusals.at(template, existing, "Transform here is neither a name nor a list of names",
                    "add '" + SAM + "' by hand");
        };
    }

    @Override
    public String describe() {
        return "Add the SAM transform";
    }
}
