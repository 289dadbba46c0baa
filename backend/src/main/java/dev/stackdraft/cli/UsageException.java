package dev.stackdraft.cli;

/** The command line itself is wrong (unknown command or option, missing argument): exit status 2 with a short usage. */
final class UsageException extends RuntimeException {

    UsageException(String message) {
        super(message, null, false, false);
    }
}
