package dev.stackdraft.validation;

import dev.stackdraft.template.Dialect;
import dev.stackdraft.template.Resource;
import dev.stackdraft.template.ResourceType;
import dev.stackdraft.template.Template;
import dev.stackdraft.template.Value;
import dev.stackdraft.template.Value.Entry;
import dev.stackdraft.template.Value.Mapping;
import dev.stackdraft.template.Value.Scalar;
import dev.stackdraft.template.Value.Sequence;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Lambda's quotas that a template can break by itself: at most five layers per function
 * ({@code too-many-layers}; SAM puts {@code Globals.Function.Layers} before the function's own, a serverless.yml
 * function's own {@code layers} replace {@code provider.layers}), and memory, timeout, ephemeral storage,
 * description length, environment size and reserved concurrency ({@code lambda-limit}). Values computed at
 * deploy time (intrinsic functions, variables) are not judged. Layers written as one value instead of a list are
 * {@code invalid-layers}.
 */
final class LambdaLimits {

    static final int MAX_LAYERS = 5;
    static final int MIN_MEMORY = 128;
    static final int MAX_MEMORY = 10_240;
    static final int MAX_TIMEOUT = 900;
    static final int MIN_EPHEMERAL = 512;
    static final int MAX_EPHEMERAL = 10_240;
    static final int MAX_DESCRIPTION = 256;
    static final int MAX_ENVIRONMENT = 4 * 1024;

    /** How one dialect spells the settings. */
    private record Names(String memory, String timeout, String description, String reserved, String layers) {}

    private static final Names CLOUDFORMATION = new Names("MemorySize", "Timeout", "Description",
            "ReservedConcurrentExecutions", "Layers");
    private static final Names SERVERLESS = new Names("memorySize", "timeout", "description", "reservedConcurrency",
            "layers");

    private final Template template;
    private final Report report;

    LambdaLimits(Template template, Report report) {
        this.template = template;
        this.report = report;
    }

    void run() {
        Optional<Mapping> globals = template.isSam() ? template.globals().flatMap(g -> g.mapping("Function")) : Optional.empty();
        Optional<Mapping> provider = template.dialect() == Dialect.SERVERLESS ? template.section("provider") : Optional.empty();
        globals.ifPresent(g -> settings("Globals.Function", g, CLOUDFORMATION));
        provider.ifPresent(p -> settings("provider", p, SERVERLESS));
        globals.flatMap(g -> g.entry("Layers")).ifPresent(e -> layersAlone("Globals.Function", e));
        provider.flatMap(p -> p.entry("layers")).ifPresent(e -> layersAlone("provider", e));
        globals.flatMap(g -> g.mapping("Environment")).ifPresent(env -> environment("Globals.Function", env, "Variables",
                Optional.empty()));
        provider.ifPresent(p -> environment("provider", p, "environment", Optional.empty()));
        for (Resource resource : template.resources()) {
            ResourceType type = resource.type();
            if (type.equals(ResourceType.SERVERLESS_FUNCTION)) {
                settings("function " + resource.id(), resource.definition(), SERVERLESS);
                environment("function " + resource.id(), resource.definition(), "environment",
                        provider.flatMap(p -> p.mapping("environment")));
                // provider.layers apply only to functions without their own; their excess is reported once, above
                resource.definition().entry("layers").ifPresent(e -> layersAlone("function " + resource.id(), e));
            } else if (type.equals(ResourceType.SAM_FUNCTION) || type.equals(ResourceType.LAMBDA_FUNCTION)) {
                resource.properties().ifPresent(p -> {
                    String owner = "function " + resource.id();
                    settings(owner, p, CLOUDFORMATION);
                    Optional<Mapping> inherited = type.equals(ResourceType.SAM_FUNCTION) && !ignores(resource, "Environment")
                            ? globals.flatMap(g -> g.mapping("Environment")).flatMap(e -> e.mapping("Variables")) : Optional.empty();
                    p.mapping("Environment").ifPresent(env -> environment(owner, env, "Variables", inherited));
                    samLayers(resource, p, type.equals(ResourceType.SAM_FUNCTION) && !ignores(resource, "Layers")
                            ? globals.flatMap(g -> g.get("Layers")) : Optional.empty());
                });
            }
        }
    }

    private static boolean ignores(Resource resource, String property) {
        return resource.definition().get("IgnoreGlobals").map(v -> switch (v) {
            case Scalar s -> s.text().equals("*") || s.text().equals(property);
            case Sequence seq -> seq.items().stream().anyMatch(i -> i instanceof Scalar s && s.text().equals(property));
            default -> false;
        }).orElse(false);
    }

    private void samLayers(Resource function, Mapping properties, Optional<Value> global) {
        Optional<Entry> own = properties.entry("Layers");
        own.ifPresent(e -> notAList("function " + function.id(), e));
        int globalCount = global.filter(Sequence.class::isInstance).map(v -> ((Sequence) v).items().size()).orElse(0);
        if (own.isEmpty() || !(own.get().value() instanceof Sequence list)) {
            return; // none of its own: an excess of Globals alone is reported at Globals
        }
        int total = globalCount + list.items().size();
        if (total > MAX_LAYERS && globalCount <= MAX_LAYERS) {
            String count = globalCount == 0 ? list.items().size() + " layers"
                    : globalCount + " layers from Globals.Function.Layers and " + list.items().size() + " of its own, "
                    + total + " in all,";
            report.error("too-many-layers", own.get().key().span(), "function " + function.id() + " has " + count
                    + " over Lambda's limit of " + MAX_LAYERS + ": remove " + (total - MAX_LAYERS)
                    + " or merge some into one layer");
        }
    }

    private void layersAlone(String owner, Entry layers) {
        notAList(owner, layers);
        if (layers.value() instanceof Sequence list && list.items().size() > MAX_LAYERS) {
            report.error("too-many-layers", layers.key().span(), owner + ": " + list.items().size()
                    + " layers, over Lambda's limit of " + MAX_LAYERS + " per function: remove "
                    + (list.items().size() - MAX_LAYERS) + " or merge some into one layer");
        }
    }

    /** {@code Layers: arn:...}: SAM and CloudFormation refuse a single value where a list belongs. */
    private void notAList(String owner, Entry layers) {
        if (layers.value() instanceof Scalar s && !s.isNull()) {
            report.error("invalid-layers", s.span(), owner + ": " + layers.name() + " is a single value; write it as a "
                    + "list, one layer ARN per item ('- " + s.text() + "')");
        }
    }

    private void settings(String owner, Mapping settings, Names names) {
        number(settings, names.memory()).ifPresent(n -> {
            if (n.value < MIN_MEMORY || n.value > MAX_MEMORY) {
                limit(n.scalar, owner + ": " + names.memory() + " " + n.value + " MB is outside Lambda's range of "
                        + MIN_MEMORY + " to " + MAX_MEMORY + " MB");
            }
        });
        number(settings, names.timeout()).ifPresent(n -> {
            if (n.value > MAX_TIMEOUT || n.value < 1) {
                limit(n.scalar, owner + ": " + names.timeout() + " " + n.value + " s is outside Lambda's range of 1 to "
                        + MAX_TIMEOUT + " s (15 minutes); for longer work use Step Functions or ECS");
            }
        });
        Optional<Scalar> storage = names == SERVERLESS ? scalar(settings, "ephemeralStorageSize")
                : settings.mapping("EphemeralStorage").flatMap(e -> scalar(e, "Size"));
        storage.flatMap(LambdaLimits::integer).ifPresent(size -> {
            if (size < MIN_EPHEMERAL || size > MAX_EPHEMERAL) {
                limit(storage.get(), owner + ": ephemeral storage of " + size + " MB is outside Lambda's range of "
                        + MIN_EPHEMERAL + " to " + MAX_EPHEMERAL + " MB");
            }
        });
        scalar(settings, names.description()).ifPresent(d -> {
            if (d.kind() == Value.ScalarKind.STRING && d.text().length() > MAX_DESCRIPTION) {
                limit(d, owner + ": the description is " + d.text().length() + " characters, over Lambda's limit of "
                        + MAX_DESCRIPTION + ": shorten it");
            }
        });
        number(settings, names.reserved()).ifPresent(n -> {
            if (n.value < 0) {
                limit(n.scalar, owner + ": " + names.reserved() + " " + n.value + " is negative: use 0 to stop the "
                        + "function from running, or a positive number");
            }
        });
    }

    /** The literal variables (inherited ones first, overridden by the function's own) against Lambda's 4 KB. */
    private void environment(String owner, Mapping holder, String key, Optional<Mapping> inherited) {
        Optional<Entry> own = holder.entry(key);
        if (own.isEmpty() || !(own.get().value() instanceof Mapping variables)) {
            return;
        }
        Map<String, Value> merged = new LinkedHashMap<>();
        inherited.ifPresent(m -> m.entries().forEach(e -> merged.put(e.name(), e.value())));
        if (size(merged) > MAX_ENVIRONMENT) {
            return; // the inherited variables alone are too many: reported where they are written
        }
        variables.entries().forEach(e -> merged.put(e.name(), e.value()));
        int bytes = size(merged);
        if (bytes > MAX_ENVIRONMENT) {
            limit(own.get().key(), owner + ": environment variables take " + bytes + " bytes (names and literal values"
                    + (inherited.isPresent() ? ", with those from Globals" : "") + "), over Lambda's limit of 4 KB: move "
                    + "large values to SSM Parameter Store or Secrets Manager");
        }
    }

    private static int size(Map<String, Value> variables) {
        int bytes = 0;
        for (Map.Entry<String, Value> e : variables.entrySet()) {
            bytes += utf8(e.getKey());
            if (e.getValue() instanceof Scalar s) {
                bytes += utf8(s.text());
            }
        }
        return bytes;
    }

    private static int utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    private record Number(Scalar scalar, long value) {}

    private static Optional<Number> number(Mapping settings, String key) {
        return scalar(settings, key).flatMap(s -> integer(s).map(v -> new Number(s, v)));
    }

    private static Optional<Scalar> scalar(Mapping settings, String key) {
        return settings.get(key).filter(Scalar.class::isInstance).map(Scalar.class::cast);
    }

    private static Optional<Long> integer(Scalar scalar) {
        if (scalar.kind() != Value.ScalarKind.NUMBER && scalar.kind() != Value.ScalarKind.STRING) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(scalar.text().strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private void limit(Scalar at, String message) {
        report.error("lambda-limit", at.span(), message);
    }
}
