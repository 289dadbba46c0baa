package dev.stackdraft.edit;

import dev.stackdraft.template.Dialect;
import dev.stackdraft.template.DocPath;
import dev.stackdraft.template.Plain;
import dev.stackdraft.template.Resource;
import dev.stackdraft.template.ResourceType;
import dev.stackdraft.template.Template;
import dev.stackdraft.template.Value;
import dev.stackdraft.template.Value.Intrinsic;
import dev.stackdraft.template.Value.Scalar;
import dev.stackdraft.template.Value.Sequence;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where a function's layers are written and which apply to it. SAM appends {@code Globals.Function.Layers}
 * before a function's own list (only for {@code AWS::Serverless::Function}); a serverless.yml function's own
 * {@code layers} replace {@code provider.layers}; plain Lambda functions have only their own.
 */
record FunctionLayers(Template template, Resource function, DocPath ownPath, Optional<Value> own,
                      DocPath globalPath, Optional<Value> global) {

    /** Lambda's limit on layers per function. */
    static final int LIMIT = 5;

    static FunctionLayers of(Template template, Resource function) {
        boolean serverless = template.dialect() == Dialect.SERVERLESS && function.type().equals(ResourceType.SERVERLESS_FUNCTION);
        DocPath ownPath = serverless ? function.path().child("layers") : function.propertiesPath().child("Layers");
        DocPath globalPath = serverless ? DocPath.of("provider", "layers") : DocPath.of("Globals", "Function", "Layers");
        boolean globalsApply = serverless || function.type().equals(ResourceType.SAM_FUNCTION) && template.isSam();
        Optional<Value> global = globalsApply ? template.at(globalPath) : Optional.empty();
        return new FunctionLayers(template, function, ownPath, template.at(ownPath), globalPath, global);
    }

    boolean serverless() {
        return ownPath.last().equals("layers");
    }

    String key() {
        return serverless() ? "layers" : "Layers";
    }

    /** The layers that end up on the function, in order. Empty for a list computed at deploy time. */
    List<Value> effective() {
        List<Value> layers = new ArrayList<>();
        if (serverless()) {
            (own.isPresent() ? own : global).ifPresent(v -> items(v).ifPresent(layers::addAll));
        } else {
            global.flatMap(FunctionLayers::items).ifPresent(layers::addAll);
            own.flatMap(FunctionLayers::items).ifPresent(layers::addAll);
        }
        return layers;
    }

    List<Value> ownItems() {
        return own.flatMap(FunctionLayers::items).orElse(List.of());
    }

    /** Where in the function's own list a layer (any version of it) stands. */
    java.util.OptionalInt indexOfOwn(Value layer) {
        List<Value> items = ownItems();
        for (int i = 0; i < items.size(); i++) {
            if (sameLayer(items.get(i), layer)) {
                return java.util.OptionalInt.of(i);
            }
        }
        return java.util.OptionalInt.empty();
    }

    List<Value> globalItems() {
        return global.flatMap(FunctionLayers::items).orElse(List.of());
    }

    static Optional<List<Value>> items(Value value) {
        return value instanceof Sequence s ? Optional.of(s.items()) : Optional.empty();
    }

    /** Whether two layer values name the same layer: equal meaning, or versions of one layer ARN. */
    static boolean sameLayer(Value a, Value b) {
        if (Plain.of(a).equals(Plain.of(b))) {
            return true;
        }
        Optional<LayerArn> x = arn(a);
        Optional<LayerArn> y = arn(b);
        return x.isPresent() && y.isPresent() && x.get().sameLayer(y.get());
    }

    static Optional<LayerArn> arn(Value value) {
        if (value instanceof Scalar s) {
            return LayerArn.parse(s.text());
        }
        if (value instanceof Intrinsic fn && fn.argument() instanceof Scalar s && fn.fn().longName().equals("Fn::Sub")) {
            return LayerArn.parse(s.text());
        }
        return Optional.empty();
    }

    static String describe(Value value) {
        return switch (value) {
            case Scalar s -> s.text();
            case Intrinsic fn when fn.argument() instanceof Scalar s -> fn.fn().shortTag() + " " + s.text();
            default -> Plain.of(value).toString();
        };
    }
}
