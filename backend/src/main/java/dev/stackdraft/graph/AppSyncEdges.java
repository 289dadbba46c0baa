package dev.stackdraft.graph;

import dev.stackdraft.template.DocPath;
import dev.stackdraft.template.Resource;
import dev.stackdraft.template.Value.Entry;
import dev.stackdraft.template.Value.Mapping;
import java.util.List;
import java.util.Map;

/**
 * AppSync: a resolver or pipeline function → its data source ({@code DataSourceName: !GetAtt DS.Name}); a data
 * source → the table / function / bus / database it serves ({@code DynamoDBConfig}, {@code LambdaConfig} ...);
 * an {@code AWS::Serverless::GraphQLApi} → the tables and functions of its {@code DataSources} and whatever its
 * {@code Resolvers} and {@code Functions} name. SAM makes resolvers, functions and data sources of those three,
 * which depend on the API, so what they name is no dependency of the API itself.
 */
final class AppSyncEdges {

    private static final String RESOLVER = "AWS::AppSync::Resolver";
    private static final String FUNCTION_CONFIGURATION = "AWS::AppSync::FunctionConfiguration";
    private static final String DATA_SOURCE = "AWS::AppSync::DataSource";
    private static final String GRAPHQL_API = "AWS::Serverless::GraphQLApi";

    private static final List<String> DATA_SOURCE_CONFIGS = List.of("DynamoDBConfig", "LambdaConfig",
            "EventBridgeConfig", "OpenSearchServiceConfig", "ElasticsearchConfig", "RelationalDatabaseConfig",
            "HttpConfig");
    /** {@code DataSources.<Kind>.<Name>.<key>} of a GraphQLApi that name what serves the data. */
    private static final Map<String, List<String>> GRAPHQL_DATA_SOURCE_KEYS = Map.of(
            "DynamoDb", List.of("TableName", "TableArn"),
            "Lambda", List.of("FunctionArn"));

    private AppSyncEdges() {}

    static void scan(Resource resource, Sites sites) {
        DocPath properties = resource.propertiesPath();
        switch (resource.type().value()) {
            case RESOLVER, FUNCTION_CONFIGURATION -> sites.place(properties.child("DataSourceName"), Role.DATASOURCE);
            case DATA_SOURCE -> DATA_SOURCE_CONFIGS.forEach(c -> sites.place(properties.child(c), Role.DATASOURCE));
            case GRAPHQL_API -> {
                for (String part : List.of("Resolvers", "Functions", "DataSources")) {
                    sites.movedOut(properties.child(part));
                }
                sites.place(properties.child("Resolvers"), Role.DATASOURCE);
                sites.place(properties.child("Functions"), Role.DATASOURCE);
                resource.properties().flatMap(p -> p.mapping("DataSources"))
                        .ifPresent(d -> graphQlDataSources(d, properties.child("DataSources"), sites));
            }
            default -> { }
        }
    }

    private static void graphQlDataSources(Mapping dataSources, DocPath path, Sites sites) {
        GRAPHQL_DATA_SOURCE_KEYS.forEach((kind, keys) -> dataSources.mapping(kind).ifPresent(byName -> {
            for (Entry source : byName.entries()) {
                for (String key : keys) {
                    sites.place(path.child(kind).child(source.name()).child(key), Role.DATASOURCE);
                }
            }
        }));
    }
}
