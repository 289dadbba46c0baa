package dev.stackdraft.environment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stackdraft.template.TemplateException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Golden cases: a samconfig.toml, one edit, and exactly the text it must become. */
class EnvironmentsTest {

    private static final Path FILE = Path.of("project/samconfig.toml");

    record Golden(String name, String before, Function<Environments, String> edit, String after) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Golden> goldens() {
        return Stream.of(
                new Golden("a parameter changes inside its string, other pairs and quoting kept", """
                        version = 0.1
                        [prod.deploy.parameters]
                        stack_name = "orders-prod" # the live one
                        parameter_overrides = "Stage=\\"prod\\" LayerArn=\\"arn:aws:lambda:eu-west-1:123456789012:layer:common:3\\" Memory=\\"512\\""
                        """, e -> e.setParameter("prod", "LayerArn", "arn:aws:lambda:eu-west-1:123456789012:layer:common:4"), """
                        version = 0.1
                        [prod.deploy.parameters]
                        stack_name = "orders-prod" # the live one
                        parameter_overrides = "Stage=\\"prod\\" LayerArn=\\"arn:aws:lambda:eu-west-1:123456789012:layer:common:4\\" Memory=\\"512\\""
                        """),
                new Golden("unquoted pairs stay unquoted, and a new one follows them", """
                        version = 0.1
                        [default.deploy.parameters]
                        parameter_overrides = "Runtime=python3.9 CodeUri=SomeURI"
                        """, e -> e.setParameter("default", "Stage", "dev"), """
                        version = 0.1
                        [default.deploy.parameters]
                        parameter_overrides = "Runtime=python3.9 CodeUri=SomeURI Stage=dev"
                        """),
                new Golden("a value with a space is quoted even among unquoted pairs", """
                        version = 0.1
                        [default.deploy.parameters]
                        parameter_overrides = 'Runtime=python3.9'
                        """, e -> e.setParameter("default", "Description", "two words"), """
                        version = 0.1
                        [default.deploy.parameters]
                        parameter_overrides = 'Runtime=python3.9 Description="two words"'
                        """),
                new Golden("a list of overrides gets a new item in its own layout", """
                        version = 0.1
                        [default.deploy.parameters]
                        parameter_overrides = [
                            "Stage=dev",
                            "Memory=512",
                        ]
                        """, e -> e.setParameter("default", "LayerArn", "arn:aws:lambda:us-east-1:123456789012:layer:x:1"), """
                        version = 0.1
                        [default.deploy.parameters]
                        parameter_overrides = [
                            "Stage=dev",
                            "Memory=512",
                            "LayerArn=arn:aws:lambda:us-east-1:123456789012:layer:x:1",
                        ]
                        """),
                new Golden("a one-line list gets the new item on its line", """
                        version = 0.1
                        [default.deploy.parameters]
                        parameter_overrides = ["Stage=\\"dev\\""]
                        """, e -> e.setParameter("default", "Memory", "1024"), """
                        version = 0.1
                        [default.deploy.parameters]
                        parameter_overrides = ["Stage=\\"dev\\"", "Memory=\\"1024\\""]
                        """),
                new Golden("overrides only in the global table are changed there (sam deploy reads them there)", """
                        version = 0.1

                        [default.global.parameters]
                        stack_name = "app"
                        parameter_overrides = "Stage=dev"

                        [default.deploy.parameters]
                        resolve_s3 = true
                        """, e -> e.setParameter("default", "Stage", "test"), """
                        version = 0.1

                        [default.global.parameters]
                        stack_name = "app"
                        parameter_overrides = "Stage=test"

                        [default.deploy.parameters]
                        resolve_s3 = true
                        """),
                new Golden("the last parameter taken out takes its key along", """
                        version = 0.1
                        [prod.deploy.parameters]
                        stack_name = "p"
                        parameter_overrides = "Stage=\\"prod\\""
                        region = "eu-west-1"
                        """, e -> e.removeParameter("prod", "Stage"), """
                        version = 0.1
                        [prod.deploy.parameters]
                        stack_name = "p"
                        region = "eu-west-1"
                        """),
                new Golden("a parameter taken out of the middle leaves its neighbours as written", """
                        version = 0.1
                        [prod.deploy.parameters]
                        parameter_overrides = "A=\\"1\\" B=\\"2\\" C=\\"3\\""
                        """, e -> e.removeParameter("prod", "B"), """
                        version = 0.1
                        [prod.deploy.parameters]
                        parameter_overrides = "A=\\"1\\" C=\\"3\\""
                        """),
                new Golden("key=value without spaces and no blank lines between tables are followed", """
                        version=0.1
                        [default.build.parameters]
                        cached=true
                        [dev.deploy.parameters]
                        stack_name="d"
                        """, e -> e.set("prod", "eu-west-1", "p", null, Map.of()), """
                        version=0.1
                        [default.build.parameters]
                        cached=true
                        [dev.deploy.parameters]
                        stack_name="d"
                        [prod.deploy.parameters]
                        stack_name="p"
                        resolve_s3=true
                        s3_prefix="p"
                        region="eu-west-1"
                        capabilities="CAPABILITY_IAM"
                        [prod.global.parameters]
                        region="eu-west-1"
                        """),
                new Golden("a new table of an environment goes after its other tables, not at the end", """
                        version = 0.1

                        [dev.build.parameters]
                        cached = true

                        [dev.deploy.parameters]
                        stack_name = "d"
                        region = "us-east-1"

                        # production
                        [prod.deploy.parameters]
                        stack_name = "p"
                        """, e -> e.set("dev", "us-east-1", null, "123456789012", Map.of()), """
                        version = 0.1

                        [dev.build.parameters]
                        cached = true

                        [dev.deploy.parameters]
                        stack_name = "d"
                        region = "us-east-1"

                        [dev.stackdraft.parameters]
                        account_id = "123456789012"

                        # production
                        [prod.deploy.parameters]
                        stack_name = "p"
                        """),
                new Golden("region is changed where it is, in deploy and global alike", """
                        version = 0.1

                        [dev.deploy.parameters]
                        stack_name = "d"
                        region = 'us-east-1'

                        [dev.global.parameters]
                        region = "us-east-1"
                        """, e -> e.set("dev", "us-west-2", null, null, Map.of()), """
                        version = 0.1

                        [dev.deploy.parameters]
                        stack_name = "d"
                        region = 'us-west-2'

                        [dev.global.parameters]
                        region = "us-west-2"
                        """),
                new Golden("removing an environment takes all its tables, wherever they are", """
                        version = 0.1
                        [default]
                        [default.deploy]
                        [default.deploy.parameters]
                        stack_name = "a"

                        [prod.deploy.parameters]
                        stack_name = "p"
                        # old bucket: s3_bucket = "x"

                        [default.build.parameters]
                        cached = true

                        [prod.sync.parameters]
                        watch = false
                        """, e -> e.remove("prod"), """
                        version = 0.1
                        [default]
                        [default.deploy]
                        [default.deploy.parameters]
                        stack_name = "a"

                        [default.build.parameters]
                        cached = true
                        """),
                new Golden("a file with CRLF line endings gets CRLF lines",
                        "version = 0.1\r\n\r\n[dev.deploy.parameters]\r\nstack_name = \"d\"\r\n",
                        e -> e.set("dev", "us-east-1", null, null, Map.of("Stage", "dev")),
                        "version = 0.1\r\n\r\n[dev.deploy.parameters]\r\nstack_name = \"d\"\r\nregion = \"us-east-1\"\r\n"
                                + "parameter_overrides = \"Stage=\\\"dev\\\"\"\r\n"),
                new Golden("a file without a final newline stays without one",
                        "version = 0.1\n[dev.deploy.parameters]\nstack_name = \"d\"",
                        e -> e.setParameter("dev", "Stage", "dev"),
                        "version = 0.1\n[dev.deploy.parameters]\nstack_name = \"d\"\nparameter_overrides = \"Stage=\\\"dev\\\"\""),
                new Golden("setting what is already there changes nothing", """
                        version = 0.1
                        [dev.deploy.parameters]
                        stack_name = "d"
                        region = "us-east-1"
                        parameter_overrides = "Stage=\\"dev\\""
                        """, e -> e.set("dev", "us-east-1", "d", null, Map.of("Stage", "dev")), """
                        version = 0.1
                        [dev.deploy.parameters]
                        stack_name = "d"
                        region = "us-east-1"
                        parameter_overrides = "Stage=\\"dev\\""
                        """));
    }

    static Stream<Golden> yamlGoldens() {
        return Stream.of(
                new Golden("a new environment goes at the end in the file's indentation", """
                        version: 0.1

                        default:
                            deploy:
                                parameters:
                                    stack_name: app
                        """, e -> e.set("prod", "eu-west-1", "app-prod", "123456789012", Map.of("Stage", "prod")), """
                        version: 0.1

                        default:
                            deploy:
                                parameters:
                                    stack_name: app

                        prod:
                            deploy:
                                parameters:
                                    stack_name: app-prod
                                    resolve_s3: true
                                    s3_prefix: app-prod
                                    region: eu-west-1
                                    capabilities: CAPABILITY_IAM
                                    parameter_overrides: Stage="prod"
                            global:
                                parameters:
                                    region: eu-west-1
                            stackdraft:
                                parameters:
                                    account_id: "123456789012"
                        """),
                new Golden("a mapping of overrides gets a key, quoting kept", """
                        version: 0.1
                        prod:
                          deploy:
                            parameters:
                              region: 'eu-west-1'
                              parameter_overrides:
                                Stage: prod  # the stage
                        """, e -> e.set("prod", "eu-west-2", null, null, ordered("Stage", "live", "Memory", "512")), """
                        version: 0.1
                        prod:
                          deploy:
                            parameters:
                              region: 'eu-west-2'
                              parameter_overrides:
                                Stage: live  # the stage
                                Memory: "512"
                              stack_name: project-prod
                        """),
                new Golden("the last parameter taken out takes its empty mappings along, not the environment", """
                        version: 0.1
                        prod:
                          build:
                            parameters:
                              cached: true
                          deploy:
                            parameters:
                              parameter_overrides: Stage=prod
                        """, e -> e.removeParameter("prod", "Stage"), """
                        version: 0.1
                        prod:
                          build:
                            parameters:
                              cached: true
                        """),
                new Golden("removing an environment takes its comment and leaves the others", """
                        version: 0.1
                        default:
                          deploy:
                            parameters:
                              stack_name: app
                        # production
                        prod:
                          deploy:
                            parameters:
                              stack_name: app-prod
                        """, e -> e.remove("prod"), """
                        version: 0.1
                        default:
                          deploy:
                            parameters:
                              stack_name: app
                        """));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("yamlGoldens")
    void yaml_golden(Golden golden) {
        Environments environments = Environments.parse(Path.of("project/samconfig.yaml"), golden.before());

        assertThat(golden.edit().apply(environments)).isEqualTo(golden.after());
    }

    @Test
    void a_flow_mapping_in_yaml_is_refused_with_its_place() {
        Environments environments = Environments.parse(Path.of("samconfig.yaml"), """
                version: 0.1
                prod: {deploy: {parameters: {stack_name: p}}}
                """);

        assertThatThrownBy(() -> environments.set("prod", "eu-west-1", null, null, Map.of()))
                .hasMessageStartingWith("samconfig.yaml:2:29: prod.deploy.parameters is a flow mapping ({...}) here");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goldens")
    void golden(Golden golden) {
        Environments environments = Environments.parse(FILE, golden.before());

        String after = golden.edit().apply(environments);

        assertThat(after).isEqualTo(golden.after());
        TomlJudge.assumeAvailable();
        assertThat(TomlValue.plain(TomlDocument.parse("after", after).root)).isEqualTo(TomlJudge.read(after));
    }

    @Test
    void an_environment_reads_deploy_over_global_as_sam_does() {
        Environments environments = Environments.parse(FILE, """
                version = 0.1
                [prod.global.parameters]
                stack_name = "from-global"
                region = "us-east-1"
                parameter_overrides = "A=1 B=2"
                [prod.deploy.parameters]
                region = "eu-west-1"
                parameter_overrides = ["C=3", "D='four four'"]
                tags = "team=orders cost=42"
                capabilities = "CAPABILITY_IAM CAPABILITY_AUTO_EXPAND"
                [prod.stackdraft.parameters]
                account_id = "123456789012"
                """);

        assertThat(environments.environment("prod")).contains(new Environment("prod", "from-global", "eu-west-1",
                "123456789012", Map.of("C", "3", "D", "four four"), Map.of("team", "orders", "cost", "42"),
                List.of("CAPABILITY_IAM", "CAPABILITY_AUTO_EXPAND")));
    }

    @Test
    void overrides_are_split_as_the_sam_cli_splits_them() {
        assertThat(SamKeyValues.parameterMap("Runtime=\"python3.13\" Environment=\"dev\"")).isEqualTo(
                ordered("Runtime", "python3.13", "Environment", "dev"));
        assertThat(SamKeyValues.parameterMap("A=x\\ y B='single quoted' C=\"say \\\"hi\\\"\"")).isEqualTo(
                ordered("A", "x y", "B", "single quoted", "C", "say \"hi\""));
        assertThat(SamKeyValues.parameterMap("ParameterKey=A,ParameterValue=1 ParameterKey=B,ParameterValue=2"))
                .isEqualTo(ordered("A", "1", "B", "2"));
        assertThat(SamKeyValues.parameterMap("Parameter overrides")).isEmpty(); // SAM finds no pair in it either
        assertThat(SamKeyValues.tags("stage=int company:application=awesome-service")).isEqualTo(
                ordered("stage", "int", "company:application", "awesome-service"));
        assertThat(SamConfigModel.parameterOverrides(List.of(Map.of("Debug", true), List.of("X=1")))).isEqualTo(
                ordered("Debug", "True", "X", "1"));
    }

    @Test
    void what_we_write_sam_reads_back_the_same() {
        for (String value : List.of("plain", "two words", "say \"hi\"", "a\\b", "", "x=y", "'single'", "tab\there")) {
            String written = SamKeyValues.pair("K", value, true);
            assertThat(SamKeyValues.parameterMap(written)).as(written).isEqualTo(Map.of("K", value));
        }
        assertThatThrownBy(() -> SamKeyValues.pair("K", "ends\\", true)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void an_inline_table_is_read_but_an_edit_inside_it_is_refused_with_its_place() {
        Environments environments = Environments.parse(FILE, """
                version = 0.1
                prod = { deploy = { parameters = { stack_name = "p", region = "eu-west-1" } } }
                """);

        assertThat(environments.environment("prod").orElseThrow().stackName()).isEqualTo("p");
        assertThatThrownBy(() -> environments.set("prod", "eu-west-2", null, null, Map.of()))
                .isInstanceOf(TemplateException.class)
                .hasMessage(FILE + ":2:1: [prod.deploy.parameters] is written as an inline table here (write it as a "
                        + "[prod.deploy.parameters] table to edit it with stackdraft, or edit it by hand)");
    }

    @Test
    void dotted_keys_are_read_but_not_edited() {
        Environments environments = Environments.parse(FILE, """
                version = 0.1
                [prod]
                deploy.parameters.stack_name = "p"
                deploy.parameters.region = "eu-west-1"
                """);

        assertThat(environments.environment("prod").orElseThrow().region()).isEqualTo("eu-west-1");
        assertThatThrownBy(() -> environments.set("prod", "eu-west-2", null, null, Map.of()))
                .isInstanceOf(TemplateException.class).hasMessageStartingWith(FILE + ":4:1: prod.deploy.parameters.region"
                        + " is written with a dotted key here");
    }

    @Test
    void what_the_sam_cli_refuses_is_refused_with_file_line_col() {
        assertThatThrownBy(() -> Environments.parse(FILE, "[default.deploy.parameters]\nstack_name = \"x\"\n"))
                .hasMessage(FILE + ":1:1: the SAM CLI refuses this file: its 'version' is missing (put 'version = 0.1' at the top)");
        assertThatThrownBy(() -> Environments.parse(FILE, "version = 1\n[a.deploy.parameters]\n"))
                .hasMessageStartingWith(FILE + ":1:11: the SAM CLI refuses this file: its 'version' is not a number such as 0.1");
        assertThatThrownBy(() -> Environments.parse(FILE, "version = 0.1\n[a.b]\nx = 1\n[a.b]\ny = 2\n"))
                .hasMessageStartingWith(FILE + ":4:1: the table [a.b] is defined twice");
        assertThatThrownBy(() -> Environments.parse(FILE, "version = 0.1\n[a.b]\nx = 1\nx = 2\n"))
                .hasMessageStartingWith(FILE + ":4:1: the key x is defined twice in this table");
        assertThatThrownBy(() -> Environments.parse(FILE, "version = 0.1\nname = unquoted text\n"))
                .hasMessageStartingWith(FILE + ":2:8: 'unquoted' is not a TOML value");
    }

    @Test
    void every_toml_shape_reads_as_tomllib_reads_it() {
        String text = """
                # comment
                version = 0.1
                "quoted key" = 'literal \\ no escape'
                ml = \"\"\"
                line one \\
                  continued\"\"\"
                raw = '''
                first
                second'''
                ints = [1_000, 0xff, 0o7, 0b1, -3, +4]
                floats = [1.5, -2e3, 6.02E+2, inf, -inf]
                bools = [true, false]
                nested = [[1, 2], ["a"]]
                inline = { a = 1, b.c = "x" }
                [t1]
                a.b.c = 1
                [t1.sub]   # a comment after a header
                x = "\\u00e9\\t\\"q\\""
                [[arr]]
                n = 1
                [[arr]]
                n = 2
                """;
        TomlJudge.assumeAvailable();
        Object judged = TomlJudge.read(text);
        Object ours = TomlValue.plain(TomlDocument.parse("t.toml", text).root);
        assertThat(ours).isEqualTo(judged);
        assertThat(new TomlEditor(TomlDocument.parse("t.toml", text)).result()).isEqualTo(text);
    }

    @Test
    void set_writes_a_new_samconfig_atomically_and_write_refuses_a_file_changed_meanwhile(@TempDir Path dir) throws Exception {
        Environments none = Environments.read(dir);
        assertThat(none.exists()).isFalse();
        assertThat(none.list()).isEmpty();

        String text = none.set("dev", "us-east-1", "app-dev", null, Map.of());
        none.write(text);

        assertThat(Files.readString(dir.resolve("samconfig.toml"))).isEqualTo(text);
        Environments read = Environments.read(dir);
        assertThat(read.list()).extracting(Environment::name).containsExactly("dev");
        Files.writeString(dir.resolve("samconfig.toml"), text + "# changed by someone else\n");
        assertThatThrownBy(() -> read.write(read.remove("dev"))).hasMessageContaining("the file changed while it was being edited");
        try (var files = Files.list(dir)) {
            assertThat(files).extracting(p -> p.getFileName().toString()).containsExactly("samconfig.toml");
        }
    }

    @Test
    void the_sam_cli_prefers_toml_then_yaml_then_yml(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("samconfig.yml"), "version: 0.1\nyml: {deploy: {parameters: {region: us-east-1}}}\n");
        assertThat(Environments.read(dir).list()).extracting(Environment::name).containsExactly("yml");
        Files.writeString(dir.resolve("samconfig.yaml"), "version: 0.1\nyaml: {deploy: {parameters: {region: us-east-1}}}\n");
        assertThat(Environments.read(dir).list()).extracting(Environment::name).containsExactly("yaml");
        Files.writeString(dir.resolve("samconfig.toml"), "version = 0.1\n[toml.deploy.parameters]\nregion = \"us-east-1\"\n");
        assertThat(Environments.read(dir).list()).extracting(Environment::name).containsExactly("toml");
    }

    private static Map<String, String> ordered(String... kv) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            map.put(kv[i], kv[i + 1]);
        }
        return map;
    }
}
