package dev.stackdraft.catalog;

import java.util.Objects;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * How a resource type takes tags.
 *
 * @param taggable whether the type supports tags: as declared in its provider schema's {@code tagging} block (or the
 *                 older top-level {@code taggable} flag) and only if it has a tag property; when the schema declares
 *                 nothing, whether it has a tag property
 * @param property the top-level property holding the tags ({@code Tags}, {@code BackupVaultTags}, ...), or
 *                 {@code null} if the type has none; it may be present while {@code taggable} is false
 * @param format   the shape of that property, {@link TagFormat#NONE} exactly when {@code property} is null
 * @param declared whether {@code taggable} comes from tagging metadata in the schema rather than being inferred
 *                 from the presence of the property (SAM types are always inferred)
 */
public record Tagging(boolean taggable, @Nullable String property, TagFormat format, boolean declared) {

    /** Not taggable, no tag property, nothing declared. */
    public static final Tagging NONE = new Tagging(false, null, TagFormat.NONE, false);

    public Tagging {
        Objects.requireNonNull(format, "format");
        if ((property == null) != (format == TagFormat.NONE)) {
            throw new IllegalArgumentException("format NONE goes with no property and only then: " + property + ", " + format);
        }
        if (taggable && property == null) {
            throw new IllegalArgumentException("a taggable type needs a tag property");
        }
    }

    /** The tag property's name, if the type has one. */
    public Optional<String> propertyName() {
        return Optional.ofNullable(property);
    }
}
