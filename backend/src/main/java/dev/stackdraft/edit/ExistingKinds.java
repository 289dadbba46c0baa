package dev.stackdraft.edit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The types Use Existing knows ({@code existing-outputs.tsv}) and the companions that go with them
 * ({@code existing-companions.tsv}), read once.
 */
final class ExistingKinds {

    /** Where the per-environment value is what {@code Ref}/{@code GetAtt} of an existing resource gives. */
    sealed interface Expression {
        /** The ARN or name the user gives. */
        record Given() implements Expression {}

        /** One part of the ARN split at {@code separator}. */
        record Part(int index, String separator) implements Expression {}

        /** {@code Fn::Sub} of a text naming the ARN's parts and other outputs. */
        record Sub(String text) implements Expression {}

        /** Asked per environment. */
        record Ask() implements Expression {}
    }

    /** One output (Ref or an attribute) of a kind: the property it gives and how its value is found. */
    record Output(String name, String gives, Expression value) {}

    /**
     * A type Use Existing can stand in for.
     *
     * @param byName whether the user gives a name (else an ARN)
     */
    record Kind(String type, boolean byName, Map<String, Output> outputs) {

        Output ref() {
            return outputs.get("Ref");
        }

        /** The output {@code name} (Ref or an attribute), or an asked one where the table does not list it. */
        Output output(String name) {
            if (!outputs.containsKey(name) && name.equals("Arn") && !byName) {
                return new Output(name, name, new Expression.Given()); // an Arn attribute is the ARN, whatever the table says
            }
            return outputs.getOrDefault(name, new Output(name, name, new Expression.Ask()));
        }

        /**
         * The output that gives a created resource's ARN, as the template reads it: the {@code Arn} attribute where the
         * type has one, else {@code Ref} or the attribute that is the ARN ({@code TopicArn}, a secret's {@code Id}).
         */
        Optional<String> arnOutput() {
            if (byName) {
                return Optional.empty();
            }
            if (outputs.get("Arn") instanceof Output arn && arn.value() instanceof Expression.Given) {
                return Optional.of("Arn");
            }
            if (ref().value() instanceof Expression.Given) {
                return Optional.of("Ref");
            }
            return outputs.values().stream().filter(o -> o.value() instanceof Expression.Given && !o.name().equals("(given)"))
                    .map(Output::name).findFirst();
        }

        /** The output whose value is the property or attribute {@code gives} (for {@code ${X}} in Sub texts). */
        Optional<Output> giving(String gives) {
            return outputs.values().stream().filter(o -> o.gives().equals(gives) && !o.name().equals("(given)"))
                    .findFirst();
        }
    }

    /** A companion type, the property by which it names what it configures, and the types it configures. */
    record Companion(String type, String property, List<String> of) {}

    static final Map<String, Kind> KINDS = kinds();
    static final List<Companion> COMPANIONS = companions();

    private ExistingKinds() {}

    static Optional<Kind> of(String type) {
        return Optional.ofNullable(KINDS.get(type));
    }

    private static Map<String, Kind> kinds() {
        Map<String, Map<String, Output>> outputs = new LinkedHashMap<>();
        Map<String, Boolean> byName = new LinkedHashMap<>();
        rows("existing-outputs.tsv", 4, c -> {
            Expression value = expression(c[3]);
            if (c[1].equals("(given)")) {
                byName.put(c[0], c[3].equals("name"));
            }
            outputs.computeIfAbsent(c[0], k -> new LinkedHashMap<>()).put(c[1], new Output(c[1], c[2], value));
        });
        Map<String, Kind> kinds = new LinkedHashMap<>();
        outputs.forEach((type, map) -> {
            if (!map.containsKey("Ref") || !byName.containsKey(type)) {
                throw new IllegalStateException("existing-outputs.tsv: " + type + " needs a (given) and a Ref row");
            }
            kinds.put(type, new Kind(type, byName.get(type), Map.copyOf(map)));
        });
        return Map.copyOf(kinds);
    }

    private static List<Companion> companions() {
        List<Companion> companions = new ArrayList<>();
        rows("existing-companions.tsv", 3, c -> companions.add(new Companion(c[0], c[1],
                Arrays.stream(c[2].split(",")).map(String::strip).toList())));
        return List.copyOf(companions);
    }

    static Expression expression(String text) {
        if (text.equals("arn") || text.equals("name")) {
            return new Expression.Given();
        }
        if (text.equals("ask")) {
            return new Expression.Ask();
        }
        if (text.startsWith("part:")) {
            return new Expression.Part(Integer.parseInt(text.substring(5)), ":");
        }
        if (text.startsWith("slash:")) {
            return new Expression.Part(Integer.parseInt(text.substring(6)), "/");
        }
        if (text.startsWith("sub:")) {
            return new Expression.Sub(text.substring(4));
        }
        throw new IllegalStateException("existing-outputs.tsv: no such value: " + text);
    }

    private static void rows(String file, int columns, Consumer<String[]> row) {
        try (InputStream in = ExistingKinds.class.getResourceAsStream(file)) {
            if (in == null) {
                throw new IllegalStateException(file + " is missing from the classpath");
            }
            boolean header = true;
            for (String line : new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList()) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                if (header) {
                    header = false;
                    continue;
                }
                String[] c = line.split("\t", -1);
                if (c.length != columns) {
                    throw new IllegalStateException(file + ": a row needs " + columns + " columns: " + line);
                }
                row.accept(c);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
