package dev.stackdraft.hosting;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/** The stub bodies under {@code src/test/resources/hosting}, shaped after the hosts' REST documentation. */
final class Stubs {

    private Stubs() {}

    static String body(String name) {
        try (InputStream in = Objects.requireNonNull(Stubs.class.getResourceAsStream("/hosting/" + name), name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
