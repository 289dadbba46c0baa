package dev.stackdraft.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.stackdraft.template.Value.Intrinsic;
import dev.stackdraft.template.Value.Mapping;
import dev.stackdraft.template.Value.Scalar;
import dev.stackdraft.template.Value.ScalarKind;
import dev.stackdraft.template.Value.ScalarStyle;
import dev.stackdraft.template.Value.Sequence;
import dev.stackdraft.template.Value.Tagged;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What the reader keeps although it is unusual: duplicate keys (reported, last wins), unknown tags (reported,
 * untouched), YAML's own tags, anchors, aliases and merge keys, CRLF, a byte-order mark, no final newline,
 * non-ASCII text and emoji, with every {@link Span} pointing at the exact text.
 */
class ReaderKeptTest {

    private final TemplateReader reader = new TemplateReader();

    static byte[] resource(String name) {
        try (InputStream in = ReaderKeptTest.class.getResourceAsStream("/reader/" + name)) {
            assertThat(in).as("test resource reader/%s", name).isNotNull();
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The value at a path of keys (and list indexes) from the root. */
    static Value at(Template template, Object... path) {
        return template.at(DocPath.of(path)).orElseThrow(() -> new AssertionError("nothing at " + List.of(path)));
    }

    static String written(Template template, Value value) {
        Span span = value.span();
        return template.source().text().substring(span.start(), span.end());
    }

    static Scalar scalar(Value value) {
        assertThat(value).isInstanceOf(Scalar.class);
        return (Scalar) value;
    }

    // --- duplicate keys ---------------------------------------------------------------------------------------

    private static final String DUPLICATES = """
            Resources:
              Queue:
                Type: AWS::SQS::Queue
                Properties:
                  DelaySeconds: 5
                  VisibilityTimeout: 30
                  DelaySeconds: 10
              Topic:
                Type: AWS::SNS::Topic
              Queue:
                Type: AWS::SQS::Queue
                Properties:
                  MessageRetentionPeriod: 60
            Outputs:
              QueueUrl:
                Value: !Ref Queue
              QueueUrl:
                Value: !GetAtt Queue.Arn
            """;

    @Test
    void duplicate_keys_are_read_last_wins_and_reported_with_both_lines() {
        Template template = reader.read("dup.yaml", DUPLICATES);
        assertThat(template.findings()).extracting(Finding::code).containsOnly("duplicate-key");
        assertThat(template.findings()).extracting(f -> f.location().line(), f -> f.location().column())
                .containsExactlyInAnyOrder(tuple(7, 7), tuple(10, 3),
                        tuple(17, 3));
        Finding delay = template.findings().stream().filter(f -> f.location().line() == 7).findFirst().orElseThrow();
        assertThat(delay.isError()).isTrue();
        assertThat(delay.message()).contains("'DelaySeconds'", "first at line 5");
        assertThat(template.findings()).filteredOn(f -> f.location().line() == 10).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("'Queue'", "first at line 2"));
        assertThat(template.hasReadErrors()).isTrue();
    }

    @Test
    void with_duplicate_keys_the_last_value_is_the_one_that_counts() {
        Template template = reader.read("dup.yaml", DUPLICATES);
        Mapping resources = template.root().mapping("Resources").orElseThrow();
        assertThat(resources.keys()).containsExactly("Queue", "Topic", "Queue");
        Mapping queue = resources.mapping("Queue").orElseThrow();
        assertThat(queue.mapping("Properties").orElseThrow().keys()).containsExactly("MessageRetentionPeriod");
        // the first Queue's own duplicate: last wins too
        Mapping firstQueue = (Mapping) resources.entries().getFirst().value();
        assertThat(firstQueue.mapping("Properties").orElseThrow().string("DelaySeconds")).contains("10");
        assertThat(template.root().mapping("Outputs").orElseThrow().mapping("QueueUrl").orElseThrow().get("Value"))
                .get().isInstanceOfSatisfying(Intrinsic.class, i -> assertThat(i.fn()).isEqualTo(Fn.GET_ATT));
        // one resource per logical id: the last definition
        assertThat(template.resources()).extracting(r -> r.id().value()).containsExactly("Topic", "Queue");
        Resource counted = template.resource("Queue").orElseThrow();
        assertThat(counted.line()).isEqualTo(10);
        assertThat(counted.property("MessageRetentionPeriod")).isPresent();
        String lastOnly = DUPLICATES.replace("""
                  Queue:
                    Type: AWS::SQS::Queue
                    Properties:
                      DelaySeconds: 5
                      VisibilityTimeout: 30
                      DelaySeconds: 10
                """, "").replace("""
                  QueueUrl:
                    Value: !Ref Queue
                """, "");
        assertThat(lastOnly).isNotEqualTo(DUPLICATES);
        assertThat(Plain.of(template.root())).isEqualTo(Plain.of(reader.read("last.yaml", lastOnly).root()));
        assertThat(template.source().text()).isEqualTo(DUPLICATES);
    }

    @Test
    void duplicate_keys_in_json_are_kept_the_same_way() {
        String json = """
                {
                  "Resources": {
                    "Topic": {"Type": "AWS::SNS::Topic", "Properties": {"TopicName": "a", "TopicName": "b"}},
                    "Topic": {"Type": "AWS::SNS::Topic", "Properties": {"TopicName": "c"}}
                  }
                }
                """;
        Template template = reader.read("dup.json", json);
        assertThat(template.findings()).extracting(f -> f.location().line() + ":" + f.location().column())
                .containsExactlyInAnyOrder("3:75", "4:5");
        assertThat(template.findings()).allSatisfy(f -> assertThat(f.message()).contains("first at line 3"));
        assertThat(template.resources()).singleElement()
                .satisfies(r -> assertThat(r.properties().orElseThrow().string("TopicName")).contains("c"));
    }

    // --- tags ---------------------------------------------------------------------------------------------------

    private static final String RAIN = """
            Resources:
              Function:
                Type: AWS::Lambda::Function
                Properties:
                  Code:
                    ZipFile: !Rain::Embed handler.py
                  Description: !Rain::S3Http  'site/index.html'
              Bucket: !Rain::Module
                Source: modules/bucket.yaml
                Name: logs
              Policy:
                Type: !Rain::Module "bucket-policy.yaml"
                Properties:
                  PolicyBucketName: logs
            """;

    @Test
    void an_unknown_tag_is_kept_as_a_tagged_value_with_a_warning() {
        Template template = reader.read("rain.yaml", RAIN);
        Value embed = at(template, "Resources", "Function", "Properties", "Code", "ZipFile");
        assertThat(embed).isInstanceOfSatisfying(Tagged.class, t -> {
            assertThat(t.tag()).isEqualTo("!Rain::Embed");
            assertThat(scalar(t.value()).text()).isEqualTo("handler.py");
            assertThat(written(template, t)).isEqualTo("!Rain::Embed handler.py");
            assertThat(written(template, t.value())).isEqualTo("handler.py");
        });
        Value http = at(template, "Resources", "Function", "Properties", "Description");
        assertThat(written(template, http)).isEqualTo("!Rain::S3Http  'site/index.html'");
        assertThat(written(template, ((Tagged) http).value())).isEqualTo("'site/index.html'");
        assertThat(template.unknownTags()).extracting(Tagged::tag)
                .containsExactly("!Rain::Embed", "!Rain::S3Http", "!Rain::Module", "!Rain::Module");
        assertThat(template.findings()).filteredOn(f -> f.code().equals("unknown-tag"))
                .extracting(f -> f.severity(), f -> f.location().line(), f -> f.location().column())
                .containsExactly(tuple(Finding.Severity.WARNING, 6, 18),
                        tuple(Finding.Severity.WARNING, 7, 20),
                        tuple(Finding.Severity.WARNING, 8, 11),
                        tuple(Finding.Severity.WARNING, 12, 11));
        assertThat(template.findings()).filteredOn(f -> f.code().equals("unknown-tag"))
                .allSatisfy(f -> assertThat(f.message()).contains("kept as written"));
        assertThat(Plain.of(embed)).isEqualTo(new Plain.Tag("!Rain::Embed", new Plain.Atom("handler.py", ScalarKind.STRING)));
        assertThat(template.source().bytes()).isEqualTo(RAIN.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void a_tagged_mapping_is_kept_and_does_not_stop_the_reading() {
        Template template = reader.read("rain.yaml", RAIN);
        Value module = at(template, "Resources", "Bucket");
        assertThat(module).isInstanceOfSatisfying(Tagged.class, t -> {
            assertThat(t.value()).isInstanceOf(Mapping.class);
            assertThat(((Mapping) t.value()).string("Source")).contains("modules/bucket.yaml");
            assertThat(written(template, t)).startsWith("!Rain::Module").endsWith("Name: logs");
        });
        // a preprocessor makes that resource: it is kept in the tree, warned about, and no resource of its own
        assertThat(template.resources()).extracting(r -> r.id().value()).containsExactly("Function", "Policy");
    }

    @Test
    void a_type_under_an_unknown_tag_is_reported_as_needing_a_preprocessor() {
        Template template = reader.read("rain.yaml", RAIN);
        Resource policy = template.resource("Policy").orElseThrow();
        assertThat(policy.type().value()).isEmpty();
        assertThat(policy.properties().orElseThrow().string("PolicyBucketName")).contains("logs");
        assertThat(template.findings()).filteredOn(f -> f.code().equals("missing-type")).singleElement().satisfies(f -> {
            assertThat(f.location().line()).isEqualTo(12);
            assertThat(f.location().column()).isEqualTo(11);
            assertThat(f.message()).contains("'Policy'", "preprocessor", "!Rain::Module");
        });
    }

    @Test
    void a_resource_without_a_type_is_read_and_reported() {
        Template template = reader.read("t.yaml", "Resources:\n  Thing:\n    Properties: {A: 1}\n  Topic:\n    Type: AWS::SNS::Topic\n");
        assertThat(template.resources()).extracting(r -> r.id().value()).containsExactly("Thing", "Topic");
        assertThat(template.resource("Thing").orElseThrow().type().value()).isEmpty();
        assertThat(template.findings()).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo("missing-type");
            assertThat(f.isError()).isTrue();
            assertThat(f.location().line()).isEqualTo(2);
            assertThat(f.location().column()).isEqualTo(3);
            assertThat(f.message()).contains("'Thing' has no Type");
        });
    }

    @Test
    void yaml_standard_tags_set_the_kind_without_a_finding() {
        Template template = reader.read("tags.yaml", """
                Resources:
                  Queue:
                    Type: AWS::SQS::Queue
                    Properties:
                      DelaySeconds: !!int "42"
                      QueueName: !!str 42
                      FifoQueue: !!bool "true"
                      Ratio: !!float '1.5'
                      Plain: 42
                      Quoted: "42"
                """);
        Value properties = at(template, "Resources", "Queue", "Properties");
        Mapping p = (Mapping) properties;
        assertThat(scalar(p.get("DelaySeconds").orElseThrow())).satisfies(s -> {
            assertThat(s.text()).isEqualTo("42");
            assertThat(s.kind()).isEqualTo(ScalarKind.NUMBER);
            assertThat(s.style()).isEqualTo(ScalarStyle.DOUBLE_QUOTED);
            assertThat(written(template, s)).isEqualTo("\"42\"");
        });
        assertThat(scalar(p.get("QueueName").orElseThrow())).satisfies(s -> {
            assertThat(s.kind()).isEqualTo(ScalarKind.STRING);
            assertThat(written(template, s)).isEqualTo("42");
        });
        assertThat(scalar(p.get("FifoQueue").orElseThrow()).kind()).isEqualTo(ScalarKind.BOOLEAN);
        assertThat(scalar(p.get("Ratio").orElseThrow()).kind()).isEqualTo(ScalarKind.NUMBER);
        assertThat(Plain.of(p.get("DelaySeconds").orElseThrow())).isEqualTo(Plain.of(p.get("Plain").orElseThrow()));
        assertThat(Plain.of(p.get("QueueName").orElseThrow())).isEqualTo(Plain.of(p.get("Quoted").orElseThrow()));
        assertThat(template.findings()).isEmpty();
        assertThat(template.unknownTags()).isEmpty();
    }

    @Test
    void plain_scalars_resolve_by_the_yaml_1_2_core_schema_and_quoted_ones_stay_strings() {
        Template template = reader.read("kinds.yaml", """
                Resources: {}
                Kinds: [true, False, yes, no, on, 12, -3, 0x1F, 0o17, 1.5e3, .inf, .NaN, ~, null, '', 2010-09-09, "true", 'null', 012]
                """);
        Sequence kinds = (Sequence) template.root().get("Kinds").orElseThrow();
        assertThat(kinds.items()).extracting(v -> ((Scalar) v).kind()).containsExactly(
                ScalarKind.BOOLEAN, ScalarKind.BOOLEAN, ScalarKind.STRING, ScalarKind.STRING, ScalarKind.STRING,
                ScalarKind.NUMBER, ScalarKind.NUMBER, ScalarKind.NUMBER, ScalarKind.NUMBER, ScalarKind.NUMBER,
                ScalarKind.NUMBER, ScalarKind.NUMBER, ScalarKind.NULL, ScalarKind.NULL, ScalarKind.STRING,
                ScalarKind.STRING, ScalarKind.STRING, ScalarKind.STRING, ScalarKind.NUMBER);
        assertThat(kinds.items()).extracting(v -> ((Scalar) v).text()).startsWith("true", "False", "yes");
        assertThat(kinds.items()).allSatisfy(v -> assertThat(written(template, v)).isNotBlank().doesNotContain(","));
    }

    // --- anchors, aliases, merge keys ---------------------------------------------------------------------------

    @Test
    void an_alias_reads_as_the_value_of_its_anchor() {
        Template template = reader.read("anchors.yaml", resource("anchors.yaml"));
        Value tags = at(template, "Resources", "First", "Properties", "Tags");
        assertThat(tags).isInstanceOf(Sequence.class);
        assertThat(Plain.of(tags)).isEqualTo(Plain.of(at(template, "Metadata", "Tags")));
        assertThat(((Sequence) tags).items()).hasSize(2);
        Value description = at(template, "Resources", "Third", "Properties", "Environment", "Variables", "DESCRIPTION");
        assertThat(scalar(description).text()).isEqualTo("shared text");
        assertThat(written(template, at(template, "Resources", "Third", "Properties", "Description"))).isEqualTo("shared text");
    }

    @Test
    void merge_keys_fill_in_what_the_mapping_does_not_set_itself_without_duplicate_findings() {
        Template template = reader.read("anchors.yaml", resource("anchors.yaml"));
        assertThat(template.findings()).isEmpty();
        Mapping first = template.resource("First").orElseThrow().properties().orElseThrow();
        assertThat(Plain.of(first)).isEqualTo(Map.of(
                "Runtime", new Plain.Atom("python3.12", ScalarKind.STRING),
                "Timeout", new Plain.Atom("10", ScalarKind.NUMBER),
                "MemorySize", new Plain.Atom("128", ScalarKind.NUMBER),
                "Handler", new Plain.Atom("first.handler", ScalarKind.STRING),
                "Tags", Plain.of(at(template, "Metadata", "Tags"))));
        assertThat(first.keys()).doesNotHaveDuplicates().doesNotContain("<<");
        assertThat(first.entry("Timeout").orElseThrow().key().span().line()).as("the key written in the mapping").isEqualTo(17);
        // a list of merged mappings: the mapping's own keys first, then the earlier source
        Mapping second = template.resource("Second").orElseThrow().properties().orElseThrow();
        assertThat(second.string("MemorySize")).contains("512");
        assertThat(second.string("Timeout")).contains("30");
        assertThat(second.string("Tracing")).contains("Active");
        assertThat(second.string("Runtime")).contains("python3.12");
        assertThat(second.keys()).doesNotHaveDuplicates();
    }

    @Test
    void a_mapping_that_ends_with_a_merge_key_spans_it() {
        Template template = reader.read("anchors.yaml", resource("anchors.yaml"));
        Value third = at(template, "Resources", "Third", "Properties");
        assertThat(written(template, third)).startsWith("Handler: third.handler").endsWith("<<: *function-defaults");
        Value second = at(template, "Resources", "Second", "Properties");
        assertThat(written(template, second)).endsWith("<<: [*tracing, *function-defaults]");
        Value resources = at(template, "Resources");
        assertThat(written(template, resources)).endsWith("<<: *function-defaults");
        assertThat(template.source().bytes()).isEqualTo(resource("anchors.yaml"));
    }

    @Test
    void an_anchor_or_tag_followed_by_a_comment_does_not_pull_the_comment_into_the_span() {
        Template template = reader.read("t.yaml", """
                Metadata:
                  Base: &base # shared settings
                    Runtime: python3.12
                Resources:
                  Topic:
                    Type: AWS::SNS::Topic
                    Properties:
                      TopicName: !If # pick one
                        - IsProd
                        - prod
                        - dev
                """);
        assertThat(written(template, at(template, "Metadata", "Base"))).isEqualTo("Runtime: python3.12");
        Value name = at(template, "Resources", "Topic", "Properties", "TopicName");
        assertThat(name).isInstanceOfSatisfying(Intrinsic.class, i -> {
            assertThat(written(template, i)).startsWith("!If # pick one").endsWith("- dev");
            assertThat(written(template, i.argument())).isEqualTo("- IsProd\n        - prod\n        - dev");
        });
    }

    @Test
    void a_single_pair_mapping_inside_a_flow_list_spans_only_its_pair() {
        Template template = reader.read("t.yaml", """
                Resources:
                  Topic:
                    Type: AWS::SNS::Topic
                    Properties:
                      TopicName: !Sub ['${Prefix}-topic', Prefix: !Ref Stage]
                """);
        Intrinsic sub = (Intrinsic) at(template, "Resources", "Topic", "Properties", "TopicName");
        Value pair = ((Sequence) sub.argument()).items().get(1);
        assertThat(pair).isInstanceOf(Mapping.class);
        assertThat(written(template, pair)).isEqualTo("Prefix: !Ref Stage");
        assertThat(written(template, sub.argument())).isEqualTo("['${Prefix}-topic', Prefix: !Ref Stage]");
    }

    // --- line endings, byte-order mark, final newline -----------------------------------------------------------

    private static final String LF = """
            AWSTemplateFormatVersion: "2010-09-09"
            Resources:
              Topic:
                Type: AWS::SNS::Topic
                Properties:
                  TopicName: 'orders'
                  DisplayName: order events
                  Policy: |
                    line one
                    line two
                  Tags: [{Key: team, Value: "payments"}]
            """;

    @Test
    void a_crlf_file_is_read_with_its_line_endings_and_exact_spans() {
        String crlf = LF.replace("\n", "\r\n");
        Template template = reader.read("crlf.yaml", crlf.getBytes(StandardCharsets.UTF_8));
        assertThat(template.source().lineEnding()).isEqualTo("\r\n");
        assertThat(template.source().bytes()).isEqualTo(crlf.getBytes(StandardCharsets.UTF_8));
        Mapping properties = template.resource("Topic").orElseThrow().properties().orElseThrow();
        Scalar name = scalar(properties.get("TopicName").orElseThrow());
        assertThat(written(template, name)).isEqualTo("'orders'");
        assertThat(name.span().line()).isEqualTo(6);
        assertThat(name.span().column()).isEqualTo(18);
        Scalar display = scalar(properties.get("DisplayName").orElseThrow());
        assertThat(written(template, display)).isEqualTo("order events");
        assertThat(display.span().line()).isEqualTo(7);
        Scalar policy = scalar(properties.get("Policy").orElseThrow());
        assertThat(policy.text()).isEqualTo("line one\nline two\n");
        assertThat(written(template, policy)).isEqualTo("|\r\n        line one\r\n        line two");
        Value tags = properties.get("Tags").orElseThrow();
        assertThat(written(template, tags)).isEqualTo("[{Key: team, Value: \"payments\"}]");
        assertThat(tags.span().line()).isEqualTo(11);
        assertThat(Plain.of(template.root())).isEqualTo(Plain.of(reader.read("lf.yaml", LF).root()));
    }

    @Test
    void a_byte_order_mark_is_remembered_and_given_back_exactly() {
        byte[] withBom = ("\uFEFF" + LF).getBytes(StandardCharsets.UTF_8);
        assertThat(withBom).startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
        Template template = reader.read("bom.yaml", withBom);
        assertThat(template.source().bom()).isTrue();
        assertThat(template.source().text()).isEqualTo(LF).doesNotStartWith("\uFEFF");
        assertThat(template.source().bytes()).isEqualTo(withBom);
        Scalar version = scalar(template.root().get("AWSTemplateFormatVersion").orElseThrow());
        assertThat(written(template, version)).isEqualTo("\"2010-09-09\"");
        assertThat(template.root().entries().getFirst().key().span()).isEqualTo(new Span(0, 24, 1, 1));
        assertThat(Plain.of(template.root())).isEqualTo(Plain.of(reader.read("lf.yaml", LF).root()));

        byte[] json = "\uFEFF{\"Resources\": {\"T\": {\"Type\": \"AWS::SNS::Topic\"}}}".getBytes(StandardCharsets.UTF_8);
        Template fromJson = reader.read("bom.json", json);
        assertThat(fromJson.source().bom()).isTrue();
        assertThat(fromJson.source().bytes()).isEqualTo(json);
        assertThat(fromJson.root().entries().getFirst().key().span()).isEqualTo(new Span(1, 12, 1, 2));

        Template noBom = reader.read("lf.yaml", LF.getBytes(StandardCharsets.UTF_8));
        assertThat(noBom.source().bom()).isFalse();
        assertThat(noBom.source().bytes()).isEqualTo(LF.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void a_file_without_a_final_newline_is_read_to_its_last_character() {
        String text = LF.replace("Tags: [{Key: team, Value: \"payments\"}]\n", "Tags: [{Key: team, Value: \"payments\"}]")
                .stripTrailing() + "\n      Last: final";
        Template template = reader.read("nofinal.yaml", text.getBytes(StandardCharsets.UTF_8));
        assertThat(template.source().endsWithNewline()).isFalse();
        assertThat(template.source().bytes()).isEqualTo(text.getBytes(StandardCharsets.UTF_8));
        Scalar last = scalar(at(template, "Resources", "Topic", "Properties", "Last"));
        assertThat(written(template, last)).isEqualTo("final");
        assertThat(last.span().end()).isEqualTo(text.length());
        assertThat(template.root().span().end()).isEqualTo(text.length());

        String json = "{\"Resources\": {\"T\": {\"Type\": \"AWS::SNS::Topic\"}}}";
        Template fromJson = reader.read("nofinal.json", json);
        assertThat(fromJson.source().endsWithNewline()).isFalse();
        assertThat(fromJson.root().span().end()).isEqualTo(json.length());
    }

    // --- non-ASCII and emoji ------------------------------------------------------------------------------------

    @Test
    void spans_after_emoji_and_other_non_ascii_text_point_at_the_written_scalars() {
        byte[] bytes = resource("emoji.yaml");
        Template template = reader.read("emoji.yaml", bytes);
        String text = template.source().text();
        assertThat(text.codePointCount(0, text.length())).as("the fixture has surrogate pairs").isLessThan(text.length());
        record Expect(Object[] path, String written, String value) {}
        List<Expect> expected = List.of(
                new Expect(new Object[] {"Description"}, "\"Käse, 日本語 and emoji\"", "Käse, 日本語 and emoji"),
                new Expect(new Object[] {"Resources", "Bucket", "Type"}, "AWS::S3::Bucket", "AWS::S3::Bucket"),
                new Expect(new Object[] {"Resources", "Bucket", "Properties", "BucketName"}, "\"😀-bucket\"", "😀-bucket"),
                new Expect(new Object[] {"Resources", "Bucket", "Properties", "Tags", 0, "Key"}, "\"🎉\"", "🎉"),
                new Expect(new Object[] {"Resources", "Bucket", "Properties", "Tags", 0, "Value"}, "after-emoji", "after-emoji"),
                new Expect(new Object[] {"Resources", "Bucket", "Properties", "Tags", 1, "Key"}, "𝄞 clef", "𝄞 clef"),
                new Expect(new Object[] {"Resources", "Bucket", "Properties", "Tags", 1, "Value"}, "'😀😀 two'", "😀😀 two"),
                new Expect(new Object[] {"Resources", "Topic", "Type"}, "AWS::SNS::Topic", "AWS::SNS::Topic"),
                new Expect(new Object[] {"Resources", "Topic", "Properties", "DisplayName"}, "café 😀 plain", "café 😀 plain"),
                new Expect(new Object[] {"Resources", "Topic", "Properties", "KmsMasterKeyId", "Ref"}, "Key", "Key"),
                new Expect(new Object[] {"Outputs", "Name", "Description"}, "\"😀\"", "😀"));
        for (Expect e : expected) {
            Scalar s = scalar(at(template, e.path()));
            assertThat(written(template, s)).as("written %s", List.of(e.path())).isEqualTo(e.written());
            assertThat(s.text()).isEqualTo(e.value());
            assertLineAndColumnAgreeWithOffset(text, s.span());
        }
        Intrinsic sub = (Intrinsic) at(template, "Resources", "Topic", "Properties", "TopicName");
        assertThat(written(template, sub)).isEqualTo("!Sub \"${AWS::StackName}-😀-${Suffix}\"");
        assertThat(written(template, sub.argument())).isEqualTo("\"${AWS::StackName}-😀-${Suffix}\"");
        Intrinsic getAtt = (Intrinsic) at(template, "Outputs", "Name", "Value");
        assertThat(written(template, getAtt)).isEqualTo("!GetAtt Topic.TopicName");
        // a key after an emoji: 'Value' follows '{Key: "🎉", ' on its line; columns count chars as the offsets do
        Scalar valueKey = ((Mapping) at(template, "Resources", "Bucket", "Properties", "Tags", 0)).entries().get(1).key();
        assertThat(written(template, valueKey)).isEqualTo("Value");
        assertThat(valueKey.span().line()).isEqualTo(10);
        assertThat(valueKey.span().column()).isEqualTo("        - {Key: \"🎉\", ".length() + 1);
        assertThat(template.source().bytes()).isEqualTo(bytes);
    }

    @Test
    void an_emoji_in_a_logical_id_and_in_json_keeps_offsets_right() {
        Template yaml = reader.read("t.yaml", "Resources:\n  B😀cket: {Type: AWS::S3::Bucket, Properties: {N: x😀}}\n");
        Resource bucket = yaml.resources().getFirst();
        assertThat(bucket.id().value()).isEqualTo("B😀cket");
        assertThat(written(yaml, bucket.key())).isEqualTo("B😀cket");
        assertThat(written(yaml, bucket.definition().get("Type").orElseThrow())).isEqualTo("AWS::S3::Bucket");
        assertThat(written(yaml, bucket.property("N").orElseThrow())).isEqualTo("x😀");

        String json = "{\"Description\": \"😀 \\u00e9 \\\"quoted\\\"\", \"Resources\": {\"T😀\": {\"Type\": \"AWS::SNS::Topic\", "
                + "\"Properties\": {\"N\": 12.5e3, \"F\": false, \"Z\": null}}}}";
        Template fromJson = reader.read("t.json", json);
        assertThat(written(fromJson, fromJson.root().get("Description").orElseThrow()))
                .isEqualTo("\"😀 \\u00e9 \\\"quoted\\\"\"");
        assertThat(scalar(fromJson.root().get("Description").orElseThrow()).text()).isEqualTo("😀 é \"quoted\"");
        Resource topic = fromJson.resources().getFirst();
        assertThat(written(fromJson, topic.key())).isEqualTo("\"T😀\"");
        assertThat(written(fromJson, topic.property("N").orElseThrow())).isEqualTo("12.5e3");
        assertThat(written(fromJson, topic.property("F").orElseThrow())).isEqualTo("false");
        Scalar z = scalar(topic.property("Z").orElseThrow());
        assertThat(written(fromJson, z)).isEqualTo("null");
        assertThat(z.text()).as("text as written, like YAML's null").isEqualTo("null");
        assertThat(z.isNull()).isTrue();
        assertThat(Plain.of(z)).isEqualTo(Plain.of(scalar(reader.read("t.yaml", "Resources: {}\nZ: ~\n").root()
                .get("Z").orElseThrow())));
    }

    static void assertLineAndColumnAgreeWithOffset(String text, Span span) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < span.start(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
                line++;
                lineStart = i + 1;
            }
        }
        assertThat(span.line()).as("line of offset %d", span.start()).isEqualTo(line);
        assertThat(span.column()).as("column of offset %d", span.start()).isEqualTo(span.start() - lineStart + 1);
    }
}
