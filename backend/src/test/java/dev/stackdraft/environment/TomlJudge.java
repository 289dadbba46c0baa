package dev.stackdraft.environment;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import tools.jackson.core.json.JsonReadFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * A TOML reader that is not ours: Python's {@code tomllib} (TOML 1.0, in the standard library since 3.11), as an
 * outside judge of what the editor writes. Tests that need it are skipped, saying so, where it is missing.
 */
final class TomlJudge {

    private static final String SCRIPT = "import sys, json, tomllib\n"
            + "print(json.dumps(tomllib.loads(open(sys.argv[1], encoding='utf-8').read()), default=str))\n";

    private static Boolean available;

    private TomlJudge() {}

    static void assumeAvailable() {
        if (available == null) {
            try {
                Process p = new ProcessBuilder("python3", "-c", "import tomllib").redirectErrorStream(true).start();
                available = p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
            } catch (IOException | InterruptedException e) {
                available = false;
            }
        }
        Assumptions.assumeTrue(available, "python3 with tomllib (3.11+) is not installed: the outside TOML judge is skipped");
    }

    /** What tomllib reads in {@code text}, with numbers as Long/Double like {@link TomlValue#plain}. */
    static Object read(String text) {
        try {
            Path file = Files.createTempFile("judge", ".toml");
            try {
                Files.writeString(file, text, StandardCharsets.UTF_8);
                Process p = new ProcessBuilder("python3", "-c", SCRIPT, file.toString()).start();
                byte[] out = p.getInputStream().readAllBytes();
                String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
                if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                    throw new AssertionError("tomllib refuses the text: " + err + "\n" + text);
                }
                return normalize(JsonMapper.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build().readValue(out, Object.class));
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    static Object normalize(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(k), normalize(v)));
            return out;
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            list.forEach(v -> out.add(normalize(v)));
            return out;
        }
        if (value instanceof Integer i) {
            return i.longValue();
        }
        if (value instanceof Number n && !(value instanceof Long) && !(value instanceof Double)) {
            return n.doubleValue();
        }
        return value;
    }
}
