package dev.stackdraft.catalog;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

class CatalogArchitectureTest {

    private final JavaClasses catalog = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.stackdraft.catalog");

    @Test
    void catalog_depends_on_neither_spring_nor_vaadin() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "com.vaadin..")
                .check(catalog);
    }

    @Test
    void catalog_depends_on_no_other_project_package() {
        noClasses().should().dependOnClassesThat(
                        com.tngtech.archunit.base.DescribedPredicate.describe("in another dev.stackdraft package",
                                c -> c.getPackageName().startsWith("dev.stackdraft.")
                                        && !c.getPackageName().equals("dev.stackdraft.catalog")))
                .check(catalog);
    }
}
