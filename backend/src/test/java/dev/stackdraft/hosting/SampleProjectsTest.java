package dev.stackdraft.hosting;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stackdraft.config.BareRepos;
import dev.stackdraft.template.Finding;
import dev.stackdraft.template.Resource;
import dev.stackdraft.template.Template;
import dev.stackdraft.template.TemplateReader;
import dev.stackdraft.validation.TemplateValidator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleProjectsTest {

    private static final Instant NOW = Instant.parse("2026-03-01T09:00:00Z");

    @TempDir
    Path root;

    @Test
    void an_empty_folder_gets_the_three_sample_repositories() {
        List<String> created = SampleProjects.seedIfEmpty(root, NOW);

        assertThat(created).containsExactly("stackdraft-samples/docs-only", "stackdraft-samples/notes-serverless",
                "stackdraft-samples/orders-service");
        LocalGitHost host = new LocalGitHost(root);
        assertThat(host.repositories()).extracting(HostRepository::fullName).containsExactlyElementsOf(created);
        HostRepository orders = host.repositories().get(2);
        assertThat(host.files(orders, orders.defaultBranch())).extracting(RepositoryFile::path)
                .contains("template.yaml", "layers/common/python/orders_common.py", "src/create_order/app.py");
        assertThat(host.files(host.repositories().get(0), "main")).extracting(RepositoryFile::path)
                .noneMatch(p -> p.endsWith("template.yaml") || p.startsWith("serverless."));
    }

    @Test
    void seeding_again_changes_nothing() {
        SampleProjects.seedIfEmpty(root, NOW);
        String before = BareRepos.head(root, "stackdraft-samples/orders-service");

        List<String> again = SampleProjects.seedIfEmpty(root, NOW.plusSeconds(3600));

        assertThat(again).isEmpty();
        assertThat(BareRepos.head(root, "stackdraft-samples/orders-service")).isEqualTo(before);
        assertThat(new LocalGitHost(root).repositories()).hasSize(3);
    }

    @Test
    void a_folder_that_already_holds_a_repository_is_left_alone() {
        BareRepos.create(root, "me/mine", Map.of("README.md", "mine"));

        assertThat(SampleProjects.seedIfEmpty(root, NOW)).isEmpty();
        assertThat(new LocalGitHost(root).repositories()).extracting(HostRepository::fullName).containsExactly("me/mine");
    }

    @Test
    void the_sam_sample_has_an_api_functions_a_table_a_layer_they_use_and_an_appsync_api() {
        Template orders = sample("orders-service", "template.yaml");

        assertThat(orders.isSam()).isTrue();
        List<String> types = orders.resources().stream().map(r -> r.type().value()).toList();
        assertThat(types).contains("AWS::Serverless::Api", "AWS::Serverless::Function", "AWS::DynamoDB::Table",
                "AWS::Serverless::LayerVersion", "AWS::AppSync::GraphQLApi", "AWS::AppSync::DataSource",
                "AWS::AppSync::Resolver");
        List<Resource> functions = orders.resources().stream().filter(r -> r.type().isFunction()).toList();
        assertThat(functions).hasSizeGreaterThanOrEqualTo(3)
                .allSatisfy(f -> assertThat(f.property("Layers").map(Object::toString).orElse("")).contains("CommonLayer"));
        assertThat(orders.source().text()).contains("# ");
    }

    @Test
    void the_serverless_sample_has_functions_with_http_events_and_a_layer() {
        Template notes = sample("notes-serverless", "serverless.yml");

        assertThat(notes.dialect().name()).isEqualTo("SERVERLESS");
        assertThat(notes.resources()).filteredOn(r -> r.type().isFunction()).hasSize(4);
        assertThat(notes.resources()).filteredOn(r -> r.type().isLayer()).hasSize(1);
        assertThat(notes.source().text()).contains("- http:");
    }

    @Test
    void the_sample_templates_are_valid_for_our_validator() {
        TemplateValidator validator = new TemplateValidator();

        for (Template sample : List.of(sample("orders-service", "template.yaml"), sample("notes-serverless", "serverless.yml"))) {
            List<Finding> findings = validator.validate(sample);
            assertThat(findings).as(sample.file()).filteredOn(f -> f.severity() != Finding.Severity.INFO).isEmpty();
        }
    }

    @Test
    void the_sam_sample_is_clean_for_cfn_lint_where_installed() throws Exception {
        Path template = Files.createTempFile(root, "orders", ".yaml");
        Files.write(template, SampleProjects.samples().get("orders-service").get("template.yaml"));
        Process lint;
        try {
            ProcessBuilder builder = new ProcessBuilder("cfn-lint", template.toString()).redirectErrorStream(true);
            builder.environment().putIfAbsent("AWS_DEFAULT_REGION", "us-east-1");
            lint = builder.start();
        } catch (java.io.IOException e) {
            Assumptions.abort("cfn-lint is not installed");
            return;
        }
        String output = new String(lint.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(lint.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(lint.exitValue()).as(output).isZero();
    }

    private static Template sample(String repository, String path) {
        byte[] bytes = SampleProjects.samples().get(repository).get(path);
        return new TemplateReader().read(path, bytes);
    }
}
