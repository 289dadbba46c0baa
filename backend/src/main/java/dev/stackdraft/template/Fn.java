package dev.stackdraft.template;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The intrinsic functions of CloudFormation (and its LanguageExtensions transform), long name and short tag. */
public enum Fn {
    REF("Ref", "!Ref"),
    GET_ATT("Fn::GetAtt", "!GetAtt"),
    SUB("Fn::Sub", "!Sub"),
    JOIN("Fn::Join", "!Join"),
    IF("Fn::If", "!If"),
    EQUALS("Fn::Equals", "!Equals"),
    NOT("Fn::Not", "!Not"),
    AND("Fn::And", "!And"),
    OR("Fn::Or", "!Or"),
    SELECT("Fn::Select", "!Select"),
    SPLIT("Fn::Split", "!Split"),
    FIND_IN_MAP("Fn::FindInMap", "!FindInMap"),
    IMPORT_VALUE("Fn::ImportValue", "!ImportValue"),
    GET_AZS("Fn::GetAZs", "!GetAZs"),
    BASE64("Fn::Base64", "!Base64"),
    CIDR("Fn::Cidr", "!Cidr"),
    CONDITION("Condition", "!Condition"),
    TRANSFORM("Fn::Transform", "!Transform"),
    VALUE_OF("Fn::ValueOf", "!ValueOf"),
    LENGTH("Fn::Length", "!Length"),
    TO_JSON_STRING("Fn::ToJsonString", "!ToJsonString"),
    CONTAINS("Fn::Contains", "!Contains"),
    EACH_MEMBER_EQUALS("Fn::EachMemberEquals", "!EachMemberEquals"),
    EACH_MEMBER_IN("Fn::EachMemberIn", "!EachMemberIn"),
    REF_ALL("Fn::RefAll", "!RefAll"),
    VALUE_OF_ALL("Fn::ValueOfAll", "!ValueOfAll");

    private static final Map<String, Fn> BY_LONG_NAME =
            Arrays.stream(values()).collect(Collectors.toMap(Fn::longName, Function.identity()));
    private static final Map<String, Fn> BY_TAG =
            Arrays.stream(values()).collect(Collectors.toMap(Fn::shortTag, Function.identity()));

    private final String longName;
    private final String shortTag;

    Fn(String longName, String shortTag) {
        this.longName = longName;
        this.shortTag = shortTag;
    }

    public String longName() {
        return longName;
    }

    public String shortTag() {
        return shortTag;
    }

    /**
     * The function a single-key mapping spells in long form. {@code Condition} is left out: as a key it is
     * far more often the resource attribute than the condition function, so {@code {Condition: X}} stays a
     * mapping (its plain form equals that of {@code !Condition X} anyway).
     */
    public static Optional<Fn> byLongName(String key) {
        Fn fn = BY_LONG_NAME.get(key);
        return fn == CONDITION ? Optional.empty() : Optional.ofNullable(fn);
    }

    public static Optional<Fn> byShortTag(String tag) {
        return Optional.ofNullable(BY_TAG.get(tag));
    }
}
