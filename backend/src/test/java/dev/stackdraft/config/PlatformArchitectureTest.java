package dev.stackdraft.config;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Which way the platform's packages may lean: config under everything, projects under the importer. */
class PlatformArchitectureTest {

    private static final JavaClasses BACKEND = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.stackdraft");

    @Test
    void config_knows_only_the_hosts() {
        noClasses().that().resideInAPackage("dev.stackdraft.config..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.stackdraft.project..", "dev.stackdraft.importer..",
                        "dev.stackdraft.account..", "dev.stackdraft.git..", "dev.stackdraft.template..")
                .check(BACKEND);
    }

    @Test
    void projects_know_nothing_of_the_importer() {
        noClasses().that().resideInAPackage("dev.stackdraft.project..")
                .should().dependOnClassesThat().resideInAPackage("dev.stackdraft.importer..")
                .check(BACKEND);
    }

    /** Heads, trees and files come from the hosts: the importer and the projects never talk git themselves. */
    @Test
    void the_importer_and_projects_do_not_speak_git() {
        classes().that().resideInAnyPackage("dev.stackdraft.project..", "dev.stackdraft.importer..")
                .should().onlyDependOnClassesThat().resideOutsideOfPackage("org.eclipse.jgit..")
                .check(BACKEND);
    }
}
