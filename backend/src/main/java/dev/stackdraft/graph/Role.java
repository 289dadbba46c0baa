package dev.stackdraft.graph;

/** What a mention means by where it stands inside a resource; {@link #GENERIC} unless a SAM place says more. */
enum Role {
    /** Ref / GetAtt / Sub / DependsOn / ImportValue: the resource → what it names. */
    GENERIC,
    /** Inside an event's properties: the source → the function. */
    EVENT,
    /** Inside policies: the function → what it may use. */
    POLICY,
    /** Inside layers: the function → the layer. */
    LAYER,
    /** Inside AppSync data source settings: the API / resolver / data source → what serves the data. */
    DATASOURCE,
    /** Inside a connector's {@code Source}. */
    CONNECTOR_SOURCE,
    /** Inside a connector's {@code Destination}. */
    CONNECTOR_DESTINATION,
    /** Inside an embedded connector's {@code Destination}: the resource that embeds it is the source. */
    EMBEDDED_DESTINATION
}
