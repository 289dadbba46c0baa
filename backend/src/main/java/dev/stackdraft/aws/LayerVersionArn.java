package dev.stackdraft.aws;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A Lambda layer version ARN, {@code arn:PARTITION:lambda:REGION:ACCOUNT:layer:NAME:VERSION}, parsed and checked:
 * partition {@code aws}, {@code aws-cn} or {@code aws-us-gov} (and a region of that partition), a 12-digit
 * account, a name Lambda accepts, a version from 1.
 */
public record LayerVersionArn(String partition, String region, String account, String name, long version) {

    static final List<String> PARTITIONS = List.of("aws", "aws-cn", "aws-us-gov");
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d{1,2}");
    private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");
    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9_-]{1,140}");
    private static final Pattern VERSION = Pattern.compile("[1-9]\\d{0,15}");

    /**
     * What {@link #check} found: the ARN when it is valid, else one sentence per problem.
     *
     * @param arn      the parsed ARN; null when there are problems
     * @param problems empty when valid
     */
    public record Check(@Nullable LayerVersionArn arn, List<String> problems) {

        public boolean valid() {
            return arn != null;
        }
    }

    /** Checks an ARN as typed in; surrounding blanks are ignored. */
    public static Check check(String text) {
        String arn = text.strip();
        List<String> problems = new ArrayList<>();
        String[] parts = arn.split(":", -1);
        if (parts.length < 7 || !parts[0].equals("arn")) {
            return new Check(null, List.of("'" + abbreviate(arn) + "' is not a layer version ARN: it should look like "
                    + "arn:aws:lambda:REGION:ACCOUNT:layer:NAME:VERSION."));
        }
        String partition = parts[1];
        String service = parts[2];
        String region = parts[3];
        String account = parts[4];
        String resource = parts[5];
        String name = parts[6];
        if (!PARTITIONS.contains(partition)) {
            problems.add("The partition '" + partition + "' is not one of aws, aws-cn, aws-us-gov.");
        }
        if (!service.equals("lambda")) {
            problems.add("The service is '" + service + "', not lambda.");
        }
        if (!REGION.matcher(region).matches()) {
            problems.add("The region '" + region + "' is not an AWS region (like eu-west-1).");
        } else if (PARTITIONS.contains(partition) && !partitionOf(region).equals(partition)) {
            problems.add("The region " + region + " belongs to the partition " + partitionOf(region) + ", not "
                    + partition + ".");
        }
        if (!ACCOUNT.matcher(account).matches()) {
            problems.add("The account '" + account + "' is not a 12-digit AWS account id.");
        }
        if (!resource.equals("layer")) {
            problems.add("The resource is '" + resource + "', not layer (a function ARN is not a layer ARN).");
        }
        if (!NAME.matcher(name).matches()) {
            problems.add("The layer name '" + name + "' may have only letters, digits, - and _ (1 to 140 of them).");
        }
        long version = 0;
        if (parts.length == 7) {
            problems.add("The ARN names the layer but no version: add :VERSION at the end (e.g. :" + "1).");
        } else if (parts.length > 8) {
            problems.add("The ARN has more parts than a layer version ARN (" + parts.length + " instead of 8).");
        } else if (!VERSION.matcher(parts[7]).matches()) {
            problems.add("The version '" + parts[7] + "' is not a whole number from 1.");
        } else {
            version = Long.parseLong(parts[7]);
        }
        if (!problems.isEmpty()) {
            return new Check(null, List.copyOf(problems));
        }
        return new Check(new LayerVersionArn(partition, region, account, name, version), List.of());
    }

    /**
     * Parses a valid ARN.
     *
     * @throws AwsException with every problem, when it is not
     */
    public static LayerVersionArn parse(String text) {
        Check check = check(text);
        if (check.arn() == null) {
            throw new AwsException(String.join(" ", check.problems()));
        }
        return check.arn();
    }

    /** The partition a region belongs to. */
    static String partitionOf(String region) {
        if (region.startsWith("cn-")) {
            return "aws-cn";
        }
        if (region.startsWith("us-gov-")) {
            return "aws-us-gov";
        }
        return "aws";
    }

    /** The ARN of the layer, without the version. */
    public String layerArn() {
        return "arn:" + partition + ":lambda:" + region + ":" + account + ":layer:" + name;
    }

    /** The same layer at another version. */
    public LayerVersionArn withVersion(long other) {
        return new LayerVersionArn(partition, region, account, name, other);
    }

    @Override
    public String toString() {
        return layerArn() + ":" + version;
    }

    private static String abbreviate(String text) {
        return text.length() > 120 ? text.substring(0, 120) + "…" : text;
    }
}
