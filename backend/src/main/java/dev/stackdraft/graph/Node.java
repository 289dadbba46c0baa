package dev.stackdraft.graph;

/**
 * One box of the graph.
 *
 * @param id   the logical id of a resource or parameter; {@code import:<name>} for an {@code Fn::ImportValue};
 *             the ARN itself for something outside the template, or the name a connector gives it
 * @param type the resource type, the parameter's declared type, {@code Fn::ImportValue}, for an ARN the
 *             resource type its service suggests ({@code external} when it suggests none), for a name the
 *             type the connector gives
 * @param kind {@link #RESOURCE}, {@link #PARAMETER}, {@link #IMPORT} or {@link #EXTERNAL}
 * @param line the 1-based line of its key, or of the first place that mentions it
 */
public record Node(String id, String type, String kind, int line) {

    public static final String RESOURCE = "resource";
    public static final String PARAMETER = "parameter";
    public static final String IMPORT = "import";
    public static final String EXTERNAL = "external";
}
