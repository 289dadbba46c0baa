package dev.stackdraft.graph;

import dev.stackdraft.template.DocPath;
import dev.stackdraft.template.Reference;
import dev.stackdraft.template.Span;
import java.util.Optional;

/**
 * One place where a resource's definition names something: a reference of the shared walk, a bare logical id
 * where SAM expects one (a connector's {@code Id}), an {@code Fn::ImportValue}, a literal ARN, or the literal
 * name of something outside the template (a connector's {@code RoleName}, {@code Name} ...).
 *
 * @param target    a logical id; {@code import:<name>} for an import; the ARN for an ARN; the name for a name
 * @param attribute whether it names an attribute ({@code GetAtt}, {@code ${X.Attr}}), which a parameter lacks
 * @param type      for a name, the resource type of what it names ({@code external} when nothing says); else empty
 */
record Mention(Kind kind, String target, boolean attribute, DocPath path, Span span, String type) {

    enum Kind { REF, GET_ATT, SUB, DEPENDS_ON, LOGICAL_ID, IMPORT, ARN, NAME }

    Mention(Kind kind, String target, boolean attribute, DocPath path, Span span) {
        this(kind, target, attribute, path, span, "");
    }

    /** The mention a reference makes; condition names and pseudo parameters name no node. */
    static Optional<Mention> of(Reference reference) {
        if (reference.isPseudoParameter()) {
            return Optional.empty();
        }
        return switch (reference.kind()) {
            case REF -> Optional.of(of(Kind.REF, reference));
            case GET_ATT -> Optional.of(of(Kind.GET_ATT, reference));
            case SUB -> Optional.of(of(Kind.SUB, reference));
            case DEPENDS_ON -> Optional.of(of(Kind.DEPENDS_ON, reference));
            case CONDITION -> Optional.empty();
        };
    }

    private static Mention of(Kind kind, Reference reference) {
        return new Mention(kind, reference.target(), reference.attribute().isPresent(), reference.path(),
                reference.span());
    }

    /** Whether a parameter can be what this names: a parameter has a value, but no attributes and no deps. */
    boolean mayNameParameter() {
        return !attribute && (kind == Kind.REF || kind == Kind.SUB);
    }
}
