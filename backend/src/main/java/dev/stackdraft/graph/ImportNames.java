package dev.stackdraft.graph;

import dev.stackdraft.template.Fn;
import dev.stackdraft.template.Value;
import dev.stackdraft.template.Value.Intrinsic;
import dev.stackdraft.template.Value.Mapping;
import dev.stackdraft.template.Value.Scalar;
import dev.stackdraft.template.Value.Sequence;
import dev.stackdraft.template.Value.Tagged;
import java.util.stream.Collectors;

/**
 * The name an {@code Fn::ImportValue} imports, as its node id shows it: the literal name; for a name computed
 * with {@code Fn::Sub}, the Sub string ({@code ${Env}-VpcId}); a {@code Fn::Join} of literals, Refs and GetAtts
 * is spelt the same way ({@code [":", [!Ref Stack, VpcId]]} → {@code ${Stack}:VpcId}); anything else as a short
 * rendering of the expression. Two imports of the same expression are one node.
 */
final class ImportNames {

    private ImportNames() {}

    static String of(Value argument) {
        return switch (argument) {
            case Scalar s -> s.text();
            case Intrinsic fn when fn.fn() == Fn.SUB -> subText(fn.argument());
            case Intrinsic fn when fn.fn() == Fn.REF && fn.argument() instanceof Scalar s -> "${" + s.text() + "}";
            case Intrinsic fn when fn.fn() == Fn.GET_ATT -> "${" + getAtt(fn.argument()) + "}";
            case Intrinsic fn when fn.fn() == Fn.JOIN && fn.argument() instanceof Sequence seq && seq.items().size() == 2
                    && seq.items().get(0) instanceof Scalar delimiter && seq.items().get(1) instanceof Sequence parts ->
                    parts.items().stream().map(ImportNames::of).collect(Collectors.joining(delimiter.text()));
            default -> render(argument);
        };
    }

    private static String subText(Value argument) {
        if (argument instanceof Sequence seq && !seq.items().isEmpty() && seq.items().getFirst() instanceof Scalar s) {
            return s.text();
        }
        return argument instanceof Scalar s ? s.text() : render(argument);
    }

    private static String getAtt(Value argument) {
        if (argument instanceof Sequence seq) {
            return seq.items().stream().map(ImportNames::render).collect(Collectors.joining("."));
        }
        return render(argument);
    }

    private static String render(Value value) {
        return switch (value) {
            case Scalar s -> s.text();
            case Sequence seq -> seq.items().stream().map(ImportNames::render)
                    .collect(Collectors.joining(", ", "[", "]"));
            case Mapping m -> m.entries().stream().map(e -> e.name() + ": " + render(e.value()))
                    .collect(Collectors.joining(", ", "{", "}"));
            case Intrinsic fn -> fn.fn().shortTag() + " " + render(fn.argument());
            case Tagged t -> t.tag() + " " + render(t.value());
        };
    }
}
