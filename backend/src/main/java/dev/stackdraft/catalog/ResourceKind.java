package dev.stackdraft.catalog;

import java.util.Objects;
import java.util.Set;

/**
 * What the catalog knows about one resource type. All sets are immutable and iterate in sorted order.
 *
 * @param type                the resource type, e.g. {@code AWS::Lambda::Function}
 * @param properties          the top-level property names a template may set; read-only properties (those that are
 *                            only attributes, such as {@code Arn}) are left out
 * @param required            the always-required top-level properties (alternatives expressed with
 *                            {@code oneOf}/{@code anyOf} in a schema are not included)
 * @param attributes          the names {@code Fn::GetAtt} may ask for, nested ones dot-joined ({@code Endpoint.Address});
 *                            an entry ending in {@code .*} (e.g. {@code Outputs.*}) stands for any name under that
 *                            prefix. Empty for SAM types (the SAM schema documents none)
 * @param tagging             how the type takes tags
 * @param deprecated          deprecated properties, nested ones dot-joined
 * @param sam                 whether this is a SAM type ({@code AWS::Serverless::*}) described by the SAM schema
 * @param acceptsAnyProperty  whether properties outside {@code properties} are accepted too (custom resources,
 *                            {@code AWS::CDK::Metadata})
 * @param acceptsAnyAttribute whether {@code Fn::GetAtt} may ask for names outside {@code attributes} (custom
 *                            resources, whose attributes are whatever they return; SAM types, whose attributes the
 *                            SAM schema does not list)
 */
public record ResourceKind(
        String type,
        Set<String> properties,
        Set<String> required,
        Set<String> attributes,
        Tagging tagging,
        Set<String> deprecated,
        boolean sam,
        boolean acceptsAnyProperty,
        boolean acceptsAnyAttribute) {

    static final String CUSTOM_PREFIX = "Custom::";
    static final String CUSTOM_RESOURCE = "AWS::CloudFormation::CustomResource";

    public ResourceKind {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(tagging, "tagging");
        properties = NameSet.copyOf(properties);
        required = NameSet.copyOf(required);
        attributes = NameSet.copyOf(attributes);
        deprecated = NameSet.copyOf(deprecated);
    }

    /** Whether a template may set this top-level property. */
    public boolean hasProperty(String name) {
        return acceptsAnyProperty || properties.contains(name);
    }

    /** Whether {@code Fn::GetAtt} may ask for this attribute (dot-joined if nested). */
    public boolean hasAttribute(String name) {
        if (acceptsAnyAttribute || attributes.contains(name)) {
            return true;
        }
        for (String attribute : attributes) {
            if (attribute.endsWith(".*")
                    && name.length() > attribute.length() - 1
                    && name.startsWith(attribute.substring(0, attribute.length() - 1))) {
                return true;
            }
        }
        return false;
    }

    /** Whether the property is always required. */
    public boolean isRequired(String name) {
        return required.contains(name);
    }

    /** Whether the property (dot-joined if nested) is deprecated. */
    public boolean isDeprecated(String name) {
        return deprecated.contains(name);
    }

    /** Whether the type supports tags (see {@link Tagging#taggable()}). */
    public boolean isTaggable() {
        return tagging.taggable();
    }

    /** Whether this is a custom resource: {@code Custom::*} or {@code AWS::CloudFormation::CustomResource}. */
    public boolean isCustom() {
        return isCustomType(type);
    }

    static boolean isCustomType(String type) {
        return type.equals(CUSTOM_RESOURCE) || (type.startsWith(CUSTOM_PREFIX) && type.length() > CUSTOM_PREFIX.length());
    }

    ResourceKind withType(String newType) {
        return new ResourceKind(newType, properties, required, attributes, tagging, deprecated, sam,
                acceptsAnyProperty, acceptsAnyAttribute);
    }
}
