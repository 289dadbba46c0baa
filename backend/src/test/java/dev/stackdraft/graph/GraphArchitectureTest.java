package dev.stackdraft.graph;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class GraphArchitectureTest {

    private static final JavaClasses GRAPH = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.stackdraft.graph");

    @Test
    void graph_depends_only_on_the_template_and_arn_packages_jackson_and_the_jdk() {
        classes().should().onlyDependOnClassesThat()
                .resideInAnyPackage("dev.stackdraft.graph..", "dev.stackdraft.template..", "dev.stackdraft.arn..", "java..",
                        "tools.jackson..", "org.jspecify..")
                .check(GRAPH);
    }

    @Test
    void the_public_api_is_the_graph_and_its_node_and_edge() {
        classes().that().haveModifier(JavaModifier.PUBLIC).should()
                .haveSimpleName("ResourceGraph").orShould().haveSimpleName("Node").orShould()
                .haveSimpleName("Edge")
                .check(GRAPH);
    }
}
