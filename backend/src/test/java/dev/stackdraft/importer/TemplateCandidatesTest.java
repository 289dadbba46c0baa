package dev.stackdraft.importer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stackdraft.hosting.RepositoryFile;
import java.util.List;
import org.junit.jupiter.api.Test;

class TemplateCandidatesTest {

    @Test
    void named_files_come_first_then_shallow_paths() {
        List<TemplateCandidates.Candidate> candidates = TemplateCandidates.of(List.of(
                file("z/stack.yaml"), file("a/b/c/template.yml"), file("top.json"), file("serverless.yaml"),
                file("Template.JSON")));

        assertThat(candidates).extracting(TemplateCandidates.Candidate::path)
                .containsExactly("Template.JSON", "serverless.yaml", "a/b/c/template.yml", "top.json", "z/stack.yaml");
        assertThat(candidates).extracting(TemplateCandidates.Candidate::named).containsExactly(true, true, true, false, false);
    }

    @Test
    void only_yaml_json_and_template_files_are_candidates() {
        assertThat(TemplateCandidates.of(List.of(file("a.yaml"), file("b.yml"), file("c.json"), file("d.template"),
                file("e.py"), file("f.md"), file("yaml"), file("g.toml"))))
                .extracting(TemplateCandidates.Candidate::path)
                .containsExactly("a.yaml", "b.yml", "c.json", "d.template");
    }

    @Test
    void hidden_files_empty_files_and_well_known_non_templates_are_not_candidates() {
        assertThat(TemplateCandidates.of(List.of(file(".eslintrc.yml"), new RepositoryFile("empty.yaml", 0),
                file("package-lock.json"), file("app/tsconfig.json"), file("samconfig.yaml"), file("docker-compose.yml"),
                file(".gitlab-ci.yml")))).isEmpty();
    }

    @Test
    void folders_of_dependencies_build_output_and_dotted_folders_are_skipped() {
        assertThat(TemplateCandidates.ignoredDirectory("node_modules/x/template.yaml")).isTrue();
        assertThat(TemplateCandidates.ignoredDirectory("a/.aws-sam/build/template.yaml")).isTrue();
        assertThat(TemplateCandidates.ignoredDirectory("cdk.out/x.template.json")).isTrue();
        assertThat(TemplateCandidates.ignoredDirectory(".serverless/x.json")).isTrue();
        assertThat(TemplateCandidates.ignoredDirectory("amplify/#current-cloud-backend/x.json")).isTrue();
        assertThat(TemplateCandidates.ignoredDirectory("services/node_modules_docs.yaml")).isFalse();
        assertThat(TemplateCandidates.ignoredDirectory("template.yaml")).isFalse();
    }

    private static RepositoryFile file(String path) {
        return new RepositoryFile(path, 100);
    }
}
