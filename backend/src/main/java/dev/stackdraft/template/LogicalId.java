package dev.stackdraft.template;

/** The name a template gives a resource, parameter, condition or output. */
public record LogicalId(String value) implements Comparable<LogicalId> {

    public LogicalId {
        if (value.isEmpty()) {
            throw new IllegalArgumentException("a logical id is not empty");
        }
    }

    /** CloudFormation's rule: ASCII letters and digits only, at most 255 of them. */
    public boolean isValidForCloudFormation() {
        return value.length() <= 255 && value.chars().allMatch(c -> c < 128 && Character.isLetterOrDigit(c));
    }

    @Override
    public int compareTo(LogicalId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
