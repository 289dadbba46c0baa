package dev.stackdraft.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TemplateEditorTest {

    private final TemplateReader reader = new TemplateReader();
    private final TemplateEditor editor = new TemplateEditor();

    private String edit(String name, String text, Change... changes) {
        return editor.apply(reader.read(name, text), List.of(changes)).text();
    }

    private static final String SAM = """
            AWSTemplateFormatVersion: '2010-09-09'
            Transform: AWS::Serverless-2016-10-31
            # the functions
            Resources:
              Fn:
                Type: AWS::Serverless::Function # inline comment
                Properties:
                  Handler: index.handler
                  Layers:
                    # the shared layer
                    - !Ref SharedLayer
                    - arn:aws:lambda:us-east-1:123456789012:layer:tools:3
              SharedLayer:
                Type: AWS::Serverless::LayerVersion
                Properties:
                  ContentUri: layer/
            """;

    @Test
    void item_appended_to_a_block_list_adds_one_line() {
        String out = edit("t.yaml", SAM, new Change.Insert(DocPath.of("Resources", "Fn", "Properties", "Layers"), 2,
                Value.string("arn:aws:lambda:us-east-1:123456789012:layer:more:1")));
        assertThat(out).isEqualTo(SAM.replace("layer:tools:3\n", "layer:tools:3\n        - arn:aws:lambda:us-east-1:123456789012:layer:more:1\n"));
    }

    @Test
    void item_inserted_first_goes_above_the_comments_of_the_old_first() {
        String out = edit("t.yaml", SAM, new Change.Insert(DocPath.of("Resources", "Fn", "Properties", "Layers"), 0,
                Value.ref("Other")));
        assertThat(out).contains("      Layers:\n        - !Ref Other\n        # the shared layer\n        - !Ref SharedLayer\n");
    }

    @Test
    void removed_item_takes_its_comment_along() {
        String out = edit("t.yaml", SAM, new Change.RemoveItem(DocPath.of("Resources", "Fn", "Properties", "Layers"), 0));
        assertThat(out).doesNotContain("the shared layer").doesNotContain("!Ref SharedLayer")
                .contains("# inline comment").contains("# the functions");
        assertThat(UnifiedDiff.changedLines(SAM, out)).isEqualTo(2);
    }

    @Test
    void key_renamed_in_place_and_ref_rewritten() {
        String out = edit("t.yaml", SAM,
                new Change.RenameKey(DocPath.of("Resources"), "SharedLayer", "CommonLayer"),
                new Change.Replace(DocPath.of("Resources", "Fn", "Properties", "Layers", 0, "Ref"), Value.string("CommonLayer")));
        assertThat(out).isEqualTo(SAM.replace("SharedLayer", "CommonLayer"));
    }

    @Test
    void put_adds_a_nested_block_in_the_files_indentation() {
        String out = edit("t.yaml", SAM, new Change.Put(DocPath.of("Resources", "SharedLayer", "Properties"), "Tags",
                Value.mapping(List.of(Value.entry("team", Value.string("payments"))))));
        assertThat(out).contains("      ContentUri: layer/\n      Tags:\n        team: payments\n");
    }

    @Test
    void key_put_after_a_literal_block_goes_below_the_space_lines_the_block_means() {
        String code = "        ZipFile: |\n          x\n          \n            \n";
        String text = "Resources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      Code:\n" + code
                + "    \n\n  Other:\n    Type: AWS::SNS::Topic\n";
        DocPath zipFile = DocPath.of("Resources", "Fn", "Properties", "Code", "ZipFile");
        Template before = reader.read("t.yaml", text);

        Template after = editor.apply(before, List.of(new Change.Put(DocPath.of("Resources", "Fn", "Properties"),
                "Description", Value.string("inline")))).after();

        assertThat(before.at(zipFile)).get().extracting(v -> ((Value.Scalar) v).text()).isEqualTo("x\n\n  \n");
        assertThat(after.source().text()).isEqualTo(text.replace(code, code + "      Description: inline\n"));
        assertThat(Plain.of(after.at(zipFile).orElseThrow())).isEqualTo(Plain.of(before.at(zipFile).orElseThrow()));
    }

    @Test
    void removed_key_leaves_the_rest_byte_identical() {
        String out = edit("t.yaml", SAM, new Change.RemoveKey(DocPath.of("Resources", "Fn", "Properties"), "Handler"));
        assertThat(out).isEqualTo(SAM.replace("      Handler: index.handler\n", ""));
    }

    @Test
    void json_gets_json_in_its_own_indentation() {
        String json = "{\n\t\"Resources\": {\n\t\t\"Fn\": {\n\t\t\t\"Type\": \"AWS::Lambda::Function\",\n\t\t\t\"Properties\": {\n\t\t\t\t\"Layers\": [\n\t\t\t\t\t{\"Ref\": \"L\"}\n\t\t\t\t]\n\t\t\t}\n\t\t}\n\t}\n}";
        String out = edit("t.json", json, new Change.Insert(DocPath.of("Resources", "Fn", "Properties", "Layers"), 1,
                Value.string("arn:aws:lambda:us-east-1:123456789012:layer:x:1")));
        assertThat(out).isEqualTo(json.replace("{\"Ref\": \"L\"}", "{\"Ref\": \"L\"},\n\t\t\t\t\t\"arn:aws:lambda:us-east-1:123456789012:layer:x:1\""));
    }

    @Test
    void crlf_file_stays_crlf_and_keeps_missing_final_newline() {
        String crlf = SAM.replace("\n", "\r\n").stripTrailing();
        String out = edit("t.yaml", crlf, new Change.Put(DocPath.of("Resources", "SharedLayer", "Properties"), "Description",
                Value.string("shared code")));
        assertThat(out).isEqualTo(crlf + "\r\n      Description: shared code");
    }

    @Test
    void flow_list_gets_a_flow_item() {
        String text = "Resources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      Layers: [!Ref A, !Ref B]\n";
        String out = edit("t.yaml", text, new Change.Insert(DocPath.of("Resources", "Fn", "Properties", "Layers"), 2, Value.ref("C")));
        assertThat(out).isEqualTo(text.replace("!Ref B]", "!Ref B, !Ref C]"));
    }

    @Test
    void strings_that_would_read_as_other_types_are_quoted() {
        String out = edit("t.yaml", SAM, new Change.Put(DocPath.of("Resources", "SharedLayer", "Properties"), "Description",
                Value.string("true")));
        assertThat(reader.read("t.yaml", out).resource("SharedLayer").orElseThrow().property("Description"))
                .get().isEqualTo(reader.read("t.yaml", out).resource("SharedLayer").orElseThrow().property("Description").get());
        assertThat(out).contains("Description: 'true'");
    }

    @Test
    void edit_of_a_file_with_duplicate_keys_is_refused() {
        String text = "Resources:\n  A:\n    Type: AWS::SNS::Topic\n  A:\n    Type: AWS::SQS::Queue\n";
        Template template = reader.read("t.yaml", text);
        assertThatThrownBy(() -> editor.apply(template, List.of(new Change.RemoveKey(DocPath.of("Resources"), "A"))))
                .isInstanceOf(TemplateException.class).hasMessageContaining("duplicate key 'A'");
    }

    @Test
    void a_key_put_before_another_goes_above_that_ones_comments_and_keeps_the_blank_line_between_sections() {
        String text = """
                # A queue, and nothing else.
                AWSTemplateFormatVersion: '2010-09-09'

                # the queue
                Resources:
                  Queue:
                    Type: AWS::SQS::Queue
                """;
        Value parameter = Value.mapping(List.of(Value.entry("Delay", Value.mapping(List.of(Value.entry("Type", Value.string("Number")))))));

        String beforeResources = edit("t.yaml", text, new Change.PutBefore(DocPath.ROOT, "Resources", "Parameters", parameter));
        String beforeFirst = edit("t.yaml", text, new Change.PutBefore(DocPath.ROOT, "AWSTemplateFormatVersion", "Parameters", parameter));

        assertThat(beforeResources).isEqualTo(text.replace("# the queue\n", "Parameters:\n  Delay:\n    Type: Number\n\n# the queue\n"));
        assertThat(beforeFirst).as("the comment at the top of the file stays at the top")
                .startsWith("# A queue, and nothing else.\nParameters:\n  Delay:\n    Type: Number\nAWSTemplateFormatVersion");
    }

    @Test
    void nothing_to_change_is_no_refusal_even_in_a_file_with_a_duplicate_key() {
        Template duplicate = reader.read("t.yaml", "Resources:\n  Q:\n    Type: AWS::SQS::Queue\n  Q:\n    Type: AWS::SNS::Topic\n");

        assertThat(editor.apply(duplicate, List.of()).changed()).isFalse();
    }

    @Test
    void a_typed_value_is_read_with_lines_and_columns_of_its_own() {
        assertThat(reader.readValue("value", "!GetAtt Orders.Arn")).isInstanceOf(Value.Intrinsic.class);
        assertThatThrownBy(() -> reader.readValue("value", "A: 1\nB: [1, 2"))
                .isInstanceOf(TemplateException.class).hasMessageStartingWith("value:2:4: this '[' is never closed");
        assertThatThrownBy(() -> reader.readValue("value", "A: 1\nA: 2"))
                .hasMessageStartingWith("value:2:1: duplicate key 'A'");
        assertThatThrownBy(() -> reader.readValue("value", "# only a comment"))
                .hasMessageStartingWith("value:1:1: there are only comments, no value");
    }

    @Test
    void the_earlier_of_a_repeated_key_is_the_one_change_a_file_with_duplicate_keys_takes() {
        String text = "Resources:\n  # the old one\n  A:\n    Type: AWS::SNS::Topic\n  A:\n    Type: AWS::SQS::Queue\n";
        Template template = reader.read("t.yaml", text);

        EditResult result = editor.apply(template, List.of(new Change.RemoveRepeatedKey(DocPath.of("Resources"), 0)));

        assertThat(result.text()).isEqualTo("Resources:\n  A:\n    Type: AWS::SQS::Queue\n");
        assertThat(result.after().hasReadErrors()).isFalse();
    }

    @Test
    void an_entry_put_at_an_index_goes_below_the_one_before_or_above_the_first() {
        String text = "# header\nAWSTemplateFormatVersion: '2010-09-09'\n\nResources: {}\n";

        assertThat(edit("t.yaml", text, new Change.PutAt(DocPath.ROOT, 1, "Description", Value.string("d"))))
                .isEqualTo("# header\nAWSTemplateFormatVersion: '2010-09-09'\nDescription: d\n\nResources: {}\n");
        assertThat(edit("t.yaml", text, new Change.PutAt(DocPath.ROOT, 0, "Description", Value.string("d"))))
                .isEqualTo("# header\nDescription: d\nAWSTemplateFormatVersion: '2010-09-09'\n\nResources: {}\n");
        assertThat(edit("t.json", "{\"Resources\": {}}", new Change.PutAt(DocPath.ROOT, 0, "Description", Value.string("d"))))
                .isEqualTo("{\"Description\": \"d\", \"Resources\": {}}");
    }

    @Test
    void several_last_items_of_a_flow_list_go_together() {
        String text = "Resources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      Layers: [!Ref A, !Ref B, !Ref C, !Ref D]\n";
        DocPath layers = DocPath.of("Resources", "Fn", "Properties", "Layers");

        assertThat(edit("t.yaml", text, new Change.RemoveItem(layers, 2), new Change.RemoveItem(layers, 3),
                new Change.RemoveItem(layers, 0))).isEqualTo(text.replace("[!Ref A, !Ref B, !Ref C, !Ref D]", "[!Ref B]"));
    }

    @Test
    void several_last_entries_of_a_json_object_go_together() {
        String json = "{\"Resources\": {\"A\": {\"Type\": \"AWS::SNS::Topic\"}, \"B\": {\"Type\": \"AWS::SNS::Topic\"},"
                + " \"C\": {\"Type\": \"AWS::SNS::Topic\"}}}";

        assertThat(edit("t.json", json, new Change.RemoveKey(DocPath.of("Resources"), "B"),
                new Change.RemoveKey(DocPath.of("Resources"), "C")))
                .isEqualTo("{\"Resources\": {\"A\": {\"Type\": \"AWS::SNS::Topic\"}}}");
    }

    @Test
    void several_insertions_at_one_index_keep_their_order() {
        String out = edit("t.yaml", SAM,
                new Change.Insert(DocPath.of("Resources", "Fn", "Properties", "Layers"), 1, Value.ref("X")),
                new Change.Insert(DocPath.of("Resources", "Fn", "Properties", "Layers"), 1, Value.ref("Z")));

        assertThat(out).contains("        - !Ref SharedLayer\n        - !Ref X\n        - !Ref Z\n        - arn:");
    }

    @Test
    void an_entry_set_apart_by_blank_lines_takes_one_of_them_along() {
        String text = "Resources:\n  A:\n    Type: AWS::SNS::Topic\n\n  B:\n    Type: AWS::SNS::Topic\n\n  C:\n    Type: AWS::SNS::Topic\n";

        assertThat(edit("t.yaml", text, new Change.RemoveKey(DocPath.of("Resources"), "B")))
                .isEqualTo("Resources:\n  A:\n    Type: AWS::SNS::Topic\n\n  C:\n    Type: AWS::SNS::Topic\n");
        assertThat(edit("t.yaml", "Resources:\n  A:\n    Type: AWS::SNS::Topic\n\n  C:\n    Type: AWS::SNS::Topic\n",
                new Change.RemoveKey(DocPath.of("Resources"), "A")))
                .as("no blank line left right below the parent's key")
                .isEqualTo("Resources:\n  C:\n    Type: AWS::SNS::Topic\n");
    }
}
