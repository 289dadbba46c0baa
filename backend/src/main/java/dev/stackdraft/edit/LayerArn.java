package dev.stackdraft.edit;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Lambda layer version ARN, {@code arn:aws:lambda:us-east-1:123456789012:layer:name:7}. Region, account
 * and partition may be written as {@code ${AWS::Region}} etc. inside a Sub string.
 */
public record LayerArn(String partition, String region, String account, String name, int version) {

    private static final String PART = "(aws[a-z-]*|\\$\\{AWS::Partition\\})";
    private static final String REGION = "([a-z]{2}(?:-[a-z]+)+-\\d|\\$\\{AWS::Region\\})";
    private static final String ACCOUNT = "(\\d{12}|\\$\\{AWS::AccountId\\})";
    private static final String NAME = "([A-Za-z0-9_-]{1,140})";
    static final Pattern IN_TEXT = Pattern.compile("arn:" + PART + ":lambda:" + REGION + ":" + ACCOUNT + ":layer:" + NAME + ":(\\d+)");

    public static Optional<LayerArn> parse(String text) {
        Matcher m = IN_TEXT.matcher(text.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(of(m));
    }

    static LayerArn of(Matcher m) {
        return new LayerArn(m.group(1), m.group(2), m.group(3), m.group(4), Integer.parseInt(m.group(5)));
    }

    /** Whether {@code other} is a version of the same layer; placeholders match any literal. */
    public boolean sameLayer(LayerArn other) {
        return name.equals(other.name) && matches(region, other.region) && matches(account, other.account)
                && matches(partition, other.partition);
    }

    private static boolean matches(String a, String b) {
        return a.equals(b) || a.startsWith("${") || b.startsWith("${");
    }

    public LayerArn withVersion(int newVersion) {
        return new LayerArn(partition, region, account, name, newVersion);
    }

    @Override
    public String toString() {
        return "arn:" + partition + ":lambda:" + region + ":" + account + ":layer:" + name + ":" + version;
    }
}
