package dev.stackdraft.editing;

import static dev.stackdraft.editing.PropertyFormsTest.sample;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stackdraft.edit.Editor;
import dev.stackdraft.template.Template;
import dev.stackdraft.template.TemplateReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The orders-service sample changed through its forms and section panels, as a user would: a plain value, a new
 * value, a function typed in, a line inside a block of YAML, a new parameter, condition and output, Globals, a removed
 * output. {@code cfn-lint} must find nothing wrong in the result, as in the original, and the SAM translator must say
 * of it what it says of the original. Skipped, saying so, where the tools are not installed.
 */
class FormsOutsideJudgesTest {

    @TempDir
    Path work;

    private Template changedSample() {
        Template template = new TemplateReader().read("template.yaml", sample("orders-service/template.yaml"));
        EditingSession session = new EditingSession(1, template, new Editor());
        session.apply(PropertyForms.set(session.current(), "GetOrderFunction", "Handler", "app.get"));
        session.apply(PropertyForms.set(session.current(), "ListOrdersFunction", "Timeout", "30"));
        session.apply(PropertyForms.set(session.current(), "CreateOrderFunction", "Description", "!Sub \"Creates ${Stage} orders\""));
        String events = PropertyForms.of(session.current(), "CreateOrderFunction").stream()
                .filter(f -> f.name().equals("Events")).map(f -> ((FieldValue.Yaml) f.value()).yaml()).findFirst().orElseThrow();
        session.apply(PropertyForms.set(session.current(), "CreateOrderFunction", "Events", events.replace("/orders", "/orders/new")));
        session.apply(TemplateSections.set(session.current(), "Parameters", "TracingMode", """
                Type: String
                Default: PassThrough
                AllowedValues: [Active, PassThrough]"""));
        session.apply(TemplateSections.set(session.current(), "Conditions", "IsProd", "!Equals [!Ref Stage, prod]"));
        session.apply(PropertyForms.set(session.current(), "ListOrdersFunction", "Tracing", "!If [IsProd, Active, !Ref TracingMode]"));
        String globals = TemplateSections.of(session.current()).stream().filter(e -> e.section().equals("Globals"))
                .findFirst().orElseThrow().yaml();
        session.apply(TemplateSections.set(session.current(), "Globals", "Function", globals.replace("MemorySize: 256", "MemorySize: 512")));
        session.apply(TemplateSections.set(session.current(), "Outputs", "CreateOrderFunctionArn", "Value: !GetAtt CreateOrderFunction.Arn"));
        session.apply(TemplateSections.remove(session.current(), "Outputs", "GraphQLUrl"));
        assertThat(session.pending()).hasSize(10);
        return session.current();
    }

    @Test
    void cfn_lint_and_the_sam_translator_accept_the_sample_changed_through_its_forms() throws Exception {
        Template changed = changedSample();
        Path before = work.resolve("before.yaml");
        Path after = work.resolve("after.yaml");
        Files.writeString(before, sample("orders-service/template.yaml"));
        Files.write(after, changed.source().bytes());
        assertThat(changed.source().text()).contains("# Settings every function shares.", "# ---- Data ----",
                "Path: /orders/new", "Tracing: !If [IsProd, Active, !Ref TracingMode]", "MemorySize: 512");

        boolean lint = run(List.of("sh", "-c", "command -v cfn-lint")).exitCode == 0;
        boolean sam = run(List.of("python3", "-c", "import samtranslator")).exitCode == 0;
        Assumptions.assumeTrue(lint || sam, "neither cfn-lint nor aws-sam-translator is installed: outside judges skipped");
        if (lint) {
            Run original = run(List.of("cfn-lint", "--format", "parseable", "--", before.toString()));
            Run edited = run(List.of("cfn-lint", "--format", "parseable", "--", after.toString()));
            assertThat(original.output).as("cfn-lint on the sample").isEmpty();
            assertThat(edited.output).as("cfn-lint on the changed sample").isEmpty();
        }
        if (sam) {
            Path script = Path.of("src/test/resources/judges/sam_translate.py").toAbsolutePath();
            // the sample's CodeUri are local folders, which only `sam build`/`sam package` turn into S3 addresses: the
            // translator says so of the original, and must say exactly that of the changed sample, nothing more
            String original = run(List.of("python3", script.toString(), before.toString())).output.replace(before.toString(), "");
            String edited = run(List.of("python3", script.toString(), after.toString())).output.replace(after.toString(), "");
            assertThat(original).startsWith("\tINVALID").contains("CodeUri");
            assertThat(edited).as("SAM translation of the changed sample").isEqualTo(original);
        }
    }

    private record Run(int exitCode, String output) {}

    private static Run run(List<String> command) throws Exception {
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().put("AWS_DEFAULT_REGION", "us-east-1");
            Process process = builder.start();
            byte[] out = process.getInputStream().readAllBytes();
            process.waitFor(5, TimeUnit.MINUTES);
            return new Run(process.exitValue(), new String(out, StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            return new Run(127, e.getMessage());
        }
    }
}
