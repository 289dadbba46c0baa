package dev.stackdraft.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The CLI's own rules; that nothing else depends on it is in {@code dev.stackdraft.ArchitectureTest}. */
class CliArchitectureTest {

    private static final JavaClasses CLI = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.stackdraft.cli");

    /** The shaded jar holds the engine and its parsers only: a class from anywhere else would be missing at run time. */
    @Test
    void cli_uses_only_the_engine_and_the_jdk() {
        classes().should().onlyDependOnClassesThat()
                .resideInAnyPackage("dev.stackdraft.cli..", "dev.stackdraft.template..", "dev.stackdraft.edit..",
                        "dev.stackdraft.graph..", "dev.stackdraft.validation..", "dev.stackdraft.aws..",
                        "dev.stackdraft.environment..", "dev.stackdraft.appsync..", "java..",
                        "org.jspecify..")
                .check(CLI);
    }

    @Test
    void the_public_api_is_the_main_class_alone() {
        classes().that().haveModifier(JavaModifier.PUBLIC).should().haveSimpleName("StackdraftCli").check(CLI);
    }
}
