package dev.stackdraft.appsync;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** AppSync reads and edits templates through the engine and graphql-java only: no Spring, no Vaadin, no git, no UI. */
class AppSyncArchitectureTest {

    private static final JavaClasses APPSYNC = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.stackdraft.appsync");

    @Test
    void appsync_depends_only_on_the_template_engine_the_edits_the_catalog_and_graphql_java() {
        classes().that().resideInAPackage("dev.stackdraft.appsync..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("dev.stackdraft.appsync..",
                        "dev.stackdraft.template..", "dev.stackdraft.edit..", "dev.stackdraft.catalog..", "graphql..",
                        "java..", "org.jspecify..")
                .check(APPSYNC);
    }
}
