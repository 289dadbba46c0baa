package dev.stackdraft.graph;

/**
 * One arrow of the graph. Generic references point from the resource that contains them to what they name;
 * an {@link #EVENT} points from the event source to the function it triggers; a {@link #CONNECTOR} from the
 * connector's source to its destination.
 */
public record Edge(String from, String to, String kind) {

    public static final String REF = "ref";
    public static final String GET_ATT = "getatt";
    public static final String SUB = "sub";
    public static final String DEPENDS_ON = "dependsOn";
    /** A resource using an {@code Fn::ImportValue} outside any SAM-specific place. */
    public static final String IMPORT = "import";
    public static final String EVENT = "event";
    public static final String POLICY = "policy";
    public static final String LAYER = "layer";
    public static final String CONNECTOR = "connector";
    public static final String DATASOURCE = "datasource";
}
