package dev.stackdraft.template;

/**
 * Bounds on what we agree to read, so that hostile input costs bounded memory and time.
 *
 * @param maxBytes     CloudFormation's own limit for a template body is 1 MB (1,048,576 bytes)
 * @param maxDepth     deeper nesting than any real template needs is refused before it can exhaust the stack
 * @param maxAliases   YAML aliases allowed in one file (billion-laughs defence, with {@code maxExpandedNodes})
 * @param maxExpandedNodes the number of values the document would hold with every alias expanded
 */
public record ParseLimits(int maxBytes, int maxDepth, int maxAliases, int maxExpandedNodes) {

    public static final ParseLimits DEFAULT = new ParseLimits(1_048_576, 100, 1_000, 1_000_000);

    public ParseLimits withMaxBytes(int bytes) {
        return new ParseLimits(bytes, maxDepth, maxAliases, maxExpandedNodes);
    }
}
