package dev.stackdraft.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataFolderCheckTest {

    @TempDir
    Path temp;

    @Test
    void a_missing_data_folder_is_made_and_left_empty() {
        Path dataDir = temp.resolve("data");

        DataFolderCheck.check(dataDir);

        assertThat(dataDir).isEmptyDirectory();
    }

    @Test
    void a_data_folder_that_cannot_be_made_names_the_folder_and_the_setting() throws Exception {
        Path file = Files.writeString(temp.resolve("a-file"), "not a folder");

        assertThatThrownBy(() -> DataFolderCheck.check(file.resolve("data")))
                .isInstanceOf(StartupProblem.class)
                .hasMessageStartingWith("The data folder " + file.resolve("data") + " (stackdraft.data-dir) cannot be written: ")
                .satisfies(e -> assertThat(((StartupProblem) e).action()).contains("STACKDRAFT_DATA_DIR"));
    }

    @Test
    void a_file_as_data_folder_is_refused() throws Exception {
        Path file = Files.writeString(temp.resolve("data"), "not a folder");

        assertThatThrownBy(() -> DataFolderCheck.check(file))
                .isInstanceOf(StartupProblem.class)
                .hasMessageContaining("is a file, not a folder");
    }
}
