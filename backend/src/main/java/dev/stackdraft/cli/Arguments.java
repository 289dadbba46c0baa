package dev.stackdraft.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The arguments of one command: positionals, options with a value ({@code --layer X} or {@code --layer=X}) and
 * switches ({@code --dry-run}). Each command says which options it knows; anything else is a usage error.
 * {@code --} ends the options, so a positional may start with a dash.
 */
final class Arguments {

    private final List<String> positionals;
    private final Map<String, String> values;
    private final Set<String> switches;

    private Arguments(List<String> positionals, Map<String, String> values, Set<String> switches) {
        this.positionals = positionals;
        this.values = values;
        this.switches = switches;
    }

    /**
     * Takes every {@code OPTION K=V} (or {@code OPTION=K=V}) out of {@code args}, in order, up to a {@code --}: an
     * option that may be given many times, each a pair, before the rest is {@linkplain #parse parsed}.
     *
     * @param form how a pair looks, for the error when one does not (e.g. {@code KEY=VALUE})
     */
    static Map<String, String> takePairs(List<String> args, String option, String form) {
        Map<String, String> pairs = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--")) {
                break;
            }
            String item;
            if (arg.equals(option)) {
                if (i + 1 >= args.size()) {
                    throw new UsageException("missing value after " + option);
                }
                item = args.remove(i + 1);
                args.remove(i--);
            } else if (arg.startsWith(option + "=")) {
                item = arg.substring(option.length() + 1);
                args.remove(i--);
            } else {
                continue;
            }
            int eq = item.indexOf('=');
            if (eq <= 0) {
                throw new UsageException("'" + item + "' is not " + form);
            }
            pairs.put(item.substring(0, eq), item.substring(eq + 1));
        }
        return pairs;
    }

    /**
     * @param valued   options that take a value, e.g. {@code --format}
     * @param switches options that take none, e.g. {@code --dry-run}
     */
    static Arguments parse(List<String> args, Set<String> valued, Set<String> switches) {
        List<String> positionals = new ArrayList<>();
        Map<String, String> values = new HashMap<>();
        Set<String> given = new HashSet<>();
        boolean optionsEnded = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (optionsEnded || arg.equals("-") || !arg.startsWith("-")) {
                positionals.add(arg);
                continue;
            }
            if (arg.equals("--")) {
                optionsEnded = true;
                continue;
            }
            int eq = arg.indexOf('=');
            String name = eq > 0 && arg.startsWith("--") ? arg.substring(0, eq) : arg;
            if (switches.contains(name)) {
                if (!name.equals(arg)) {
                    throw new UsageException(name + " takes no value");
                }
                given.add(name);
            } else if (valued.contains(name)) {
                String value;
                if (!name.equals(arg)) {
                    value = arg.substring(eq + 1);
                } else if (i + 1 < args.size() && !isOption(args.get(i + 1), valued, switches)) {
                    value = args.get(++i);
                } else {
                    throw new UsageException("missing value after " + name);
                }
                if (values.put(name, value) != null) {
                    throw new UsageException(name + " given twice");
                }
            } else {
                throw new UsageException("unknown option " + name);
            }
        }
        return new Arguments(List.copyOf(positionals), Map.copyOf(values), Set.copyOf(given));
    }

    private static boolean isOption(String arg, Set<String> valued, Set<String> switches) {
        String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
        return arg.equals("--") || valued.contains(name) || switches.contains(name);
    }

    List<String> positionals() {
        return positionals;
    }

    /** Positional number {@code index}, named {@code name} in the message when it is missing. */
    String positional(int index, String name) {
        if (index >= positionals.size()) {
            throw new UsageException("missing " + name);
        }
        return positionals.get(index);
    }

    /** The FILE argument: always the first positional. */
    Path file() {
        String file = positional(0, "FILE");
        if (file.isEmpty()) {
            throw new UsageException("FILE is empty");
        }
        return Path.of(file);
    }

    /** Refuses positionals beyond the first {@code count}. */
    Arguments noMorePositionalsThan(int count) {
        if (positionals.size() > count) {
            throw new UsageException("unexpected argument '" + positionals.get(count) + "'");
        }
        return this;
    }

    Optional<String> option(String name) {
        return Optional.ofNullable(values.get(name));
    }

    String required(String name) {
        String value = values.get(name);
        if (value == null) {
            throw new UsageException("missing " + name);
        }
        if (value.isBlank()) {
            throw new UsageException(name + " is empty");
        }
        return value;
    }

    boolean has(String switchName) {
        return switches.contains(switchName);
    }

    /** A list index such as {@code --position 0}: a whole number from 0. */
    Optional<Integer> index(String name) {
        return option(name).map(text -> {
            try {
                int value = Integer.parseInt(text.strip());
                if (value >= 0) {
                    return value;
                }
            } catch (NumberFormatException e) {
                // fall through to the message below
            }
            throw new UsageException(name + " takes a whole number from 0 (0 is the first), not '" + text + "'");
        });
    }

    /** One of {@code allowed}; {@code allowed[0]} when not given. */
    String choice(String name, String... allowed) {
        String value = option(name).orElse(allowed[0]);
        for (String candidate : allowed) {
            if (candidate.equals(value)) {
                return value;
            }
        }
        throw new UsageException(name + " takes " + String.join(", ", allowed) + ", not '" + value + "'");
    }
}
