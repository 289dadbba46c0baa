package dev.stackdraft.cli;

import dev.stackdraft.aws.AccountsFile;
import dev.stackdraft.aws.AwsClients;
import dev.stackdraft.aws.AwsException;
import dev.stackdraft.aws.AwsTarget;
import dev.stackdraft.aws.Layer;
import dev.stackdraft.aws.LayerCatalog;
import dev.stackdraft.aws.LayerFit;
import dev.stackdraft.aws.LayerVersion;
import dev.stackdraft.template.JsonText;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * {@code layers available --region R [--runtime RT] [--arch A] [--account NAME] [--format text|json]}: the Lambda
 * layers of the account the SDK's settings reach (or a linked account's role), each version with its runtimes and
 * architectures, and whether it fits the given runtime and architecture.
 */
final class AvailableLayers {

    static final String REGION = "--region";
    static final String RUNTIME = "--runtime";
    static final String ARCH = "--arch";
    static final String ACCOUNT = "--account";
    static final String CONFIG = "--config";
    static final String FORMAT = "--format";
    static final Set<String> VALUED = Set.of(REGION, RUNTIME, ARCH, ACCOUNT, CONFIG, FORMAT);
    static final Form FORM = new Form(
            "layers available --region R [--runtime RT] [--arch x86_64|arm64] [--account NAME] [--format text|json]",
            "List the Lambda layers of the AWS account in region R with every version, its runtimes and "
                    + "architectures; versions that do not fit RT or the architecture are marked. Uses the AWS SDK's "
                    + "settings (AWS_PROFILE, AWS_ENDPOINT_URL, ...), or with --account a role linked by 'aws link'.");

    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

    private AvailableLayers() {}

    static int run(List<String> args, Output output) {
        Arguments arguments = Arguments.parse(args, VALUED, Set.of()).noMorePositionalsThan(0);
        String region = arguments.required(REGION);
        @Nullable String runtime = arguments.option(RUNTIME).orElse(null);
        List<String> architectures = arguments.option(ARCH).map(a -> List.of(arch(a))).orElse(List.of());
        String format = arguments.choice(FORMAT, "text", "json");
        try (AwsClients clients = AwsClients.standard()) {
            AwsTarget target = target(region, arguments);
            List<Layer> layers = new LayerCatalog(clients, Clock.systemUTC(), Duration.ZERO).layers(target);
            output.result(format.equals("json") ? json(region, layers, runtime, architectures)
                    : text(layers, runtime, architectures));
            output.note(layers.size() + (layers.size() == 1 ? " layer" : " layers") + " in " + target.describe());
            return StackdraftCli.OK;
        } catch (AwsException e) {
            throw new CliFailure(e.getMessage());
        }
    }

    private static AwsTarget target(String region, Arguments arguments) {
        Optional<String> account = arguments.option(ACCOUNT);
        if (account.isEmpty()) {
            return AwsTarget.ownCredentials(region);
        }
        AccountsFile file = AwsCommand.accountsFile(arguments);
        return file.find(account.get()).orElseThrow(() -> new CliFailure("there is no AWS account named "
                        + account.get() + " in " + file.file() + ": link it with 'stackdraft aws link'"))
                .target(region);
    }

    private static String arch(String value) {
        if (!value.equals("x86_64") && !value.equals("arm64")) {
            throw new UsageException(ARCH + " takes x86_64 or arm64, not '" + value + "'");
        }
        return value;
    }

    private static String text(List<Layer> layers, @Nullable String runtime, List<String> architectures) {
        StringBuilder text = new StringBuilder();
        for (Layer layer : layers) {
            text.append(layer.name()).append("  ").append(layer.layerArn()).append('\n');
            for (LayerVersion version : layer.versions()) {
                LayerFit fit = version.fit(runtime, architectures);
                text.append("  ").append(version.version())
                        .append("  ").append(list(version.runtimes(), "any runtime"))
                        .append("  ").append(list(version.architectures(), "any architecture"))
                        .append("  ").append(version.created() == null ? "date unknown" : DAY.format(version.created()));
                if (!version.description().isEmpty()) {
                    text.append("  ").append(version.description());
                }
                if (layer.latest().orElseThrow() == version) {
                    text.append("  (latest)");
                }
                if (!fit.fits()) {
                    text.append("  DOES NOT FIT: ").append(String.join(" ", fit.reasons()));
                }
                text.append('\n');
            }
        }
        return text.toString();
    }

    private static String json(String region, List<Layer> layers, @Nullable String runtime, List<String> architectures) {
        StringBuilder json = new StringBuilder("{\"region\":").append(JsonText.quote(region)).append(",\"layers\":[");
        for (int i = 0; i < layers.size(); i++) {
            Layer layer = layers.get(i);
            json.append(i == 0 ? "" : ",").append("{\"name\":").append(JsonText.quote(layer.name()))
                    .append(",\"arn\":").append(JsonText.quote(layer.layerArn())).append(",\"versions\":[");
            for (int j = 0; j < layer.versions().size(); j++) {
                LayerVersion version = layer.versions().get(j);
                LayerFit fit = version.fit(runtime, architectures);
                json.append(j == 0 ? "" : ",")
                        .append("{\"arn\":").append(JsonText.quote(version.arn().toString()))
                        .append(",\"version\":").append(version.version())
                        .append(",\"description\":").append(JsonText.quote(version.description()))
                        .append(",\"runtimes\":").append(array(version.runtimes()))
                        .append(",\"architectures\":").append(array(version.architectures()))
                        .append(",\"created\":").append(version.created() == null ? "null"
                                : JsonText.quote(version.created().toString()))
                        .append(",\"latest\":").append(j == 0)
                        .append(",\"fits\":").append(fit.fits())
                        .append(",\"misfits\":").append(array(fit.reasons())).append('}');
            }
            json.append("]}");
        }
        return json.append("]}").toString();
    }

    private static String list(List<String> values, String none) {
        return values.isEmpty() ? none : String.join(",", values);
    }

    private static String array(List<String> values) {
        return values.stream().map(JsonText::quote).collect(Collectors.joining(",", "[", "]"));
    }

    /** For tests and for {@code --config}: where the accounts file is. */
    static Path configPath(Arguments arguments) {
        return arguments.option(CONFIG).map(Path::of).orElseGet(AccountsFile::defaultPath);
    }
}
