package dev.stackdraft.edit;

import dev.stackdraft.template.Resource;
import dev.stackdraft.template.SourceLocation;
import dev.stackdraft.template.Template;
import dev.stackdraft.template.Value;

/** The refusals commands share, worded once. */
final class Refusals {

    private Refusals() {}

    static EditRefusedException at(Template template, Value value, String problem, String hint) {
        return new EditRefusedException(new SourceLocation(template.file(), Math.max(1, value.span().line()),
                Math.max(1, value.span().column())), problem, hint);
    }

    static EditRefusedException at(Template template, Resource resource, String problem, String hint) {
        return new EditRefusedException(new SourceLocation(template.file(), resource.line(),
                resource.key().span().column()), problem, hint);
    }

    static EditRefusedException file(Template template, String problem, String hint) {
        return new EditRefusedException(new SourceLocation(template.file(), 1, 1), problem, hint);
    }

    static Resource resource(Template template, String id) {
        return template.resource(id).orElseThrow(() -> file(template, "there is no resource '" + id + "'",
                "resources here: " + String.join(", ", template.resources().stream().map(r -> r.id().value()).toList())));
    }

    static Resource function(Template template, String id) {
        Resource resource = resource(template, id);
        if (!resource.type().isFunction()) {
            throw at(template, resource, "'" + id + "' is a " + resource.type() + ", not a function",
                    "layers belong to AWS::Serverless::Function, AWS::Lambda::Function or serverless.yml functions");
        }
        return resource;
    }
}
