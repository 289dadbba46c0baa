package dev.stackdraft.catalog;

/** The shape a resource type's tag property takes in a template. */
public enum TagFormat {
    /** The type has no tag property. */
    NONE,
    /** A list of {@code {Key: ..., Value: ...}} objects (the CloudFormation norm; may allow extra fields). */
    KEY_VALUE_LIST,
    /** A map of tag name to value (SAM types and a number of newer CloudFormation types). */
    MAP,
    /**
     * The tags sit inside another property (e.g. {@code TagSpecifications[*].Tags} of
     * {@code AWS::EC2::CapacityReservation}); {@link Tagging#property()} names the top-level property.
     */
    NESTED,
    /** Something else (e.g. a JSON string), not to be written by a tag editor. */
    OTHER
}
