package dev.stackdraft.arn;

import dev.stackdraft.arn.ArnFormat.Part;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/** The rows of {@code arn-formats.tsv}, read once. */
final class ArnFormats {

    static final List<ArnFormat> ALL = load();

    private ArnFormats() {}

    private static List<ArnFormat> load() {
        try (InputStream in = Objects.requireNonNull(ArnFormats.class.getResourceAsStream("arn-formats.tsv"),
                "arn-formats.tsv is missing from the classpath");
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            List<ArnFormat> rows = new ArrayList<>();
            boolean header = true;
            for (String line : reader.lines().toList()) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                if (header) {
                    header = false;
                    continue;
                }
                String[] c = line.split("\t", -1);
                if (c.length != 9) {
                    throw new IllegalStateException("arn-formats.tsv: a row needs 9 columns: " + line);
                }
                List<String> also = c[1].isBlank() ? List.of() : Arrays.stream(c[1].split(",")).map(String::strip).toList();
                rows.add(new ArnFormat(c[0], also, c[2], part(c[3]), part(c[4]), Pattern.compile(c[5]), c[6],
                        c[7].equals("yes"), c[8]));
            }
            return List.copyOf(rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Part part(String text) {
        return Part.valueOf(text.toUpperCase(Locale.ROOT));
    }
}
