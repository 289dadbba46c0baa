package dev.stackdraft.template;

/** Which tool's language a file speaks. */
public enum Dialect {
    /** Plain CloudFormation. */
    CLOUDFORMATION,
    /** CloudFormation with the {@code AWS::Serverless-2016-10-31} transform. */
    SAM,
    /** A Serverless Framework {@code serverless.yml}. */
    SERVERLESS
}
