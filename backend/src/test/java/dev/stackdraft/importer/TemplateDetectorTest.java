package dev.stackdraft.importer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stackdraft.project.ProjectState;
import dev.stackdraft.project.ScannedStack;
import org.junit.jupiter.api.Test;

class TemplateDetectorTest {

    @Test
    void a_repository_with_three_stacks_gives_three_projects() {
        MapHost host = new MapHost()
                .with("README.md", "# app")
                .with("template.yaml", Templates.SAM)
                .with("infra/network.json", Templates.CFN_JSON)
                .with("services/api/serverless.yml", Templates.SERVERLESS)
                .with("services/api/handler.js", "exports.hello = async () => ({})");

        Detection detection = host.detect();

        assertThat(detection.stacks()).extracting(ScannedStack::path)
                .containsExactly("template.yaml", "services/api/serverless.yml", "infra/network.json");
        assertThat(detection.stacks()).extracting(ScannedStack::dialect).containsExactly("SAM", "SERVERLESS", "CLOUDFORMATION");
        assertThat(detection.stacks()).extracting(ScannedStack::resourceCount).containsExactly(2, 1, 2);
        assertThat(detection.stacks()).extracting(ScannedStack::state).containsOnly(ProjectState.VALID);
        assertThat(detection.files()).isEqualTo(5);
        assertThat(detection.unread()).isEmpty();
        assertThat(detection.note()).isEmpty();
    }

    @Test
    void a_repository_without_templates_gives_none() {
        MapHost host = new MapHost()
                .with("README.md", "# docs")
                .with("package.json", "{\"name\": \"x\"}")
                .with("k8s/deployment.yaml", Templates.KUBERNETES)
                .with("docker-compose.yml", "services: {}")
                .with("config/settings.json", "{\"debug\": true}")
                .with(".github/workflows/ci.yml", "on: push");

        Detection detection = host.detect();

        assertThat(detection.stacks()).isEmpty();
        assertThat(host.reads).containsExactlyInAnyOrder("k8s/deployment.yaml", "config/settings.json");
    }

    @Test
    void build_output_dependencies_and_hidden_folders_are_ignored() {
        MapHost host = new MapHost()
                .with("template.yaml", Templates.SAM)
                .with("node_modules/some-lib/template.yaml", Templates.SAM)
                .with("frontend/node_modules/x/serverless.yml", Templates.SERVERLESS)
                .with(".aws-sam/build/template.yaml", Templates.SAM)
                .with(".serverless/cloudformation-template-update-stack.json", Templates.CFN_JSON)
                .with("cdk.out/AppStack.template.json", Templates.CFN_JSON)
                .with(".git/whatever.yaml", Templates.SAM)
                .with("vendor/github.com/x/template.yml", Templates.SAM);

        Detection detection = host.detect();

        assertThat(detection.stacks()).extracting(ScannedStack::path).containsExactly("template.yaml");
        assertThat(host.reads).containsExactly("template.yaml");
    }

    @Test
    void other_yaml_and_json_is_a_template_only_by_its_content() {
        MapHost host = new MapHost()
                .with("stacks/versioned.yaml", Templates.CFN_JSON.replace("\"Topic\"", "\"Topic2\""))
                .with("stacks/sam-only.yml", Templates.SAM_WITHOUT_VERSION)
                .with("stacks/resources-only.yaml", Templates.RESOURCES_ONLY)
                .with("stacks/bucket.template", Templates.CFN_JSON)
                .with("stacks/custom-only.yaml", "Resources:\n  Thing:\n    Type: Custom::Thing\n")
                .with("stacks/mentions.yaml", "note: we deploy AWS::SQS::Queue elsewhere\n");

        Detection detection = host.detect();

        assertThat(detection.stacks()).extracting(ScannedStack::path).containsExactly("stacks/bucket.template",
                "stacks/resources-only.yaml", "stacks/sam-only.yml", "stacks/versioned.yaml");
    }

    @Test
    void a_named_file_that_cannot_be_read_is_an_unreadable_project() {
        MapHost host = new MapHost().with("template.yaml", Templates.BROKEN_YAML).with("serverless.yml", "");

        Detection detection = host.detect();

        assertThat(detection.stacks()).extracting(ScannedStack::state).containsOnly(ProjectState.UNREADABLE);
        ScannedStack broken = detection.stacks().stream().filter(s -> s.path().equals("template.yaml")).findFirst().orElseThrow();
        assertThat(broken.message()).startsWith("template.yaml:");
        assertThat(broken.dialect()).isEqualTo("UNKNOWN");
        assertThat(broken.resourceCount()).isZero();
    }

    @Test
    void another_broken_file_is_a_project_only_when_it_declares_a_template_version() {
        MapHost host = new MapHost()
                .with("infra/broken.yaml", Templates.BROKEN_YAML)
                .with("infra/not-a-template.yaml", "x: AWS::Foo\n  bad: [indent\n");

        Detection detection = host.detect();

        assertThat(detection.stacks()).extracting(ScannedStack::path, ScannedStack::state)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("infra/broken.yaml", ProjectState.UNREADABLE));
    }

    @Test
    void validation_findings_are_counted_and_the_first_one_is_told() {
        MapHost host = new MapHost().with("template.yaml", Templates.WITH_FINDINGS);

        ScannedStack stack = host.detect().stacks().getFirst();

        assertThat(stack.state()).isEqualTo(ProjectState.HAS_FINDINGS);
        assertThat(stack.message()).startsWith("1 error").contains("Missing").contains("template.yaml:");
        assertThat(stack.resourceCount()).isEqualTo(1);
    }

    @Test
    void files_over_one_megabyte_are_not_read() {
        String big = "# " + "x".repeat(1_100_000) + "\n";
        MapHost host = new MapHost()
                .with("big/data.json", big)
                .with("huge/template.yaml", big)
                .withSize("unknown-size/stack.yaml", big + Templates.RESOURCES_ONLY, -1);

        Detection detection = host.detect();

        assertThat(host.reads).containsExactly("unknown-size/stack.yaml");
        assertThat(detection.stacks()).extracting(ScannedStack::path, ScannedStack::state).containsExactly(
                org.assertj.core.groups.Tuple.tuple("huge/template.yaml", ProjectState.UNREADABLE));
        assertThat(detection.stacks().getFirst().message()).contains("over CloudFormation's limit");
    }

    @Test
    void reads_at_most_the_limit_named_files_first_and_says_what_it_left() {
        MapHost host = new MapHost()
                .with("a/one.yaml", Templates.sam("One"))
                .with("b/two.yaml", Templates.sam("Two"))
                .with("deep/down/template.yaml", Templates.sam("Named"))
                .with("three.yaml", Templates.sam("Three"));

        Detection detection = host.detect(2);

        assertThat(host.reads).containsExactly("deep/down/template.yaml", "three.yaml");
        assertThat(detection.stacks()).extracting(ScannedStack::path).containsExactly("deep/down/template.yaml", "three.yaml");
        assertThat(detection.unread()).containsExactly("a/one.yaml", "b/two.yaml");
        assertThat(detection.note()).contains("read 2 of 4 candidate files").contains("stackdraft.import.max-files-read");
    }
}
