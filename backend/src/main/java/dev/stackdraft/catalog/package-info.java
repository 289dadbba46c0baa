/**
 * The registry of resource kinds, as data: which CloudFormation and SAM ({@code AWS::Serverless::*}) resource types
 * exist, their top-level property names, required properties, the attributes {@code Fn::GetAtt} may ask for, how
 * they take tags, plus the SAM policy templates and the SAM connector profiles, and for property forms each
 * property's schema ({@link dev.stackdraft.catalog.PropertySchema}: type, enum values, required, description, docs
 * link). The data is generated from the CloudFormation resource provider schemas and the SAM schema by
 * {@code CatalogGenerator} and bundled as compact resources; {@link dev.stackdraft.catalog.ResourceCatalog#bundled()} loads it lazily, once. Types, records and the
 * bundled SAM JSON schema belong here; validation logic does not. Depends on neither Spring nor Vaadin, nor on any
 * other project package.
 */
@NullMarked
package dev.stackdraft.catalog;

import org.jspecify.annotations.NullMarked;
