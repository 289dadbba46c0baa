package dev.stackdraft.validation;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class ValidationArchitectureTest {

    private final JavaClasses validation = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.stackdraft.validation");

    @Test
    void validation_depends_on_neither_spring_nor_vaadin_nor_a_schema_library() {
        noClasses().should().dependOnClassesThat()
                .resideInAnyPackage("org.springframework..", "com.vaadin..", "com.networknt..", "tools.jackson.databind..")
                .check(validation);
    }

    @Test
    void only_the_validator_is_public() {
        classes().that().arePublic().should().haveSimpleName("TemplateValidator").check(validation);
    }
}
