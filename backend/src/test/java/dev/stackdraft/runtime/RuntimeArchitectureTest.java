package dev.stackdraft.runtime;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The check reads templates and asks AWS through the aws package only: no Spring, no Vaadin, no git, no UI. */
class RuntimeArchitectureTest {

    private static final JavaClasses RUNTIME = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.stackdraft.runtime");

    @Test
    void runtime_depends_only_on_the_template_engine_the_edits_and_aws() {
        classes().that().resideInAPackage("dev.stackdraft.runtime..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("dev.stackdraft.runtime..",
                        "dev.stackdraft.template..", "dev.stackdraft.edit..", "dev.stackdraft.aws..", "java..",
                        "org.jspecify..")
                .check(RUNTIME);
    }
}
