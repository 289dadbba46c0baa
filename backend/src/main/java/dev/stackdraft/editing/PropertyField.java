package dev.stackdraft.editing;

import dev.stackdraft.catalog.PropertySchema;

/** One field of a resource's property form: the property, what the schemas say about it, and its value in the file. */
public record PropertyField(String name, PropertySchema schema, FieldValue value) {}
