package dev.stackdraft.aws;

/**
 * Something with AWS could not be done: one sentence that says what failed, for which account and region, and
 * what to do. Never carries a stack trace to the user (the cause is kept for logs).
 */
public final class AwsException extends RuntimeException {

    public AwsException(String message) {
        super(message);
    }

    public AwsException(String message, Throwable cause) {
        super(message, cause);
    }
}
