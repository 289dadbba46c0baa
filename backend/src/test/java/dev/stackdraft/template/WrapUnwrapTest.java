package dev.stackdraft.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link Change.Wrap} puts a value inside another keeping its text; {@link Change.Unwrap} gives back the very bytes. */
class WrapUnwrapTest {

    private static final DocPath HOLE = DocPath.of("Fn::If", 1);

    private final TemplateReader reader = new TemplateReader();
    private final TemplateEditor editor = new TemplateEditor();

    /** Wraps the value at {@code path} in {@code !If [C, <it>, existing]}, checks that unwrapping gives back the text. */
    private String wrapped(String file, String text, DocPath path, Value existing) {
        Template template = reader.read(file, text);
        Value wrapper = Value.intrinsic(Fn.IF, Value.sequence(List.of(Value.string("C"), Value.string(""), existing)));
        EditResult wrapped = editor.apply(template, List.of(new Change.Wrap(path, wrapper, HOLE)));
        EditResult unwrapped = editor.apply(wrapped.after(), List.of(new Change.Unwrap(path, HOLE)));
        assertThat(unwrapped.text()).isEqualTo(text);
        return wrapped.text();
    }

    private static Value split() {
        return Value.intrinsic(Fn.SELECT, Value.sequence(List.of(Value.number(1),
                Value.intrinsic(Fn.SPLIT, Value.sequence(List.of(Value.string("/"), Value.ref("P")))))));
    }

    @Test
    void a_short_form_reference_keeps_its_quotes_inside_the_if() {
        String text = """
                Resources:
                  F:
                    Type: X
                    Properties:
                      Table: !Ref "T"   # the table
                      Arn: !GetAtt [T, Arn]
                """;
        assertThat(wrapped("t.yaml", text, DocPath.of("Resources", "F", "Properties", "Table"), Value.ref("P")))
                .contains("      Table: !If [C, !Ref \"T\", !Ref P]   # the table\n");
        assertThat(wrapped("t.yaml", text, DocPath.of("Resources", "F", "Properties", "Arn"), split()))
                .contains("""
                              Arn: !If
                                - C
                                - !GetAtt [T, Arn]
                                - !Select
                        """);
    }

    @Test
    void a_scalar_argument_in_flow_notation_is_quoted_by_flows_rules() {
        String text = """
                Resources:
                  F:
                    Type: X
                    Properties:
                      Arn: !GetAtt T.Arn
                """;
        Value sub = Value.intrinsic(Fn.SUB, Value.string("${P}/index/*"));
        assertThat(wrapped("t.yaml", text, DocPath.of("Resources", "F", "Properties", "Arn"), sub))
                .contains("      Arn: !If [C, !GetAtt T.Arn, !Sub '${P}/index/*']\n");
    }

    @Test
    void a_long_form_reference_on_its_own_line_stays_in_long_form() {
        String text = """
                Resources:
                  F:
                    Type: X
                    Properties:
                      Table:
                        Fn::GetAtt:
                          - T
                          - Arn
                """;
        assertThat(wrapped("t.yaml", text, DocPath.of("Resources", "F", "Properties", "Table"), Value.ref("P")))
                .contains("""
                              Table:
                                Fn::If:
                                  - C
                                  - Fn::GetAtt:
                                      - T
                                      - Arn
                        """);
    }

    @Test
    void a_literal_sub_under_base64_goes_in_long_form_and_comes_back() {
        String text = """
                Resources:
                  T:
                    Type: X
                    Properties:
                      UserData: !Base64
                        Fn::Sub: |
                          #!/bin/bash -xe
                          echo ${T}

                  U:
                    Type: X
                """;
        assertThat(wrapped("t.yaml", text, DocPath.of("Resources", "T", "Properties", "UserData", "Fn::Base64"), Value.ref("P")))
                .contains("""
                              UserData: !Base64
                                Fn::If:
                                  - C
                                  - Fn::Sub: |
                                      #!/bin/bash -xe
                                      echo ${T}
                        """);
    }

    @Test
    void a_flow_reference_beside_a_key_stays_on_its_line() {
        String text = """
                Resources:
                  F:
                    Type: X
                    Properties:
                      Table: { Ref: T }
                      Other: {Ref: U}
                """;
        assertThat(wrapped("t.yaml", text, DocPath.of("Resources", "F", "Properties", "Table"), Value.ref("P")))
                .contains("      Table: {Fn::If: [C, { Ref: T }, {Ref: P}]}\n");
    }

    @Test
    void a_json_reference_keeps_its_own_lines_moved_right() {
        String text = """
                {
                  "Resources": {
                    "F": {
                      "Type": "X",
                      "Properties": {
                        "Table": {
                          "Ref": "T"
                        }
                      }
                    }
                  }
                }
                """;
        assertThat(wrapped("t.json", text, DocPath.of("Resources", "F", "Properties", "Table"), split()))
                .contains("""
                                "Table": {
                                  "Fn::If": [
                                    "C",
                                    {
                                      "Ref": "T"
                                    },
                        """);
    }
}
