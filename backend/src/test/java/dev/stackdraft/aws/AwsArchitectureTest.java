package dev.stackdraft.aws;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The CLI jar carries this package without Spring: only the database registry and its wiring may use it. */
class AwsArchitectureTest {

    private static final JavaClasses AWS = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.stackdraft.aws");

    @Test
    void only_the_account_registry_knows_spring_and_the_database() {
        noClasses().that().doNotHaveSimpleName("AwsAccounts").and().doNotHaveSimpleName("AwsConfiguration")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "javax.sql..",
                        "dev.stackdraft.account..")
                .check(AWS);
    }

    @Test
    void aws_knows_nothing_of_templates_or_the_ui() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("dev.stackdraft.template..", "dev.stackdraft.edit..",
                        "dev.stackdraft.editing..", "dev.stackdraft.project..", "com.vaadin..")
                .check(AWS);
    }
}
