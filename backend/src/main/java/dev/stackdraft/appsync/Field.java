package dev.stackdraft.appsync;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A field of the schema with what resolves it.
 *
 * @param type        its type as written in the SDL, e.g. {@code [Order!]!}
 * @param arguments   its arguments as written, e.g. {@code orderId: ID!}
 * @param line        where the field stands in the SDL (1-based), for the editor to point at
 * @param resolver    its resolver; null for none
 * @param dataSources the data sources its resolver reaches ({@link GraphQlApi#dataSourcesOf}); empty for none
 */
public record Field(String typeName, String name, String type, List<String> arguments, int line, int column,
                    @Nullable Resolver resolver, List<String> dataSources) {

    public Field {
        arguments = List.copyOf(arguments);
        dataSources = List.copyOf(dataSources);
    }

    /** {@code Type.field}. */
    public String coordinate() {
        return typeName + "." + name;
    }
}
