package dev.stackdraft.appsync;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One GraphQL API of a template, as {@link GraphQlApis#of} reads it.
 *
 * @param id          the logical id of the {@code AWS::Serverless::GraphQLApi} or {@code AWS::AppSync::GraphQLApi}
 * @param form        which resources it is written as, and so which form edits keep
 * @param file        the template's file name, for messages that point into it
 * @param schema      where its SDL is
 * @param schemaId    the {@code AWS::AppSync::GraphQLSchema}'s logical id (APPSYNC form); null in the SAM form, or
 *                    where the template has none
 * @param dataSources its data sources, those SAM makes first, then {@code AWS::AppSync::DataSource} resources
 * @param resolvers   its resolvers in template order
 * @param functions   its pipeline functions
 * @param line        the line of its logical id
 */
public record GraphQlApi(String id, Form form, String file, SchemaSource schema, @Nullable String schemaId,
                         List<DataSource> dataSources, List<Resolver> resolvers, List<PipelineFunction> functions,
                         int line) {

    public GraphQlApi {
        dataSources = List.copyOf(dataSources);
        resolvers = List.copyOf(resolvers);
        functions = List.copyOf(functions);
    }

    public enum Form {
        /** {@code AWS::Serverless::GraphQLApi}: data sources, functions and resolvers inside it. */
        SERVERLESS,
        /** {@code AWS::AppSync::GraphQLApi} with {@code GraphQLSchema}, {@code DataSource}, {@code Resolver} resources. */
        APPSYNC
    }

    /** The data source called {@code name}, or whose logical id is {@code name}. */
    public Optional<DataSource> dataSource(String name) {
        return dataSources.stream().filter(d -> d.name().equals(name)).findFirst()
                .or(() -> dataSources.stream().filter(d -> name.equals(d.logicalId())).findFirst());
    }

    public Optional<Resolver> resolver(String typeName, String fieldName) {
        return resolvers.stream().filter(r -> r.typeName().equals(typeName) && r.fieldName().equals(fieldName)).findFirst();
    }

    public Optional<PipelineFunction> function(String name) {
        return functions.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    /** The data sources a resolver reaches: a unit resolver's own, or those of its pipeline's functions, in order. */
    public List<String> dataSourcesOf(Resolver resolver) {
        List<String> names = new ArrayList<>();
        if (resolver.dataSource() != null) {
            names.add(resolver.dataSource());
        }
        for (String name : resolver.pipeline()) {
            function(name).map(PipelineFunction::dataSource).filter(d -> !names.contains(d)).ifPresent(names::add);
        }
        return names;
    }

    /**
     * The runtime new code is written in: VTL only where the API already uses VTL and no APPSYNC_JS (SAM's functions
     * take APPSYNC_JS only).
     */
    public CodeRuntime preferredRuntime() {
        if (form == Form.SERVERLESS) {
            return CodeRuntime.APPSYNC_JS;
        }
        boolean vtl = resolvers.stream().anyMatch(r -> r.runtime() == CodeRuntime.VTL && !(r.code() instanceof Code.None))
                || functions.stream().anyMatch(f -> f.runtime() == CodeRuntime.VTL);
        boolean js = resolvers.stream().anyMatch(r -> r.runtime() == CodeRuntime.APPSYNC_JS)
                || functions.stream().anyMatch(f -> f.runtime() == CodeRuntime.APPSYNC_JS);
        return vtl && !js ? CodeRuntime.VTL : CodeRuntime.APPSYNC_JS;
    }
}
