package dev.stackdraft.config;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.env.Environment;

/**
 * Refuses to start when the data folder cannot be written. Runs as a bean factory post-processor, before any bean
 * is made, because the H2 database, the key file and the local repositories all live there and each would
 * otherwise fail on its own, later, with its own stack trace.
 */
final class DataFolderCheck implements BeanFactoryPostProcessor {

    private final Environment environment;

    DataFolderCheck(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        check(Path.of(environment.getProperty("stackdraft.data-dir", "./data")));
    }

    /** Creates the folder when it is not there yet, and writes (and removes) a file in it. */
    static void check(Path dataDir) {
        Path folder = dataDir.toAbsolutePath().normalize();
        try {
            Files.createDirectories(folder);
            Files.delete(Files.createTempFile(folder, ".write-check", ".tmp"));
        } catch (IOException e) {
            throw new StartupProblem("The data folder " + folder + " (stackdraft.data-dir) cannot be written: "
                    + reason(e) + ".",
                    "Give the user that runs Stackdraft write access to it, or set STACKDRAFT_DATA_DIR to a folder "
                            + "it can write.");
        }
    }

    private static String reason(IOException e) {
        return switch (e) {
            case AccessDeniedException denied -> "permission denied on " + denied.getFile();
            case FileAlreadyExistsException file -> file.getFile() + " is a file, not a folder";
            case FileSystemException other when other.getReason() != null ->
                    other.getReason().toLowerCase(java.util.Locale.ROOT) + " (" + other.getFile() + ")";
            default -> e.getClass().getSimpleName() + " " + e.getMessage();
        };
    }
}
