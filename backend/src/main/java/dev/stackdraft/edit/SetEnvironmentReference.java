package dev.stackdraft.edit;

import dev.stackdraft.template.Change;
import dev.stackdraft.template.DocPath;
import dev.stackdraft.template.Resource;
import dev.stackdraft.template.ResourceType;
import dev.stackdraft.template.ServerlessNames;
import dev.stackdraft.template.Template;
import dev.stackdraft.template.Value;
import java.util.List;

/**
 * Gives a function an environment variable holding {@code !Ref resource}: {@code Environment.Variables.NAME}
 * of a SAM or Lambda function, {@code environment.NAME} of a serverless.yml function. A serverless.yml function
 * or layer is referred to by the logical id the framework gives it. An existing variable of that name is set.
 */
public record SetEnvironmentReference(String function, String variable, String resource) implements EditCommand {

    @Override
    public List<Change> changes(Template template) {
        Resource target = Refusals.function(template, function);
        if (template.parameter(resource).isPresent() && template.resource(resource).isEmpty()) {
            checkName(template, target);
            return PropertyChanges.put(template, path(target).child(variable), Value.ref(resource)); // a referenced resource
        }
        Resource referred = Refusals.resource(template, resource);
        checkName(template, target);
        if (referred.type().equals(ResourceType.SAM_CONNECTOR)) {
            throw Refusals.at(template, referred, resource + " is a connector: SAM turns it into policies, nothing to Ref",
                    "refer to the connector's source or destination instead");
        }
        return PropertyChanges.put(template, path(target).child(variable),
                Value.ref(ServerlessNames.logicalId(referred).orElse(resource)));
    }

    private void checkName(Template template, Resource target) {
        if (!variable.matches("[A-Za-z][A-Za-z0-9_]*")) {
            throw Refusals.at(template, target, "'" + variable + "' is not a valid environment variable name",
                    "Lambda takes letters, digits and underscores, starting with a letter");
        }
    }

    /** Where a function's own variables are. */
    static DocPath path(Resource function) {
        return function.type().equals(ResourceType.SERVERLESS_FUNCTION)
                ? function.path().child("environment")
                : function.propertiesPath().child("Environment").child("Variables");
    }

    @Override
    public String describe() {
        return "Set environment variable " + variable + " of " + function + " to !Ref " + resource;
    }
}
