package dev.stackdraft.template;

/**
 * One step of an edit at the level of the document: the vocabulary every edit command is written in. The
 * writer turns each into a text patch in the file's own style and checks, by reading the result again, that
 * the document changed exactly so.
 */
public sealed interface Change {

    /** Replaces the value at {@code path} (which exists). */
    record Replace(DocPath path, Value value) implements Change {}

    /** Adds {@code key: value} at the end of the mapping at {@code mapping} (the key must be new). */
    record Put(DocPath mapping, String key, Value value) implements Change {}

    /**
     * Adds {@code key: value} to the mapping at {@code mapping} just before its entry {@code before} (and the comments
     * above that entry): where a new section goes in the usual order of a template. The key must be new.
     */
    record PutBefore(DocPath mapping, String before, String key, Value value) implements Change {}

    /**
     * Adds {@code key: value} to the mapping at {@code mapping} so that it becomes entry {@code index} (the key must
     * be new): at index 0 directly above the first entry's line, else directly below entry {@code index - 1}.
     */
    record PutAt(DocPath mapping, int index, String key, Value value) implements Change {}

    /** Removes {@code key} and its value from the mapping at {@code mapping}, with the comments just above it. */
    record RemoveKey(DocPath mapping, String key) implements Change {}

    /**
     * Removes entry {@code index} of the mapping at {@code mapping}, with the comments just above it, where a later
     * entry repeats its key. YAML and JSON readers keep only the last of a repeated key, so the document means the
     * same after; this is the one change allowed on a template the reader found a duplicate key in.
     */
    record RemoveRepeatedKey(DocPath mapping, int index) implements Change {}

    /** Renames a key in place; its value, comments and position stay. */
    record RenameKey(DocPath mapping, String from, String to) implements Change {}

    /** Inserts {@code value} into the list at {@code sequence} so that it becomes item {@code index}. */
    record Insert(DocPath sequence, int index, Value value) implements Change {}

    /** Removes item {@code index} of the list at {@code sequence}, with the comments just above it. */
    record RemoveItem(DocPath sequence, int index) implements Change {}

    /**
     * Replaces the value at {@code path} with {@code wrapper}, in which the value at {@code hole} (a path inside the
     * wrapper, e.g. {@code Fn::If[1]}) is the old value itself, its text kept byte for byte where the file allows
     * (continuation lines move right by whole columns); what stands at {@code hole} in {@code wrapper} is ignored.
     * A reference put inside an {@code !If} comes out again by {@link Unwrap} exactly as it was written.
     */
    record Wrap(DocPath path, Value wrapper, DocPath hole) implements Change {}

    /**
     * Replaces the value at {@code path} with its own part at {@code kept} (a path inside it), whose text is kept byte
     * for byte (continuation lines moved back left by what {@link Wrap} added): what undoes a {@link Wrap}.
     */
    record Unwrap(DocPath path, DocPath kept) implements Change {}

    /** The path of the collection or value this change writes into. */
    default DocPath target() {
        return switch (this) {
            case Replace r -> r.path();
            case Put p -> p.mapping();
            case PutBefore p -> p.mapping();
            case PutAt p -> p.mapping();
            case RemoveKey r -> r.mapping();
            case RemoveRepeatedKey r -> r.mapping();
            case RenameKey r -> r.mapping();
            case Insert i -> i.sequence();
            case RemoveItem r -> r.sequence();
            case Wrap w -> w.path();
            case Unwrap u -> u.path();
        };
    }
}
