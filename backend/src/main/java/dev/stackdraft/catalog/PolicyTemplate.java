package dev.stackdraft.catalog;

import java.util.List;
import java.util.Objects;

/**
 * A SAM policy template (usable in {@code Policies} of {@code AWS::Serverless::Function} and
 * {@code AWS::Serverless::StateMachine}, e.g. {@code - DynamoDBCrudPolicy: {TableName: !Ref Table}}).
 *
 * @param name        the template name, e.g. {@code DynamoDBCrudPolicy}
 * @param description SAM's one-line description
 * @param parameters  the parameter names, in SAM's order (all of them are required by SAM)
 */
public record PolicyTemplate(String name, String description, List<String> parameters) {

    public PolicyTemplate {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        parameters = List.copyOf(parameters);
    }

    /** Whether the template takes a parameter of this name. */
    public boolean hasParameter(String parameter) {
        return parameters.contains(parameter);
    }
}
