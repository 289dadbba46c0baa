package dev.stackdraft.template;

import java.util.Optional;

/**
 * One place where a template names another logical id: {@code Ref}, {@code Fn::GetAtt}, a {@code ${X}} or
 * {@code ${X.Attr}} inside {@code Fn::Sub}, a {@code DependsOn}, or a condition name.
 *
 * @param path      where the naming value is (for Sub: the Sub string itself)
 * @param attribute the attribute of a GetAtt or {@code ${X.Attr}}, if any
 */
public record Reference(Kind kind, String target, Optional<String> attribute, DocPath path, Span span) {

    public enum Kind { REF, GET_ATT, SUB, DEPENDS_ON, CONDITION }

    /** Pseudo parameters such as {@code AWS::Region} name no logical id. */
    public boolean isPseudoParameter() {
        return target.startsWith("AWS::");
    }
}
