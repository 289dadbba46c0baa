package dev.stackdraft.edit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stackdraft.template.EditResult;
import dev.stackdraft.template.Plain;
import dev.stackdraft.template.Template;
import dev.stackdraft.template.TemplateException;
import dev.stackdraft.template.TemplateReader;
import dev.stackdraft.template.Value;
import dev.stackdraft.validation.TemplateValidator;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeepLastDuplicateKeysTest {

    private static final String REPEATED = """
            Transform: AWS::Serverless-2016-10-31
            Resources:
              Fn:
                Type: AWS::Serverless::Function
                Properties:
                  # was too short
                  Timeout: 3
                  Handler: app.handler
                  Runtime: python3.12
                  CodeUri: src/
                  Timeout: 12
            """;

    private final TemplateReader reader = new TemplateReader();
    private final Editor editor = new Editor();

    @Test
    void other_edits_of_a_file_with_a_repeated_key_are_refused() {
        Template template = reader.read("template.yaml", REPEATED);

        assertThat(template.hasReadErrors()).isTrue();
        assertThatThrownBy(() -> editor.apply(template, new SetProperty("Fn", List.of("MemorySize"), Value.number(256))))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("the file is not edited while it has this problem: duplicate key 'Timeout'");
    }

    @Test
    void keeping_the_last_is_let_through_and_means_what_readers_read() {
        Template template = reader.read("template.yaml", REPEATED);

        EditResult result = editor.apply(template, new KeepLastDuplicateKeys());

        assertThat(result.text()).isEqualTo(REPEATED.replace("      # was too short\n      Timeout: 3\n", ""));
        assertThat(Plain.of(result.after().root())).isEqualTo(Plain.of(template.root()));
        assertThat(new TemplateValidator().validate(result.after())).noneMatch(f -> f.code().equals("duplicate-key"));
        // and now the file can be edited again
        assertThat(editor.apply(result.after(), new SetProperty("Fn", List.of("MemorySize"), Value.number(256))).text())
                .contains("MemorySize: 256");
    }

    @Test
    void a_file_without_a_repeated_key_has_nothing_to_keep() {
        Template template = reader.read("template.yaml", REPEATED.replace("      Timeout: 12\n", ""));

        assertThatThrownBy(() -> editor.apply(template, new KeepLastDuplicateKeys()))
                .isInstanceOf(EditRefusedException.class).hasMessageContaining("no key is repeated in this file");
    }

    @Test
    void a_key_a_merge_key_brought_in_is_no_repeated_key() {
        Template template = reader.read("template.yaml", """
                Resources:
                  Base: &base
                    Type: AWS::SQS::Queue
                  Queue:
                    <<: *base
                    Type: AWS::SQS::Queue
                    Type: AWS::SNS::Topic
                """);

        EditResult result = editor.apply(template, new KeepLastDuplicateKeys());

        assertThat(result.text()).contains("    <<: *base\n    Type: AWS::SNS::Topic\n").doesNotContain("Type: AWS::SQS::Queue\n    Type");
        assertThat(result.after().hasReadErrors()).isFalse();
    }
}
