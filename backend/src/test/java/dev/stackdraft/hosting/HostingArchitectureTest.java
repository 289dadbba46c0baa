package dev.stackdraft.hosting;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class HostingArchitectureTest {

    private static final JavaClasses HOSTING = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.stackdraft.hosting");

    @Test
    void hosting_is_plain_java_without_spring_or_vaadin() {
        noClasses().should().dependOnClassesThat()
                .resideInAnyPackage("org.springframework..", "com.vaadin..", "jakarta.servlet..")
                .check(HOSTING);
    }

    @Test
    void the_rest_clients_speak_http_and_json_only() {
        classes().that().haveSimpleNameStartingWith("GitHubHost").or().haveSimpleNameStartingWith("GitLabHost")
                .or().haveSimpleNameStartingWith("HostHttp").or().haveSimpleNameStartingWith("GitHosts")
                .should().onlyDependOnClassesThat()
                .resideInAnyPackage("dev.stackdraft.hosting..", "dev.stackdraft.git..", "java..", "tools.jackson..",
                        "org.jspecify..")
                .check(HOSTING);
    }
}
