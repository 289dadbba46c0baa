package dev.stackdraft.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stackdraft.aws.AwsException;
import dev.stackdraft.template.Template;
import dev.stackdraft.template.TemplateReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Where a provided-runtime function's bootstrap is looked for, and what the user is told. */
class BootstrapCheckTest {

    private static final String ARN = "arn:aws:lambda:eu-west-1:123456789012:layer:";

    private final List<String> asked = new ArrayList<>();

    private static Template read(String path, String text) {
        return new TemplateReader().read(path, text);
    }

    private static RepositoryFiles repo(String... paths) {
        Set<String> files = Set.of(paths);
        return files::contains;
    }

    /** Account layers by ARN; each ARN asked for is noted. */
    private LayerFiles account(Map<String, List<String>> layers) {
        return arn -> {
            asked.add(arn);
            List<String> files = layers.get(arn);
            if (files == null) {
                throw new AwsException("The layer version " + arn + " does not exist in region eu-west-1 (deleted, or a "
                        + "typo in the name or version).");
            }
            return files;
        };
    }

    private final LayerFiles noAccount = arn -> {
        throw new AssertionError("no account layer should be asked for, was " + arn);
    };

    private static final String SAM_GLOBAL_RUNTIME = """
            AWSTemplateFormatVersion: '2010-09-09'
            Transform: AWS::Serverless-2016-10-31
            Globals:
              Function:
                Runtime: provided.al2023
                Handler: function.handler
            Resources:
              Hello:
                Type: AWS::Serverless::Function
                Properties:
                  CodeUri: src/hello/
              Python:
                Type: AWS::Serverless::Function
                Properties:
                  CodeUri: src/python/
                  Runtime: python3.12
              Container:
                Type: AWS::Serverless::Function
                Properties:
                  PackageType: Image
                Metadata:
                  DockerContext: ./container
            """;

    @Test
    void a_sam_function_on_the_global_provided_runtime_finds_bootstrap_in_its_code_folder() {
        Template template = read("stacks/api/template.yaml", SAM_GLOBAL_RUNTIME);

        BootstrapReport report = BootstrapCheck.check(template, "Hello", repo("stacks/api/src/hello/bootstrap"), noAccount);

        assertThat(report.needed()).isTrue();
        assertThat(report.found()).isTrue();
        assertThat(report.where()).isEqualTo("stacks/api/src/hello/bootstrap");
        assertThat(report.looked()).containsExactly("stacks/api/src/hello/bootstrap");
        assertThat(report.message()).isEqualTo("Hello's bootstrap is stacks/api/src/hello/bootstrap.");
        assertThat(report.missing()).isFalse();
    }

    @Test
    void a_function_with_its_own_managed_runtime_needs_no_bootstrap_whatever_the_globals_say() {
        Template template = read("template.yaml", SAM_GLOBAL_RUNTIME);

        BootstrapReport report = BootstrapCheck.check(template, "Python", repo(), noAccount);

        assertThat(report.needed()).isFalse();
        assertThat(report.looked()).isEmpty();
        assertThat(report.message()).isEqualTo("Python runs on python3.12, which brings its own runtime: no bootstrap "
                + "file needed.");
    }

    @Test
    void an_image_function_needs_no_bootstrap_and_has_no_folder_to_write_one_into() {
        Template template = read("template.yaml", SAM_GLOBAL_RUNTIME);

        BootstrapReport report = BootstrapCheck.check(template, "Container", repo(), noAccount);

        assertThat(report.needed()).isFalse();
        assertThat(report.message()).isEqualTo("Container is a container image function: its image brings the runtime, "
                + "so it needs no bootstrap file.");
        assertThatThrownBy(() -> BootstrapCheck.bootstrapPath(template, "template.yaml", "Container"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Container is a container image function: a bootstrap file in the repository would not be "
                        + "used.");
    }

    @Test
    void none_found_says_where_it_looked_and_what_to_do() {
        Template template = read("template.yaml", """
                Transform: AWS::Serverless-2016-10-31
                Globals:
                  Function:
                    Layers:
                      - %s
                Resources:
                  Hello:
                    Type: AWS::Serverless::Function
                    Properties:
                      CodeUri: ./src/hello
                      Handler: function.handler
                      Runtime: provided.al2023
                      Layers:
                        - !Ref Tools
                  Tools:
                    Type: AWS::Serverless::LayerVersion
                    Properties:
                      ContentUri: layers/tools/
                """.formatted(ARN + "jq:4"));

        BootstrapReport report = BootstrapCheck.check(template, "Hello", repo("src/hello/function.sh",
                "layers/tools/bin/tool"), account(Map.of(ARN + "jq:4", List.of("bin/jq"))));

        assertThat(report.missing()).isTrue();
        assertThat(report.where()).isEmpty();
        assertThat(report.looked()).as("the code folder, then the global layers before the function's own")
                .containsExactly("src/hello/bootstrap", "layer " + ARN + "jq:4", "layer Tools: layers/tools/bootstrap");
        assertThat(report.message()).isEqualTo("No bootstrap file in src/hello/ nor in layers jq:4, Tools: Lambda's "
                + "provided.al2023 runtime starts the function by running it. Add one (Stackdraft can write a shell "
                + "bootstrap) or pick a layer that brings one.");
        assertThat(BootstrapCheck.bootstrapPath(template, "template.yaml", "Hello")).isEqualTo("src/hello/bootstrap");
    }

    @Test
    void a_layer_defined_in_the_template_brings_the_bootstrap_from_its_content_folder() {
        Template template = read("infra/template.yaml", """
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  Hello:
                    Type: AWS::Serverless::Function
                    Properties:
                      CodeUri: ../src/hello
                      Handler: function.handler
                      Runtime: provided.al2
                      Layers:
                        - !Ref ShellRuntime
                  ShellRuntime:
                    Type: AWS::Serverless::LayerVersion
                    Properties:
                      ContentUri: ../layers/shell
                """);

        BootstrapReport report = BootstrapCheck.check(template, "Hello", repo("layers/shell/bootstrap"), noAccount);

        assertThat(report.found()).isTrue();
        assertThat(report.where()).isEqualTo("layer ShellRuntime (layers/shell/bootstrap)");
        assertThat(report.looked()).containsExactly("src/hello/bootstrap", "layer ShellRuntime: layers/shell/bootstrap");
        assertThat(report.message()).isEqualTo("Hello's bootstrap comes from the layer ShellRuntime "
                + "(layers/shell/bootstrap); Lambda finds it in /opt/bootstrap.");
    }

    @Test
    void a_layer_of_the_account_brings_the_bootstrap_at_the_root_of_its_zip() {
        Template template = read("template.yaml", """
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  Hello:
                    Type: AWS::Serverless::Function
                    Properties:
                      CodeUri: src/hello
                      Handler: function.handler
                      Runtime: provided.al2023
                      Layers:
                        - %1$sjq:4
                        - %1$sbash-runtime:2
                        - %1$slater:1
                """.formatted(ARN));

        BootstrapReport report = BootstrapCheck.check(template, "Hello", repo(), account(Map.of(
                ARN + "jq:4", List.of("bin/jq", "lib/bootstrap"),
                ARN + "bash-runtime:2", List.of("bootstrap", "bin/tool"))));

        assertThat(report.found()).isTrue();
        assertThat(report.where()).isEqualTo("layer " + ARN + "bash-runtime:2");
        assertThat(report.message()).isEqualTo("Hello's bootstrap comes from the layer " + ARN + "bash-runtime:2; Lambda "
                + "finds it in /opt/bootstrap.");
        assertThat(asked).as("a bootstrap below the root is not the one; the search stops at the first found")
                .containsExactly(ARN + "jq:4", ARN + "bash-runtime:2");
    }

    @Test
    void the_code_folder_wins_and_no_layer_is_asked_for() {
        Template template = read("template.yaml", """
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  Hello:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: function.handler
                      Runtime: provided.al2023
                      Layers: [%sbash-runtime:2]
                """.formatted(ARN));

        BootstrapReport report = BootstrapCheck.check(template, "Hello", repo("bootstrap"), noAccount);

        assertThat(report.where()).as("no CodeUri: sam build packages the template's folder").isEqualTo("bootstrap");
        assertThat(BootstrapCheck.bootstrapPath(template, "template.yaml", "Hello")).isEqualTo("bootstrap");
    }

    @Test
    void layers_that_cannot_be_checked_are_listed_with_why() {
        Template template = read("template.yaml", """
                Transform: AWS::Serverless-2016-10-31
                Parameters:
                  RuntimeLayer:
                    Type: String
                Resources:
                  Hello:
                    Type: AWS::Serverless::Function
                    Properties:
                      CodeUri: src/hello
                      Handler: function.handler
                      Runtime: provided.al2023
                      Layers:
                        - !Ref RuntimeLayer
                        - !Sub arn:aws:lambda:${AWS::Region}:123456789012:layer:shared:3
                        - %sgone:9
                """.formatted(ARN));

        BootstrapReport report = BootstrapCheck.check(template, "Hello", repo(), account(Map.of()));

        assertThat(report.missing()).isTrue();
        assertThat(report.looked()).containsExactly("src/hello/bootstrap",
                "not checked: the layer !Ref RuntimeLayer is the parameter RuntimeLayer, whose value is chosen when "
                        + "deploying",
                "not checked: the layer !Sub arn:aws:lambda:${AWS::Region}:123456789012:layer:shared:3 is computed when "
                        + "deploying",
                "not checked: the layer gone:9 could not be read (The layer version " + ARN + "gone:9 does not exist in "
                        + "region eu-west-1 (deleted, or a typo in the name or version))");
        assertThat(report.message()).isEqualTo("No bootstrap file in src/hello/: Lambda's provided.al2023 runtime starts "
                + "the function by running it. Add one (Stackdraft can write a shell bootstrap) or pick a layer that "
                + "brings one. Not checked: the layer !Ref RuntimeLayer is the parameter RuntimeLayer, whose value is "
                + "chosen when deploying; the layer !Sub arn:aws:lambda:${AWS::Region}:123456789012:layer:shared:3 is "
                + "computed when deploying; the layer gone:9 could not be read (The layer version " + ARN + "gone:9 does "
                + "not exist in region eu-west-1 (deleted, or a typo in the name or version)).");
    }

    @Test
    void code_in_s3_cannot_be_checked_and_has_no_folder_for_a_bootstrap() {
        Template template = read("template.yaml", """
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  Hello:
                    Type: AWS::Serverless::Function
                    Properties:
                      CodeUri: s3://artifacts/hello.zip
                      Handler: function.handler
                      Runtime: provided.al2023
                """);

        BootstrapReport report = BootstrapCheck.check(template, "Hello", repo(), noAccount);

        assertThat(report.missing()).isTrue();
        assertThat(report.looked()).containsExactly("not checked: the code is in S3 (s3://artifacts/hello.zip), which "
                + "Stackdraft cannot look into");
        assertThat(report.message()).isEqualTo("Stackdraft could not look for the bootstrap file Lambda's provided.al2023 "
                + "runtime starts the function with: the code is in S3 (s3://artifacts/hello.zip), which Stackdraft "
                + "cannot look into.");
        assertThatThrownBy(() -> BootstrapCheck.bootstrapPath(template, "template.yaml", "Hello"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Hello has no code folder in the repository to write a bootstrap into: the code is in S3 "
                        + "(s3://artifacts/hello.zip), which Stackdraft cannot look into.");
    }

    @Test
    void a_plain_lambda_function_with_a_local_code_path_is_checked_there() {
        Template template = read("cfn/stack.yaml", """
                AWSTemplateFormatVersion: '2010-09-09'
                Resources:
                  Worker:
                    Type: AWS::Lambda::Function
                    Properties:
                      Runtime: provided.al2
                      Handler: worker.handler
                      Role: arn:aws:iam::123456789012:role/worker
                      Code: ./build/worker
                  Inline:
                    Type: AWS::Lambda::Function
                    Properties:
                      Runtime: provided.al2023
                      Handler: index.handler
                      Role: arn:aws:iam::123456789012:role/worker
                      Code:
                        ZipFile: echo hi
                """);

        BootstrapReport worker = BootstrapCheck.check(template, "Worker", repo(), noAccount);
        BootstrapReport inline = BootstrapCheck.check(template, "Inline", repo(), noAccount);

        assertThat(worker.looked()).containsExactly("cfn/build/worker/bootstrap");
        assertThat(worker.message()).startsWith("No bootstrap file in cfn/build/worker/: Lambda's provided.al2 runtime ");
        assertThat(BootstrapCheck.bootstrapPath(template, "cfn/stack.yaml", "Worker")).isEqualTo("cfn/build/worker/bootstrap");
        assertThat(inline.looked()).containsExactly("not checked: the code is inline (ZipFile), a single file with no "
                + "bootstrap");
    }

    @Test
    void a_serverless_yml_function_on_the_providers_runtime_is_checked_in_the_service_folder_and_its_layers() {
        Template template = read("services/jobs/serverless.yml", """
                service: jobs
                provider:
                  name: aws
                  runtime: provided.al2023
                functions:
                  nightly:
                    handler: nightly.handler
                    layers:
                      - Ref: ShellLambdaLayer
                  fromImage:
                    image: 123456789012.dkr.ecr.eu-west-1.amazonaws.com/jobs:latest
                  noHandler:
                    description: defined elsewhere
                layers:
                  shell:
                    path: layers/shell
                """);

        BootstrapReport nightly = BootstrapCheck.check(template, "nightly", repo("services/jobs/layers/shell/bootstrap"),
                noAccount);
        BootstrapReport noHandler = BootstrapCheck.check(template, "noHandler", repo(), noAccount);

        assertThat(nightly.looked()).containsExactly("services/jobs/bootstrap",
                "layer shell: services/jobs/layers/shell/bootstrap");
        assertThat(nightly.where()).isEqualTo("layer shell (services/jobs/layers/shell/bootstrap)");
        assertThat(BootstrapCheck.bootstrapPath(template, "services/jobs/serverless.yml", "nightly"))
                .isEqualTo("services/jobs/bootstrap");
        assertThat(BootstrapCheck.check(template, "fromImage", repo(), noAccount).needed()).isFalse();
        assertThat(noHandler.needed()).isFalse();
        assertThat(noHandler.message()).isEqualTo("noHandler has no handler in serverless.yml (an image function?), so "
                + "Stackdraft does not check its bootstrap.");
    }

    @Test
    void a_go_or_rust_build_writes_the_bootstrap_itself() {
        Template template = read("template.yaml", """
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  Api:
                    Type: AWS::Serverless::Function
                    Metadata:
                      BuildMethod: go1.x
                    Properties:
                      CodeUri: cmd/api
                      Handler: bootstrap
                      Runtime: provided.al2023
                  Made:
                    Type: AWS::Serverless::Function
                    Metadata:
                      BuildMethod: makefile
                    Properties:
                      CodeUri: made
                      Handler: bootstrap
                      Runtime: provided.al2023
                """);

        BootstrapReport api = BootstrapCheck.check(template, "Api", repo(), noAccount);
        BootstrapReport made = BootstrapCheck.check(template, "Made", repo(), noAccount);

        assertThat(api.found()).isTrue();
        assertThat(api.where()).isEqualTo("sam build (BuildMethod go1.x)");
        assertThat(api.message()).isEqualTo("sam build writes Api's bootstrap (BuildMethod go1.x).");
        assertThat(made.missing()).isTrue();
        assertThat(made.message()).isEqualTo("No bootstrap file in made/: Lambda's provided.al2023 runtime starts the "
                + "function by running it. The Makefile's build target must write one into $(ARTIFACTS_DIR); or add one "
                + "to the code folder, or pick a layer that brings one.");
    }

    @Test
    void a_computed_runtime_or_code_path_is_said_to_be_unknown() {
        Template template = read("template.yaml", """
                Transform: AWS::Serverless-2016-10-31
                Parameters:
                  Runtime:
                    Type: String
                  Code:
                    Type: String
                Resources:
                  ByParameter:
                    Type: AWS::Serverless::Function
                    Properties:
                      CodeUri: src
                      Handler: x.y
                      Runtime: !Ref Runtime
                  Elsewhere:
                    Type: AWS::Serverless::Function
                    Properties:
                      CodeUri: !Ref Code
                      Handler: x.y
                      Runtime: provided.al2023
                  Outside:
                    Type: AWS::Serverless::Function
                    Properties:
                      CodeUri: ../../shared
                      Handler: x.y
                      Runtime: provided.al2023
                """);

        assertThat(BootstrapCheck.check(template, "ByParameter", repo(), noAccount).message())
                .isEqualTo("ByParameter's runtime is computed when deploying (!Ref Runtime), so Stackdraft cannot tell "
                        + "whether it needs a bootstrap file.");
        assertThat(BootstrapCheck.check(template, "Elsewhere", repo(), noAccount).looked())
                .containsExactly("not checked: the CodeUri !Ref Code is computed when deploying, so Stackdraft cannot "
                        + "tell which folder it is");
        assertThatThrownBy(() -> BootstrapCheck.bootstrapPath(template, "app/template.yaml", "Outside"))
                .hasMessage("Outside has no code folder in the repository to write a bootstrap into: the CodeUri "
                        + "../../shared is outside the repository.");
    }

    @Test
    void an_unknown_id_or_a_resource_that_is_no_function_is_refused() {
        Template template = read("template.yaml", SAM_GLOBAL_RUNTIME);

        assertThatThrownBy(() -> BootstrapCheck.check(template, "Nope", repo(), noAccount))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The template template.yaml has no resource 'Nope'.");
        Template withTopic = read("template.yaml", """
                Resources:
                  Topic:
                    Type: AWS::SNS::Topic
                """);
        assertThatThrownBy(() -> BootstrapCheck.bootstrapPath(withTopic, "template.yaml", "Topic"))
                .hasMessage("'Topic' is no function: its type is AWS::SNS::Topic.");
    }
}
