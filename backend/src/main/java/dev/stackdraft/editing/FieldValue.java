package dev.stackdraft.editing;

/**
 * The value of one field of a property form, shown as what it is. Intrinsic functions and collections keep their text
 * as the file writes it (a short-form {@code !Ref X} stays {@code !Ref X}), so a form never flattens them to strings.
 */
public sealed interface FieldValue {

    /** The property is not set. */
    record Absent() implements FieldValue {}

    /**
     * A plain value.
     *
     * @param text     the value as it reads (no quotes; a multi-line string with its line breaks)
     * @param yamlType how the file's YAML (or JSON) types it: {@code string}, {@code integer}, {@code number},
     *                 {@code boolean} or {@code null}
     */
    record Scalar(String text, String yamlType) implements FieldValue {}

    /**
     * An intrinsic function.
     *
     * @param function its long name: {@code Ref}, {@code Fn::GetAtt}, {@code Fn::Sub}, {@code Fn::If} ...
     * @param yaml     exactly how the file writes the value (short or long form, flow or block, comments inside),
     *                 re-indented to column 0
     */
    record Intrinsic(String function, String yaml) implements FieldValue {}

    /** A mapping or list (which may hold intrinsics), or a value under a tag we do not know, as written, re-indented to column 0. */
    record Yaml(String yaml) implements FieldValue {}
}
