package dev.stackdraft;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.stackdraft.account.AccountService;
import org.junit.jupiter.api.Test;

/** The web module's rules: thin views that call services, and tokens that never come near the UI. */
class UiArchitectureTest {

    private static final JavaClasses WEB = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(location -> !location.contains("/stackdraft-backend") && !location.contains("/backend/"))
            .importPackages("dev.stackdraft");

    @Test
    void views_never_touch_the_database_or_git() {
        noClasses().that().resideInAPackage("dev.stackdraft.ui..")
                .should().dependOnClassesThat().resideInAnyPackage("org.eclipse.jgit..", "org.springframework.jdbc..",
                        "java.sql..", "org.springframework.data..")
                .check(WEB);
    }

    @Test
    void nothing_in_the_web_module_reads_tokens_or_ciphers() {
        noClasses().should().callMethod(AccountService.class, "token", long.class)
                .orShould().dependOnClassesThat().haveSimpleName("TokenCipher")
                .check(WEB);
    }

    @Test
    void views_reach_sign_in_only_through_its_small_api() {
        noClasses().that().resideInAPackage("dev.stackdraft.ui..")
                .should().dependOnClassesThat().resideInAPackage("org.springframework.security.oauth2..")
                .check(WEB);
    }
}
