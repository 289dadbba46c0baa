package dev.stackdraft.catalog;

/** A permission category of an {@code AWS::Serverless::Connector} ({@code Permissions: [Read, Write]}). */
public enum ConnectorAccess {
    READ("Read"),
    WRITE("Write");

    private final String templateName;

    ConnectorAccess(String templateName) {
        this.templateName = templateName;
    }

    /** The spelling used in templates: {@code Read} or {@code Write}. */
    public String templateName() {
        return templateName;
    }
}
