package dev.stackdraft.graph;

import dev.stackdraft.template.DocPath;
import dev.stackdraft.template.Fn;
import dev.stackdraft.template.Reference;
import dev.stackdraft.template.References;
import dev.stackdraft.template.Resource;
import dev.stackdraft.template.ResourceType;
import dev.stackdraft.template.Value;
import dev.stackdraft.template.Value.Intrinsic;
import dev.stackdraft.template.Value.Mapping;
import dev.stackdraft.template.Value.Scalar;
import dev.stackdraft.template.Value.Sequence;
import dev.stackdraft.template.Value.Tagged;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds the {@link Mention}s below a value: the references of {@link References#below} (the one reference
 * walk), plus the {@code Fn::ImportValue}s, which that walk does not report, plus literal ARNs and bare logical
 * ids where a caller knows a place holds them.
 */
final class Mentions {

    private Mentions() {}

    /** References (without condition names and pseudo parameters) and imports below {@code value}. */
    static List<Mention> below(Value value, DocPath path) {
        List<Mention> out = new ArrayList<>();
        for (Reference reference : References.below(value, path)) {
            Mention.of(reference).ifPresent(out::add);
        }
        imports(value, path, out);
        return out;
    }

    /**
     * A resource's {@code DependsOn}; a Serverless Framework function spells it {@code dependsOn}.
     */
    static List<Mention> dependsOn(Resource resource) {
        List<Mention> out = new ArrayList<>();
        References.dependsOn(resource).forEach(reference -> Mention.of(reference).ifPresent(out::add));
        return out;
    }

    /** {@code value} as an ARN, when it is a literal string that is one. */
    static Optional<Mention> arn(Value value, DocPath path) {
        if (value instanceof Scalar s && s.text().startsWith("arn:")) {
            return Optional.of(new Mention(Mention.Kind.ARN, s.text(), false, path, s.span()));
        }
        return Optional.empty();
    }

    /** The literal ARNs among a list's items, or the value itself when it is one string. */
    static List<Mention> arnItems(Value value, DocPath path) {
        List<Mention> out = new ArrayList<>();
        if (value instanceof Sequence seq) {
            for (int i = 0; i < seq.items().size(); i++) {
                arn(seq.items().get(i), path.child(i)).ifPresent(out::add);
            }
        } else {
            arn(value, path).ifPresent(out::add);
        }
        return out;
    }

    /** A bare logical id, as a connector's {@code Id: MyQueue} gives one. */
    static Optional<Mention> logicalId(Value value, DocPath path) {
        if (value instanceof Scalar s && !s.isNull() && !s.text().isBlank()) {
            return Optional.of(new Mention(Mention.Kind.LOGICAL_ID, s.text().strip(), false, path, s.span()));
        }
        return Optional.empty();
    }

    private static void imports(Value value, DocPath path, List<Mention> out) {
        switch (value) {
            case Scalar s -> { }
            case Sequence seq -> {
                for (int i = 0; i < seq.items().size(); i++) {
                    imports(seq.items().get(i), path.child(i), out);
                }
            }
            case Mapping m -> m.entries().forEach(e -> imports(e.value(), path.child(e.name()), out));
            case Intrinsic fn when fn.fn() == Fn.IMPORT_VALUE -> out.add(new Mention(Mention.Kind.IMPORT,
                    "import:" + ImportNames.of(fn.argument()), false, path, fn.span()));
            case Intrinsic fn -> imports(fn.argument(), path.child(fn.fn().longName()), out);
            case Tagged t -> imports(t.value(), path.child(t.tag()), out);
        }
    }
}
