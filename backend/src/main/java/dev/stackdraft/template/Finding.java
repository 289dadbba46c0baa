package dev.stackdraft.template;

/**
 * Something worth telling about a template, with where it is. The reader reports what it kept but did not
 * like (duplicate keys, unknown tags, a resource without a Type); validation adds its own.
 *
 * @param code a short stable name of the rule, e.g. {@code duplicate-key}
 */
public record Finding(Severity severity, String code, SourceLocation location, String message) {

    public enum Severity { ERROR, WARNING, INFO }

    public static Finding error(String code, SourceLocation location, String message) {
        return new Finding(Severity.ERROR, code, location, message);
    }

    public static Finding warning(String code, SourceLocation location, String message) {
        return new Finding(Severity.WARNING, code, location, message);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    @Override
    public String toString() {
        return location + ": " + severity.name().toLowerCase(java.util.Locale.ROOT) + ": " + message + " [" + code + "]";
    }
}
