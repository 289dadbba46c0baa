package dev.stackdraft.arn;

import dev.stackdraft.arn.ArnFormat.Part;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks ARNs and tells which resource type one names. The checks are what AWS would refuse or what would quietly
 * point elsewhere: an unknown partition, a region of another partition, an account that is not 12 digits, and, where
 * the type is known, the wrong service or a resource part not of that type's form.
 */
public final class Arns {

    /** The partitions and the region prefixes that belong to each (every other region is in {@code aws}). */
    private static final Map<String, String> PARTITION_OF_REGION_PREFIX = Map.of(
            "cn-", "aws-cn", "us-gov-", "aws-us-gov", "us-iso-", "aws-iso", "us-isob-", "aws-iso-b",
            "eu-isoe-", "aws-iso-e", "us-isof-", "aws-iso-f", "eusc-", "aws-eusc");

    private static final List<String> PARTITIONS = List.of("aws", "aws-cn", "aws-us-gov", "aws-iso", "aws-iso-b",
            "aws-iso-e", "aws-iso-f", "aws-eusc");

    private static final Pattern REGION = Pattern.compile("[a-z]{2,4}(-[a-z]+)+-[0-9]{1,2}");
    private static final Pattern ACCOUNT = Pattern.compile("[0-9]{12}");
    private static final Pattern SERVICE = Pattern.compile("[a-z0-9][a-z0-9-]*");
    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{[^}]*}");

    private Arns() {}

    /** Checks an ARN whose type is not known: its partition, service, region and account, and its form if its service says the type. */
    public static ArnCheck check(String arn) {
        List<String> problems = new ArrayList<>();
        Optional<Arn> parsed = parse(arn, problems);
        if (parsed.isEmpty()) {
            return ArnCheck.of(problems);
        }
        Optional<ArnFormat> format = formatOf(parsed.get(), false);
        parts(parsed.get(), format.orElse(null), problems);
        return ArnCheck.of(problems);
    }

    /**
     * Checks an ARN given for a resource of {@code expectedType} (a CloudFormation or SAM type): as {@link #check(String)},
     * and that its service and resource part are those of that type. A type whose ARN form Stackdraft does not know is
     * checked as {@link #check(String)} does.
     */
    public static ArnCheck check(String arn, String expectedType) {
        Optional<ArnFormat> expected = ArnFormats.ALL.stream().filter(f -> f.names(expectedType)).findFirst();
        if (expected.isEmpty()) {
            return check(arn);
        }
        List<String> problems = new ArrayList<>();
        Optional<Arn> parsed = parse(arn, problems);
        if (parsed.isEmpty()) {
            problems.add("an ARN of " + expectedType + " looks like " + expected.get().example());
            return ArnCheck.of(problems);
        }
        Arn given = parsed.get();
        ArnFormat format = expected.get();
        if (!given.service().equals(format.service())) {
            problems.add("service '" + given.service() + "' is not that of " + expectedType + ": its ARNs are "
                    + format.shape() + ", e.g. " + format.example());
            return ArnCheck.of(problems);
        }
        parts(given, format, problems);
        if (!format.resource().matcher(given.resource()).matches()) {
            problems.add("'" + given.resource() + "' is not the resource part of " + expectedType + ": it is "
                    + format.form() + ", e.g. " + format.example());
        }
        return ArnCheck.of(problems);
    }

    /**
     * The CloudFormation type an ARN names, by its service and resource part ({@code arn:aws:sqs:...} is an
     * {@code AWS::SQS::Queue}, {@code arn:aws:lambda:...:function:x} an {@code AWS::Lambda::Function}); empty where the
     * service is unknown or says too little. ARNs built by {@code Fn::Sub} ({@code arn:${AWS::Partition}:sqs:...})
     * are read with their variables as placeholders.
     */
    public static Optional<String> typeOf(String arn) {
        String literal = SUB_VARIABLE.matcher(arn).replaceAll("_");
        Optional<Arn> parsed = Arn.parse(literal);
        if (parsed.isEmpty()) {
            // a shortened ARN (arn:aws:logs:*) still names its service
            String[] parts = literal.split(":", 4);
            return parts.length >= 3 && parts[0].equals("arn") ? ArnFormats.ALL.stream()
                    .filter(f -> f.serviceDefault() && f.service().equals(parts[2])).findFirst().map(ArnFormat::type)
                    : Optional.empty();
        }
        return formatOf(parsed.get(), true).map(ArnFormat::type);
    }

    /**
     * A regular expression every ARN of {@code type} matches (Java's and CloudFormation's {@code AllowedPattern}
     * dialect), e.g. {@code ^arn:aws[a-z-]*:dynamodb:[a-z0-9-]+:[0-9]{12}:table/[A-Za-z0-9_.-]{3,255}$}; empty where
     * the type's ARN form is not known.
     */
    public static Optional<String> pattern(String type) {
        return ArnFormats.ALL.stream().filter(f -> f.names(type)).findFirst().map(f -> "^arn:aws[a-z-]*:" + f.service() + ":"
                + (f.region() == Part.NONE ? "" : "[a-z0-9-]+") + ":"
                + switch (f.account()) {
                    case NONE -> "";
                    case AWS -> "([0-9]{12}|aws)";
                    case REQUIRED -> "[0-9]{12}";
                } + ":" + f.resource().pattern() + "$");
    }

    /** An example ARN of a type, for hints; empty where the type's ARN form is not known. */
    public static Optional<String> example(String type) {
        return ArnFormats.ALL.stream().filter(f -> f.names(type)).findFirst().map(ArnFormat::example);
    }

    private static Optional<Arn> parse(String arn, List<String> problems) {
        String text = arn.strip();
        if (!text.equals(arn)) {
            problems.add("the ARN has spaces before or after it: take them away");
        }
        if (SUB_VARIABLE.matcher(text).find()) {
            problems.add("'" + text + "' holds ${...} variables: give the literal ARN");
            return Optional.empty();
        }
        Optional<Arn> parsed = Arn.parse(text);
        if (parsed.isEmpty()) {
            problems.add("'" + text + "' is not an ARN: an ARN reads arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE");
        }
        return parsed;
    }

    /** The row of the ARN's type: the first of its service whose resource form it matches, else (if asked) its prefix or the service's default. */
    private static Optional<ArnFormat> formatOf(Arn arn, boolean loosely) {
        List<ArnFormat> ofService = ArnFormats.ALL.stream().filter(f -> f.service().equals(arn.service())).toList();
        Optional<ArnFormat> exact = ofService.stream().filter(f -> f.resource().matcher(arn.resource()).matches()).findFirst();
        if (exact.isPresent() || !loosely) {
            return exact;
        }
        return ofService.stream().filter(f -> !f.prefix().isEmpty() && arn.resource().startsWith(f.prefix())).findFirst()
                .or(() -> ofService.stream().filter(ArnFormat::serviceDefault).findFirst());
    }

    private static void parts(Arn arn, ArnFormat format, List<String> problems) {
        if (!PARTITIONS.contains(arn.partition())) {
            problems.add("partition '" + arn.partition() + "' is not one of " + String.join(", ", PARTITIONS));
        }
        if (!SERVICE.matcher(arn.service()).matches()) {
            problems.add("service '" + arn.service() + "' is not a service name (lower-case letters, digits and dashes)");
        }
        Part region = format == null ? null : format.region();
        if (region == Part.NONE && !arn.region().isEmpty()) {
            problems.add(what(format) + " ARNs have no region: " + format.shape());
        } else if (arn.region().isEmpty() && region != null && region != Part.NONE) {
            problems.add("the region is missing: " + format.shape() + ", e.g. " + format.example());
        } else if (!arn.region().isEmpty()) {
            if (!REGION.matcher(arn.region()).matches()) {
                problems.add("region '" + arn.region() + "' is not a region name such as us-east-1 or eu-west-2");
            } else if (PARTITIONS.contains(arn.partition()) && !partitionOf(arn.region()).equals(arn.partition())) {
                problems.add("region " + arn.region() + " is in partition " + partitionOf(arn.region()) + ", not "
                        + arn.partition());
            }
        }
        Part account = format == null ? null : format.account();
        if (account == Part.NONE && !arn.account().isEmpty()) {
            problems.add(what(format) + " ARNs have no account: " + format.shape());
        } else if (arn.account().isEmpty() && account != null && account != Part.NONE) {
            problems.add("the account is missing: " + format.shape() + ", e.g. " + format.example());
        } else if (!arn.account().isEmpty() && !ACCOUNT.matcher(arn.account()).matches()
                && !(account == Part.AWS && arn.account().equals("aws"))) {
            problems.add("account '" + arn.account() + "' is not a 12-digit account id");
        }
        if (arn.resource().isEmpty()) {
            problems.add("the resource part after the account is empty");
        }
    }

    private static String what(ArnFormat format) {
        return format.type();
    }

    static String partitionOf(String region) {
        return PARTITION_OF_REGION_PREFIX.entrySet().stream().filter(e -> region.startsWith(e.getKey()))
                .map(Map.Entry::getValue).findFirst().orElse("aws");
    }
}
