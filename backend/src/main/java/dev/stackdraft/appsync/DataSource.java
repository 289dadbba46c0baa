package dev.stackdraft.appsync;

import org.jspecify.annotations.Nullable;

/**
 * A data source of an API.
 *
 * @param name      what resolvers and functions call it by: the {@code Name} of an {@code AWS::AppSync::DataSource}
 *                  (its logical id where the name is computed), the key under a SAM API's {@code DataSources}, or
 *                  {@code NONE} for the one SAM makes for {@code DataSource: NONE}
 * @param logicalId the {@code AWS::AppSync::DataSource} resource; null where SAM makes it
 * @param target    the table's or function's logical id where the template defines it, else the table name or
 *                  function ARN as written; the endpoint of an HTTP data source; null when not known
 */
public record DataSource(String name, @Nullable String logicalId, Kind kind, @Nullable String target) {

    /** What serves the data. */
    public enum Kind {
        DYNAMODB,
        LAMBDA,
        HTTP,
        NONE,
        /** EventBridge, OpenSearch, RDS, Bedrock ...: listed, bound to, but given no starter code of their own. */
        OTHER
    }
}
