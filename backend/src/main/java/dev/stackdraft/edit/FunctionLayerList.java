package dev.stackdraft.edit;

import dev.stackdraft.template.Dialect;
import dev.stackdraft.template.DocPath;
import dev.stackdraft.template.Fn;
import dev.stackdraft.template.Resource;
import dev.stackdraft.template.ResourceType;
import dev.stackdraft.template.Template;
import dev.stackdraft.template.Value;
import dev.stackdraft.template.Value.Intrinsic;
import dev.stackdraft.template.Value.Mapping;
import dev.stackdraft.template.Value.Scalar;
import dev.stackdraft.template.Value.Sequence;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The layers a function ends up with, in Lambda's order, as a layer picker shows them: which are the function's own
 * (and where in its list: they can be moved and removed) and which it inherits ({@code Globals.Function.Layers},
 * serverless.yml's {@code provider.layers}); for each, what it names (a literal or {@code !Sub} ARN, a parameter, a
 * layer defined in the template). With the function's runtime and architectures, which decide what fits.
 *
 * @param runtime       the function's runtime, its own or from Globals / provider; null when none is written
 *                      (an image function) or it is computed
 * @param architectures the function's architectures; Lambda's default {@code x86_64} when none is written
 * @param editable      false when the function's own list is computed (an {@code !If}), so it can only be read
 */
public record FunctionLayerList(String function, @Nullable String runtime, List<String> architectures,
                                List<Item> items, boolean editable) {

    /** Lambda's limit on layers per function, inherited ones included. */
    public static final int LIMIT = FunctionLayers.LIMIT;

    public FunctionLayerList {
        architectures = List.copyOf(architectures);
        items = List.copyOf(items);
    }

    /**
     * One layer of the function.
     *
     * @param written   how the template writes it ({@code arn:…}, {@code !Ref CommonLayer}, {@code !Sub arn:…})
     * @param spec      what {@link AddLayer}, {@link MoveLayer} and {@link RemoveLayer} take to name it; empty for a
     *                  value they cannot name (a {@code !GetAtt}, an {@code !If})
     * @param inherited true when it comes from Globals / provider: change it there
     * @param ownIndex  its place in the function's own list; -1 when inherited
     * @param arn       the ARN written (literal, or the {@code !Sub} text), when there is one
     * @param parameter the parameter it refers to ({@code !Ref P}), whose value may differ per environment
     * @param templateLayer the logical id of the layer defined in this template it refers to
     */
    public record Item(String written, Optional<String> spec, boolean inherited, int ownIndex, Optional<String> arn,
                       Optional<String> parameter, Optional<String> templateLayer) {}

    /** Whether another layer would exceed Lambda's limit. */
    public boolean full() {
        return items.size() >= LIMIT;
    }

    /** The function's own layers, in order. */
    public List<Item> own() {
        return items.stream().filter(i -> !i.inherited()).toList();
    }

    /**
     * The function's layers.
     *
     * @throws EditRefusedException when there is no such function
     */
    public static FunctionLayerList of(Template template, String function) {
        Resource resource = Refusals.function(template, function);
        FunctionLayers layers = FunctionLayers.of(template, resource);
        boolean editable = layers.own().map(v -> v instanceof Sequence || v instanceof Scalar s && s.isNull()).orElse(true);
        List<Item> items = new ArrayList<>();
        List<Value> own = layers.ownItems();
        boolean ownReplacesGlobal = layers.serverless() && layers.own().isPresent();
        if (!layers.serverless() || !ownReplacesGlobal) {
            for (Value value : layers.globalItems()) {
                items.add(item(template, value, true, -1));
            }
        }
        for (int i = 0; i < own.size(); i++) {
            items.add(item(template, own.get(i), false, i));
        }
        return new FunctionLayerList(function, runtime(template, resource), architectures(template, resource), items,
                editable);
    }

    private static Item item(Template template, Value value, boolean inherited, int index) {
        String written = FunctionLayers.describe(value);
        Optional<String> arn = FunctionLayers.arn(value).map(a -> value instanceof Intrinsic fn
                && fn.argument() instanceof Scalar s ? s.text() : ((Scalar) value).text());
        Optional<String> target = refTarget(value);
        Optional<String> parameter = target.filter(t -> template.parameter(t).isPresent());
        Optional<String> layer = target.flatMap(t -> templateLayer(template, t));
        Optional<String> spec = arn.isPresent() ? arn : target;
        if (value instanceof Mapping && target.isPresent()) {
            written = "!Ref " + target.get();
        }
        return new Item(written, spec, inherited, index, arn, parameter, layer);
    }

    /** What a {@code Ref} names: {@code !Ref X}, or serverless.yml's {@code {Ref: XLambdaLayer}}. */
    private static Optional<String> refTarget(Value value) {
        if (value instanceof Intrinsic fn && fn.fn() == Fn.REF && fn.argument() instanceof Scalar s) {
            return Optional.of(s.text());
        }
        if (value instanceof Mapping m && m.entries().size() == 1 && m.string("Ref").isPresent()) {
            return m.string("Ref");
        }
        return Optional.empty();
    }

    /** The layer resource a reference names: its own id, or for SAM's generated id the layer it stands for. */
    private static Optional<String> templateLayer(Template template, String target) {
        if (template.resource(target).filter(r -> r.type().isLayer()).isPresent()) {
            return Optional.of(target);
        }
        if (template.dialect() == Dialect.SERVERLESS && target.endsWith("LambdaLayer")) {
            return Optional.of(target);
        }
        return Optional.empty();
    }

    private static @Nullable String runtime(Template template, Resource function) {
        if (template.dialect() == Dialect.SERVERLESS) {
            return function.definition().string("runtime")
                    .or(() -> template.at(DocPath.of("provider", "runtime")).flatMap(FunctionLayerList::text))
                    .orElse(null);
        }
        if (function.property("PackageType").flatMap(FunctionLayerList::text).filter("Image"::equals).isPresent()) {
            return null;
        }
        return function.property("Runtime").flatMap(FunctionLayerList::text)
                .or(() -> globals(template, function, "Runtime").flatMap(FunctionLayerList::text))
                .orElse(null);
    }

    private static List<String> architectures(Template template, Resource function) {
        Optional<Value> written;
        if (template.dialect() == Dialect.SERVERLESS) {
            written = function.definition().get("architecture")
                    .or(() -> template.at(DocPath.of("provider", "architecture")));
        } else {
            written = function.property("Architectures").or(() -> globals(template, function, "Architectures"));
        }
        List<String> found = new ArrayList<>();
        written.ifPresent(v -> {
            if (v instanceof Sequence s) {
                s.items().forEach(i -> text(i).ifPresent(found::add));
            } else {
                text(v).ifPresent(found::add);
            }
        });
        return found.isEmpty() ? List.of("x86_64") : found;
    }

    private static Optional<Value> globals(Template template, Resource function, String name) {
        return function.type().equals(ResourceType.SAM_FUNCTION) && template.isSam()
                ? template.at(DocPath.of("Globals", "Function", name)) : Optional.empty();
    }

    private static Optional<String> text(Value value) {
        return value instanceof Scalar s && !s.isNull() ? Optional.of(s.text()) : Optional.empty();
    }
}
