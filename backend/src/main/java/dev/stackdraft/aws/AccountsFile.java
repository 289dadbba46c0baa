package dev.stackdraft.aws;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The CLI's AWS accounts (it has no database): a small JSON file, by default {@code ~/.stackdraft/aws-accounts.json},
 * readable by its owner only (like {@code ~/.aws/config}, which keeps external ids in clear too). Written atomically;
 * a file that others can read is refused, as ssh refuses a readable key.
 *
 * <pre>{"accounts": [{"name": "prod", "accountId": "111122223333",
 *                "roleArn": "arn:aws:iam::111122223333:role/stackdraft", "externalId": "..."}]}</pre>
 */
public final class AccountsFile {

    static final Set<PosixFilePermission> OWNER_ONLY =
            EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final Path file;

    public AccountsFile(Path file) {
        this.file = file;
    }

    /** {@code ~/.stackdraft/aws-accounts.json}. */
    public static Path defaultPath() {
        return Path.of(System.getProperty("user.home"), ".stackdraft", "aws-accounts.json");
    }

    public Path file() {
        return file;
    }

    /**
     * The accounts in the file, in its order; none when there is no file yet.
     *
     * @throws AwsException when it cannot be read, is not what this class writes, or others may read it
     */
    public List<NewAwsAccount> read() {
        String text;
        try {
            if (isPosix(file) && Files.exists(file)) {
                Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
                if (!OWNER_ONLY.containsAll(permissions)) {
                    throw new AwsException(file + " can be read by others (" + PosixFilePermissions.toString(permissions)
                            + ") and holds external ids: run chmod 600 " + file + ".");
                }
            }
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new AwsException("Cannot read the AWS accounts file " + file + ": " + e.getMessage() + ".", e);
        }
        List<NewAwsAccount> accounts = new ArrayList<>();
        try {
            JsonNode root = JSON.readTree(text);
            for (JsonNode entry : root.path("accounts").values()) {
                accounts.add(new NewAwsAccount(entry.path("name").asString(""), entry.path("accountId").asString(""),
                        optional(entry, "roleArn"), optional(entry, "externalId")));
            }
        } catch (JacksonException e) {
            throw new AwsException("The AWS accounts file " + file + " is not valid JSON (" + e.getOriginalMessage()
                    + "); fix or remove it.", e);
        } catch (AwsException e) {
            throw new AwsException("The AWS accounts file " + file + " holds an account that is not valid: "
                    + e.getMessage(), e);
        }
        return List.copyOf(accounts);
    }

    /** The account called {@code name}. */
    public Optional<NewAwsAccount> find(String name) {
        return read().stream().filter(a -> a.name().equals(name)).findFirst();
    }

    /** Replaces the file's accounts with {@code accounts}: a temporary file beside it (owner-only), then a rename. */
    public void write(List<NewAwsAccount> accounts) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode list = root.putArray("accounts");
        for (NewAwsAccount account : accounts) {
            ObjectNode entry = list.addObject().put("name", account.name()).put("accountId", account.accountId());
            if (account.roleArn() != null) {
                entry.put("roleArn", account.roleArn());
            }
            if (account.externalId() != null) {
                entry.put("externalId", account.externalId());
            }
        }
        String text = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
        Path dir = file.toAbsolutePath().getParent();
        try {
            Files.createDirectories(dir);
            Path temp = isPosix(dir)
                    ? Files.createTempFile(dir, ".aws-accounts", ".tmp", PosixFilePermissions.asFileAttribute(OWNER_ONLY))
                    : Files.createTempFile(dir, ".aws-accounts", ".tmp");
            try {
                Files.writeString(temp, text, StandardCharsets.UTF_8);
                try {
                    Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new AwsException("Cannot write the AWS accounts file " + file + ": " + e.getMessage() + ".", e);
        }
    }

    private static @Nullable String optional(JsonNode entry, String field) {
        JsonNode value = entry.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }

    private static boolean isPosix(Path path) {
        Path existing = path.toAbsolutePath();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        return existing != null && Files.getFileAttributeView(existing, PosixFileAttributeView.class) != null;
    }
}
