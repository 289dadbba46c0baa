package dev.stackdraft;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The dependency rules of the backend, checked on its compiled classes. */
class ArchitectureTest {

    private static final JavaClasses BACKEND = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.stackdraft");

    @Test
    void backend_never_uses_vaadin() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("com.vaadin..").check(BACKEND);
    }

    @Test
    void the_engine_depends_on_neither_spring_nor_vaadin() {
        noClasses().that().resideInAnyPackage("dev.stackdraft.template..", "dev.stackdraft.graph..",
                        "dev.stackdraft.catalog..", "dev.stackdraft.edit..", "dev.stackdraft.validation..",
                        "dev.stackdraft.cli..", "dev.stackdraft.environment..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "com.vaadin..", "jakarta.servlet..")
                .check(BACKEND);
    }

    @Test
    void the_template_engine_stands_on_its_own() {
        noClasses().that().resideInAPackage("dev.stackdraft.template..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.stackdraft.graph..", "dev.stackdraft.edit..",
                        "dev.stackdraft.validation..", "dev.stackdraft.cli..", "dev.stackdraft.catalog..")
                .check(BACKEND);
    }

    @Test
    void only_the_cli_knows_the_cli() {
        noClasses().that().resideOutsideOfPackage("dev.stackdraft.cli..")
                .should().dependOnClassesThat().resideInAPackage("dev.stackdraft.cli..")
                .check(BACKEND);
    }

    @Test
    void feature_packages_have_no_cycles() {
        slices().matching("dev.stackdraft.(*)..").should().beFreeOfCycles().check(BACKEND);
    }
}
