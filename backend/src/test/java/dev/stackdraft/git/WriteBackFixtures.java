package dev.stackdraft.git;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Templates for the git tests, from {@code src/test/resources/git}. */
final class WriteBackFixtures {

    private WriteBackFixtures() {}

    static String resource(String name) {
        try (InputStream in = WriteBackFixtures.class.getResourceAsStream("/git/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource git/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
