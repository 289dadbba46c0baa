package dev.stackdraft.environment;

import dev.stackdraft.template.SourceLocation;
import dev.stackdraft.template.TemplateException;
import dev.stackdraft.template.UnifiedDiff;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The environments of one project folder: its {@code samconfig.toml} (else {@code samconfig.yaml}, else
 * {@code samconfig.yml}, the SAM CLI's order), read as {@link Environment}s, and edits to it. Each edit returns the
 * file's new text (nothing is written until {@link #write}); an unchanged file stays byte for byte, an edit changes
 * only the lines it must, in the file's own style. An edit that cannot be made safely is refused with a
 * {@link TemplateException} that says {@code file:line:col} and what to do. Immutable.
 */
public final class Environments {

    /** The names the SAM CLI looks for, in its order of preference. */
    public static final List<String> FILE_NAMES = List.of("samconfig.toml", "samconfig.yaml", "samconfig.yml");

    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z0-9_-]+");
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d{1,2}");
    private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");
    private static final Pattern STACK = Pattern.compile("[A-Za-z][-A-Za-z0-9]{0,127}");
    private static final String VERSION_LINE = "version = 0.1";

    private final Path file;
    private final String text;
    private final boolean exists;
    private final @Nullable TomlDocument toml;
    private final Map<String, Object> document;

    private Environments(Path file, String text, boolean exists) {
        this.file = file;
        this.text = text;
        this.exists = exists;
        String name = file.toString();
        if (isYaml(file)) {
            this.toml = null;
            this.document = YamlSamconfig.read(name, text);
        } else {
            this.toml = TomlDocument.parse(name, text);
            @SuppressWarnings("unchecked")
            Map<String, Object> plain = (Map<String, Object>) TomlValue.plain(toml.root);
            this.document = plain;
        }
        checkVersion();
    }

    /**
     * The environments of the project in {@code dir}: from the first of {@link #FILE_NAMES} there, or none (then
     * {@link #file()} is where {@code samconfig.toml} would go).
     *
     * @throws TemplateException when the file cannot be read or is not what the SAM CLI accepts
     */
    public static Environments read(Path dir) {
        for (String name : FILE_NAMES) {
            Path candidate = dir.resolve(name);
            if (Files.isRegularFile(candidate)) {
                try {
                    return new Environments(candidate, Files.readString(candidate, StandardCharsets.UTF_8), true);
                } catch (IOException e) {
                    throw new TemplateException(new SourceLocation(candidate.toString(), 1, 1),
                            "cannot read the file: " + e.getMessage(), "check the file's permissions and encoding");
                }
            }
        }
        return new Environments(dir.resolve(FILE_NAMES.getFirst()), "", false);
    }

    /** No environments file yet: {@code file} is where a new one goes (its name decides TOML or YAML). */
    public static Environments absent(Path file) {
        return new Environments(file, "", false);
    }

    /** The environments in {@code text}, read as the file {@code file} (its name decides TOML or YAML). */
    public static Environments parse(Path file, String text) {
        return new Environments(file, text, true);
    }

    /** The file read, or where a new {@code samconfig.toml} goes. */
    public Path file() {
        return file;
    }

    public boolean exists() {
        return exists;
    }

    /** The file's text as read ("" when there is none). */
    public String text() {
        return text;
    }

    /** Every environment in the file's order (SAM's: each top-level table), {@code default} included. */
    public List<Environment> list() {
        List<Environment> out = new ArrayList<>();
        for (String name : SamConfigModel.names(document)) {
            out.add(SamConfigModel.environment(document, name));
        }
        return out;
    }

    public Optional<Environment> environment(String name) {
        return SamConfigModel.names(document).contains(name)
                ? Optional.of(SamConfigModel.environment(document, name)) : Optional.empty();
    }

    /**
     * Creates or changes environment {@code name} so that {@code sam deploy --config-env name} deploys it.
     *
     * <p>A new environment gets what {@code sam deploy --guided} writes: {@code [name.deploy.parameters]} with
     * {@code stack_name}, {@code resolve_s3 = true}, {@code s3_prefix}, {@code region},
     * {@code capabilities = "CAPABILITY_IAM"} and {@code parameter_overrides}, and {@code [name.global.parameters]}
     * with {@code region}. An existing one has each given key changed where SAM reads it (the deploy table's, else
     * the global table's), new keys at the end of the deploy table, and its other keys kept.
     *
     * @param stackName  null: keep the environment's, or for a new one {@code <folder>-<name>}
     * @param accountId  null: keep what is there; else written to {@code [name.stackdraft.parameters] account_id}
     * @param parameters template parameter values to set in {@code parameter_overrides}; others stay
     * @return the new text of {@link #file()}
     * @throws IllegalArgumentException for a name, region, account id, stack name or parameter SAM would not take
     * @throws TemplateException        for an edit that cannot be made safely in this file, saying where and why
     */
    public String set(String name, String region, @Nullable String stackName, @Nullable String accountId,
                      Map<String, String> parameters) {
        checkName(name);
        if (!REGION.matcher(region).matches()) {
            throw new IllegalArgumentException("'" + region + "' is not an AWS region (e.g. eu-west-1)");
        }
        if (accountId != null && !ACCOUNT.matcher(accountId).matches()) {
            throw new IllegalArgumentException("'" + accountId + "' is not an AWS account id (12 digits)");
        }
        if (stackName != null && !STACK.matcher(stackName).matches()) {
            throw new IllegalArgumentException("'" + stackName + "' is not a CloudFormation stack name (a letter, then"
                    + " letters, digits and '-', at most 128)");
        }
        parameters.keySet().forEach(Environments::checkParameterName);
        SamconfigEditor editor = editor();
        List<String> deploy = List.of(name, SamConfigModel.DEPLOY, SamConfigModel.PARAMETERS);
        List<String> global = List.of(name, SamConfigModel.GLOBAL, SamConfigModel.PARAMETERS);
        Map<String, Object> deployNow = SamConfigModel.parameters(document, name, SamConfigModel.DEPLOY);
        Map<String, Object> globalNow = SamConfigModel.parameters(document, name, SamConfigModel.GLOBAL);
        @Nullable Environment now = environment(name).orElse(null);
        String stack = stackName != null ? stackName
                : now != null && now.stackName() != null ? now.stackName() : defaultStackName(name);
        if (deployNow.isEmpty()) { // what sam deploy --guided writes for a new environment
            editor.putString(where("stack_name", deploy, global, deployNow, globalNow), "stack_name", stack);
            if (!globalNow.containsKey("s3_bucket") && !globalNow.containsKey("resolve_s3")) {
                editor.putBoolean(deploy, "resolve_s3", true);
            }
            if (!globalNow.containsKey("s3_prefix")) {
                editor.putString(deploy, "s3_prefix", stack);
            }
            editor.putString(deploy, "region", region);
            if (!globalNow.containsKey("capabilities")) {
                editor.putString(deploy, "capabilities", "CAPABILITY_IAM");
            }
            editor.setOverrides(name, parameters);
            editor.putString(global, "region", region);
        } else {
            if (stackName != null || now == null || now.stackName() == null) {
                editor.putString(where("stack_name", deploy, global, deployNow, globalNow), "stack_name", stack);
            }
            editor.putString(where("region", deploy, global, deployNow, globalNow), "region", region);
            if (deployNow.containsKey("region") && globalNow.containsKey("region")) {
                editor.putString(global, "region", region); // guided keeps both; they must not disagree
            }
            editor.setOverrides(name, parameters);
        }
        if (accountId != null) {
            editor.putString(List.of(name, SamConfigModel.STACKDRAFT, SamConfigModel.PARAMETERS), "account_id", accountId);
        }
        return result(editor);
    }

    /** Takes environment {@code name} out: each of its tables, with the comments just above them. */
    public String remove(String name) {
        checkName(name);
        if (!document.containsKey(name)) {
            throw new TemplateException(new SourceLocation(file.toString(), 1, 1), "there is no environment " + name
                    + " in this file", "the environments here are: " + String.join(", ", SamConfigModel.names(document)));
        }
        SamconfigEditor editor = editor();
        editor.removeEnvironment(name);
        return result(editor);
    }

    /**
     * Sets one template parameter's value for environment {@code env} (in its {@code parameter_overrides}): a layer
     * version or an existing resource's ARN that differs per environment.
     *
     * @throws IllegalArgumentException for a key that is not a parameter name, or a value SAM could not read back
     * @throws TemplateException        when {@code env} is not there, or the overrides cannot be edited safely
     */
    public String setParameter(String env, String key, String value) {
        checkName(env);
        checkParameterName(key);
        requireEnvironment(env);
        SamconfigEditor editor = editor();
        editor.setOverrides(env, Map.of(key, value));
        return result(editor);
    }

    /** Takes one template parameter out of environment {@code env}'s {@code parameter_overrides}. */
    public String removeParameter(String env, String key) {
        checkName(env);
        requireEnvironment(env);
        SamconfigEditor editor = editor();
        editor.removeOverride(env, key);
        return result(editor);
    }

    /** A unified diff from the text read to {@code newText}, as {@code git diff} shows it. */
    public String diff(String newText) {
        return UnifiedDiff.of(file.toString(), text, newText);
    }

    /**
     * Writes {@code newText} to {@link #file()} at once: a temporary file beside it, then an atomic rename. Refused
     * when the file changed since it was read.
     */
    public void write(String newText) {
        AtomicFile.replace(file, exists ? text : null, newText);
    }

    // --- inside ---------------------------------------------------------------------------------------------------

    private SamconfigEditor editor() {
        if (toml == null) {
            return new YamlSamconfigEditor(file.toString(), text, document);
        }
        if (text.isBlank()) { // a new file starts as sam init's does
            String start = text + (text.isEmpty() || text.endsWith("\n") ? "" : "\n") + VERSION_LINE + "\n";
            return new TomlSamconfigEditor(TomlDocument.parse(file.toString(), start));
        }
        return new TomlSamconfigEditor(toml);
    }

    private String result(SamconfigEditor editor) {
        return editor.result();
    }

    private static List<String> where(String key, List<String> deploy, List<String> global, Map<String, Object> deployNow,
                                      Map<String, Object> globalNow) {
        return !deployNow.containsKey(key) && globalNow.containsKey(key) ? global : deploy;
    }

    private String defaultStackName(String env) {
        @Nullable Path folder = file.toAbsolutePath().getParent();
        String base = folder == null || folder.getFileName() == null ? "app" : folder.getFileName().toString();
        String name = (base + "-" + env).replaceAll("[^A-Za-z0-9-]", "-");
        if (!Character.isLetter(name.charAt(0))) {
            name = "app-" + name;
        }
        return name.length() > 128 ? name.substring(0, 128) : name;
    }

    private void requireEnvironment(String env) {
        if (!document.containsKey(env)) {
            throw new TemplateException(new SourceLocation(file.toString(), 1, 1), "there is no environment " + env
                    + " in this file", "create it first (stackdraft env set)");
        }
    }

    private static void checkName(String name) {
        if (!ENV_NAME.matcher(name).matches() || name.equals("version")) {
            throw new IllegalArgumentException("'" + name + "' cannot name an environment: use letters, digits, '_' and"
                    + " '-' (and not 'version')");
        }
    }

    private static void checkParameterName(String key) {
        if (!SamKeyValues.isParameterName(key)) {
            throw new IllegalArgumentException("'" + key + "' is not a template parameter name (letters and digits)");
        }
    }

    /** The SAM CLI refuses a non-empty file whose {@code version} is missing or not a number like 0.1. */
    private void checkVersion() {
        if (document.isEmpty()) {
            return;
        }
        if (!(document.get("version") instanceof Double)) {
            int at = toml == null ? 0 : toml.pairs.stream().filter(p -> p.tablePath().isEmpty()
                    && p.key().equals(List.of("version"))).mapToInt(p -> p.value().start()).findFirst().orElse(0);
            SourceLocation where = toml == null ? new SourceLocation(file.toString(), 1, 1) : toml.location(at);
            throw new TemplateException(where, "the SAM CLI refuses this file: its 'version' is "
                    + (document.containsKey("version") ? "not a number such as 0.1" : "missing"),
                    "put 'version = 0.1' at the top");
        }
    }

    private static boolean isYaml(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".yaml") || name.endsWith(".yml");
    }
}
