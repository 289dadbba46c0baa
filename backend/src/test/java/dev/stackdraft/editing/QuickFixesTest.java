package dev.stackdraft.editing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stackdraft.edit.AddSamTransform;
import dev.stackdraft.edit.Editor;
import dev.stackdraft.edit.KeepLastDuplicateKeys;
import dev.stackdraft.template.Finding;
import dev.stackdraft.template.Template;
import dev.stackdraft.template.TemplateReader;
import dev.stackdraft.validation.TemplateValidator;
import java.util.List;
import org.junit.jupiter.api.Test;

class QuickFixesTest {

    private final TemplateReader reader = new TemplateReader();
    private final TemplateValidator validator = new TemplateValidator();
    private final Editor editor = new Editor();

    private Finding only(Template template, String code) {
        List<Finding> found = validator.validate(template).stream().filter(f -> f.code().equals(code)).toList();
        assertThat(found).hasSize(1);
        return found.getFirst();
    }

    /** Applies the one fix offered for the finding with {@code code} and says whether that finding is gone after. */
    private Template fixed(Template template, String code, String label) {
        List<QuickFix> fixes = QuickFixes.of(template, only(template, code));
        assertThat(fixes).extracting(QuickFix::label).containsExactly(label);
        Template after = editor.apply(template, fixes.getFirst().command()).after();
        assertThat(validator.validate(after)).noneMatch(f -> f.code().equals(code));
        return after;
    }

    @Test
    void a_repeated_key_is_fixed_by_keeping_the_last_one() {
        Template template = reader.read("template.yaml", """
                Transform: AWS::Serverless-2016-10-31
                Globals:
                  Function:
                    Timeout: 3
                    MemorySize: 128
                    Timeout: 10
                Resources:
                  Q:
                    Type: AWS::SQS::Queue
                """);

        Template after = fixed(template, "duplicate-key", "Keep the last 'Timeout' (line 6), remove the one at line 4");

        assertThat(after.source().text()).contains("    MemorySize: 128\n    Timeout: 10\n").doesNotContain("Timeout: 3");
        assertThat(QuickFixes.of(template, only(template, "duplicate-key")).getFirst().command())
                .isEqualTo(new KeepLastDuplicateKeys());
    }

    @Test
    void the_label_counts_every_earlier_one_and_the_other_repeated_keys() {
        Template template = reader.read("template.yaml", """
                Resources:
                  Q:
                    Type: AWS::SQS::Queue
                    Properties: {DelaySeconds: 1, DelaySeconds: 2, DelaySeconds: 3}
                  T:
                    Type: AWS::SNS::Topic
                    Type: AWS::SNS::Topic
                """);
        Finding third = validator.validate(template).stream().filter(f -> f.code().equals("duplicate-key"))
                .filter(f -> f.location().line() == 4 && f.location().column() > 40).findFirst().orElseThrow();

        assertThat(QuickFixes.of(template, third)).extracting(QuickFix::label).containsExactly(
                "Keep the last 'DelaySeconds' (line 4, column 52), remove the ones at line 4, column 18 and line 4, column 35"
                        + " (and 1 other repeated key in the file)");
    }

    @Test
    void a_sam_resource_without_the_transform_gets_it() {
        Template template = reader.read("template.yaml", """
                AWSTemplateFormatVersion: "2010-09-09"
                Resources:
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: app.handler
                      Runtime: python3.12
                      CodeUri: src/
                """);

        Template after = fixed(template, "missing-transform", "Add the SAM transform");

        assertThat(after.source().text()).startsWith("AWSTemplateFormatVersion: \"2010-09-09\"\nTransform: AWS::Serverless-2016-10-31\n");
        assertThat(QuickFixes.of(template, only(template, "missing-transform")).getFirst().command()).isEqualTo(new AddSamTransform());
    }

    @Test
    void a_misspelt_property_is_renamed_to_what_the_finding_suggests() {
        Template template = reader.read("template.yaml", """
                Resources:
                  Q:
                    Type: AWS::SQS::Queue
                    Properties:
                      DelaySecond: 5  # a typo
                """);

        Template after = fixed(template, "unknown-property", "Rename 'DelaySecond' to 'DelaySeconds'");

        assertThat(after.source().text()).contains("      DelaySeconds: 5  # a typo\n");
    }

    @Test
    void a_misspelt_resource_attribute_is_renamed_too() {
        Template template = reader.read("template.yaml", """
                Resources:
                  Q:
                    Type: AWS::SQS::Queue
                    DeletionPolicey: Retain
                """);

        fixed(template, "unknown-resource-key", "Rename 'DeletionPolicey' to 'DeletionPolicy'");
    }

    @Test
    void a_finding_without_an_obvious_fix_has_none() {
        Template template = reader.read("template.yaml", """
                Resources:
                  Q:
                    Type: AWS::SQS::Queue
                    Properties:
                      Colour: blue
                """);

        assertThat(QuickFixes.of(template, only(template, "unknown-property"))).isEmpty();
    }
}
