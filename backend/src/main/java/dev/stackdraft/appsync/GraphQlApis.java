package dev.stackdraft.appsync;

import dev.stackdraft.template.Resource;
import dev.stackdraft.template.Template;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The GraphQL APIs of a template, in either form, read into {@link GraphQlApi} records. */
public final class GraphQlApis {

    static final String SAM_API = "AWS::Serverless::GraphQLApi";
    static final String API = "AWS::AppSync::GraphQLApi";

    private GraphQlApis() {}

    /** Every {@code AWS::Serverless::GraphQLApi} and {@code AWS::AppSync::GraphQLApi} of the template, in its order. */
    public static List<GraphQlApi> of(Template template) {
        ApiReader reader = new ApiReader(template);
        List<GraphQlApi> apis = new ArrayList<>();
        for (Resource resource : template.resources()) {
            switch (resource.type().value()) {
                case SAM_API -> apis.add(reader.serverless(resource));
                case API -> apis.add(reader.appSync(resource));
                default -> { }
            }
        }
        return apis;
    }

    /** The API whose logical id is {@code id}. */
    public static Optional<GraphQlApi> find(Template template, String id) {
        return of(template).stream().filter(a -> a.id().equals(id)).findFirst();
    }

    /**
     * Where the API's SDL is: {@link SchemaSource.Inline} text to give {@link SchemaFields} as it is, a
     * {@link SchemaSource.File} to read from the working copy (relative to the template's folder) first, or neither.
     */
    public static SchemaSource schemaSource(GraphQlApi api) {
        return api.schema();
    }

    /** The API {@code id}, or a refusal that names the APIs there are. */
    static GraphQlApi require(Template template, String id) {
        List<GraphQlApi> apis = of(template);
        return apis.stream().filter(a -> a.id().equals(id)).findFirst().orElseThrow(() -> Refuse.file(template,
                "there is no GraphQL API '" + id + "'", apis.isEmpty() ? "this template defines none"
                        : "GraphQL APIs here: " + String.join(", ", apis.stream().map(GraphQlApi::id).toList())));
    }
}
