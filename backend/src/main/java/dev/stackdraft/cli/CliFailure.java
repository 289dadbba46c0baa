package dev.stackdraft.cli;

/**
 * Something outside the template went wrong (the file cannot be written, it changed meanwhile): exit status 1
 * with this message. Problems in a template are {@link dev.stackdraft.template.TemplateException}s instead.
 */
final class CliFailure extends RuntimeException {

    CliFailure(String message) {
        super(message, null, false, false);
    }
}
