package dev.stackdraft.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the reader refuses, and how: one {@link TemplateException} at the exact line and column, a message a
 * template author understands (no parser jargon, no Java), no stack trace, in bounded time and memory.
 */
class ReaderRefusalTest {

    private static final TemplateReader READER = new TemplateReader();

    /** Words that belong to the parsers or to Java, never to a message a template author reads. */
    private static final List<String> JARGON = List.of("Exception", "exception", "java.", "org.", "tools.jackson",
            "snakeyaml", "Jackson", "StreamRead", "Constraints", "Feature", "REDACTED", "Source:", "\tat ", "`",
            "<block", "<scalar>", "<stream", "<document", "(code ", "=null", "Optional", "Mark");

    @BeforeAll
    static void warm_up_both_parsers() {
        // class loading is no part of what the time bounds below measure
        READER.read("warm.yaml", "Resources:\n  A:\n    Type: AWS::SNS::Topic\n");
        READER.read("warm.json", "{\"Resources\": {\"A\": {\"Type\": \"AWS::SNS::Topic\"}}}");
    }

    /** A refusal seen from outside: the exception, how long it took, how many bytes the reading thread allocated. */
    private record Refusal(TemplateException error, long millis, long allocatedBytes) {
        Refusal at(int line, int column) {
            assertThat(error.location().line()).as("line of: %s", error.getMessage()).isEqualTo(line);
            assertThat(error.location().column()).as("column of: %s", error.getMessage()).isEqualTo(column);
            return this;
        }

        Refusal says(String... words) {
            assertThat(error.problem()).as("problem").contains(words);
            return this;
        }

        Refusal hints(String words) {
            assertThat(error.hint()).as("hint").contains(words);
            return this;
        }
    }

    private static Refusal refuse(String name, String text) {
        return refuse(name, () -> READER.read(name, text));
    }

    private static Refusal refuse(String name, byte[] bytes) {
        return refuse(name, () -> READER.read(name, bytes));
    }

    /** Runs a read that must fail, on its own thread with a generous bound so that a hang fails instead of blocking. */
    private static Refusal refuse(String name, Executable read) {
        Refusal refusal = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
            long thread = Thread.currentThread().threadId();
            long allocatedBefore = threads.getThreadAllocatedBytes(thread);
            long start = System.nanoTime();
            Throwable thrown = catchThrowable(read::execute);
            long millis = (System.nanoTime() - start) / 1_000_000;
            long allocated = threads.getThreadAllocatedBytes(thread) - allocatedBefore;
            assertThat(thrown).as("reading %s", name).isInstanceOf(TemplateException.class);
            return new Refusal((TemplateException) thrown, millis, allocated);
        });
        assertSaidForPeople(refusal.error(), name);
        return refusal;
    }

    private static void assertSaidForPeople(TemplateException e, String name) {
        assertThat(e.getMessage()).startsWith(name + ":" + e.location().line() + ":" + e.location().column() + ": ")
                .contains(e.problem());
        assertThat(e.location().line()).isPositive();
        assertThat(e.location().column()).isPositive();
        assertThat(e.problem()).isNotBlank().doesNotContain("\n");
        for (String word : JARGON) {
            assertThat(e.getMessage()).as("message of %s", name).doesNotContain(word);
        }
        assertThat(e.getStackTrace()).as("a refusal carries no stack trace").isEmpty();
        assertThat(e.getCause()).isNull();
    }

    // --- malformed YAML ---------------------------------------------------------------------------------------

    @Test
    void bad_indentation_is_refused_on_the_misplaced_line() {
        refuse("t.yaml", """
                Resources:
                  Bucket:
                    Type: AWS::S3::Bucket
                   Properties: {}
                """).at(4, 4).says("not indented like the keys of the mapping", "line 2, column 3").hints("spaces");
    }

    @Test
    void a_list_item_among_mapping_keys_is_refused_where_it_starts() {
        refuse("t.yaml", """
                Resources:
                  Bucket:
                    Type: AWS::S3::Bucket
                  - Topic
                """).at(4, 3).says("a list item where a key of the mapping at line 2, column 3 was expected");
    }

    @Test
    void an_unclosed_double_quote_is_refused_where_the_quote_opens_not_at_the_end_of_the_file() {
        refuse("t.yaml", """
                Resources:
                  Bucket:
                    Type: "AWS::S3::Bucket
                    Properties: {}
                """).at(3, 11).says("quoted string is never closed").hints("\"");
    }

    @Test
    void an_unclosed_single_quote_is_refused_where_the_quote_opens() {
        refuse("t.yaml", "Resources:\n  Topic:\n    Type: 'AWS::SNS::Topic\n").at(3, 11).says("never closed").hints("'");
    }

    @Test
    void tab_indentation_is_refused_on_the_tab() {
        refuse("t.yaml", "Resources:\n\tBucket:\n    Type: AWS::S3::Bucket\n").at(2, 1).says("tab").hints("spaces");
        refuse("t.yaml", "Resources:\n  Bucket:\n\t  Type: AWS::S3::Bucket\n").at(3, 1).says("tab");
    }

    @Test
    void a_stray_closing_bracket_is_refused_on_the_bracket() {
        refuse("t.yaml", """
                Resources:
                  Bucket:
                    Type: AWS::S3::Bucket
                    Properties:
                      Tags: [a, b]]
                """).at(5, 19).says("unmatched ']'").hints("'['");
        refuse("t.yaml", "Resources:\n  Bucket:\n    Type: AWS::S3::Bucket\n  ]\n").at(4, 3).says("unmatched ']'");
    }

    @Test
    void an_unclosed_flow_list_is_refused_where_it_opens_or_where_it_breaks_off() {
        refuse("t.yaml", "Resources: {Topic: {Type: AWS::SNS::Topic}\n").at(1, 12).says("'{' is never closed");
        refuse("t.yaml", """
                Resources:
                  Topic:
                    Type: AWS::SNS::Topic
                    Properties:
                      Subscription: [a, b
                  Other: x
                """).at(6, 8).says("expected ',' or ']' in the list opened at line 5, column 21");
    }

    @Test
    void a_colon_inside_a_plain_value_is_refused_on_the_colon() {
        refuse("t.yaml", "Resources:\n  Topic:\n    Description: a: b\n").at(3, 19).says("':'").hints("quotes");
    }

    @Test
    void a_line_that_is_neither_key_nor_value_is_refused_on_that_line() {
        refuse("t.yaml", """
                Resources:
                  Topic:
                    Type: AWS::SNS::Topic
                    oops
                  Other: {Type: AWS::SNS::Topic}
                """).at(4, 5).says("no ':'");
    }

    @Test
    void characters_yaml_forbids_are_refused_where_they_stand_even_after_an_emoji() {
        refuse("t.yaml", "Resources:\n  😀: a\u0007b\n").at(2, 8).says("U+0007");
        refuse("t.yaml", "Resources:\n  A: \"x\u0000\"\n").at(2, 8).says("U+0000");
    }

    @Test
    void other_yaml_mistakes_are_said_without_parser_words() {
        refuse("t.yaml", "Resources:\n  A: \"\\q\"\n").at(2, 8).says("unknown escape '\\q'");
        refuse("t.yaml", "Resources:\n  A: @handle\n").at(2, 6).says("'@' cannot start a value").hints("quotes");
        refuse("t.yaml", "Resources:\n  A: *nowhere\n").at(2, 6).says("unknown alias '*nowhere'");
        refuse("t.yaml", "Resources:\n  ? [a, b]\n  : x\n").at(2, 5).says("key must be a plain string, not a list");
        refuse("t.yaml", "Resources:\n  A: {Type: X}\n...\nOutputs: {}\n").at(4, 1).says("after the end of the document");
        refuse("t.yaml", "%YAML 2.0\n---\nResources: {}\n").at(1, 1).says("YAML version", "2.0");
    }

    // --- malformed JSON ---------------------------------------------------------------------------------------

    @Test
    void a_missing_comma_in_json_is_refused_right_after_the_value_that_needs_it() {
        refuse("t.json", """
                {
                  "Resources": {
                    "A": {"Type": "AWS::SNS::Topic"}
                    "B": {"Type": "AWS::SNS::Topic"}
                  }
                }
                """).at(3, 37).says("comma is missing").hints("entries of an object");
        refuse("t.json", "{\"Resources\": {\"A\": {\"Type\": \"X\", \"L\": [1 2]}}}").at(1, 42).says("comma is missing");
    }

    @Test
    void a_trailing_comma_in_json_is_refused_on_the_comma() {
        refuse("t.json", """
                {
                  "Resources": {
                    "A": {"Type": "AWS::SNS::Topic"},
                  }
                }
                """).at(3, 37).says("comma after the last entry of an object").hints("remove it");
        refuse("t.json", "{\"Resources\": {\"A\": {\"Type\": \"X\", \"L\": [1, 2, ]}}}").at(1, 45)
                .says("comma after the last item of a list");
    }

    @Test
    void other_json_mistakes_are_said_without_jackson_words() {
        refuse("t.json", "{\n  \"Resources\": {\n    \"A\": {\"Type\": \"X\"}\n").at(2, 16).says("'{' is never closed");
        refuse("t.json", "{\"Resources\": {\"A\": {\"Type\": \"X").at(1, 30).says("string is never closed");
        refuse("t.json", "{\n  // a comment\n  \"Resources\": {}\n}").at(2, 3).says("JSON does not allow comments");
        refuse("t.json", "{'Resources': {}}").at(1, 2).says("double quotes");
        refuse("t.json", "{Resources: {}}").at(1, 2).says("needs double quotes");
        refuse("t.json", "{\"Resources\" {}}").at(1, 14).says("':' is missing");
        refuse("t.json", "{\"Resources\": {\"A\": {\"Type\": \"X\"}]}").at(1, 34).says("']'", "line 1, column 15");
        refuse("t.json", "{\"Resources\": {\"A\": {\"Type\": \"X\ty\"}}}").at(1, 32).says("control character");
        refuse("t.json", "{\"Resources\": NaN}").at(1, 15).says("NaN");
        refuse("t.json", "{\"Resources\": tru}").at(1, 15).says("'tru'", "a string, number, list, object, true, false or null");
        refuse("t.json", "{\"Resources\": {}}\n{}").at(2, 1).says("text after the end of the JSON document");
        refuse("t.json", "{\"😀\": 1 \"b\": 2}").at(1, 9).says("comma is missing");
    }

    // --- wrong shape ------------------------------------------------------------------------------------------

    @Test
    void a_root_that_is_a_list_is_refused() {
        refuse("t.yaml", "- Resources\n- Outputs\n").at(1, 1).says("the top level is a list, not a mapping");
        refuse("t.json", "  [{\"Resources\": {}}]").at(1, 3).says("the top level is a list, not a mapping");
    }

    @Test
    void a_root_that_is_a_scalar_is_refused() {
        refuse("t.yaml", "# a comment first\nResources\n").at(2, 1).says("the top level is a scalar, not a mapping");
        refuse("t.json", "\"Resources\"").at(1, 1).says("the top level is a scalar");
        refuse("t.yaml", "---\n").says("the top level is empty");
    }

    @Test
    void an_empty_file_is_refused_as_empty() {
        refuse("t.yaml", "").at(1, 1).says("the file is empty").hints("Resources");
        refuse("t.yaml", new byte[0]).at(1, 1).says("the file is empty");
        refuse("t.yaml", "  \n\n   \n").at(1, 1).says("the file is empty");
        refuse("t.json", "").at(1, 1).says("the file is empty");
    }

    @Test
    void a_file_with_only_comments_is_refused_as_holding_no_template() {
        refuse("t.yaml", "# TODO: write the template\n# later\n").at(1, 1).says("only comments");
    }

    @Test
    void a_cloudformation_or_sam_template_without_resources_is_refused() {
        refuse("t.yaml", "AWSTemplateFormatVersion: '2010-09-09'\nOutputs: {}\n").at(1, 1).says("no Resources section");
        refuse("t.yaml", "Transform: AWS::Serverless-2016-10-31\nGlobals: {}\n").says("no Resources section");
        refuse("t.json", "{\"AWSTemplateFormatVersion\": \"2010-09-09\"}").says("no Resources section");
    }

    @Test
    void a_serverless_file_needs_no_resources_section() {
        Template template = READER.read("serverless.yml", "service: app\nprovider:\n  name: aws\n");
        assertThat(template.dialect()).isEqualTo(Dialect.SERVERLESS);
        assertThat(template.resources()).isEmpty();
        assertThat(template.findings()).isEmpty();
    }

    @Test
    void resources_that_are_not_a_mapping_are_refused_where_they_are() {
        refuse("t.yaml", "Resources:\n  - Bucket\n").at(2, 3).says("Resources is a list, not a mapping");
        refuse("t.yaml", "Resources: Bucket\n").at(1, 12).says("Resources is a scalar, not a mapping");
        refuse("t.yaml", "Resources:\nOutputs: {}\n").at(1, 11).says("Resources is empty, not a mapping");
        refuse("t.yaml", "Resources: !Ref X\n").at(1, 12).says("Resources is a Ref function, not a mapping");
        refuse("t.json", "{\"Resources\": [1]}").at(1, 15).says("Resources is a list, not a mapping");
    }

    @Test
    void a_resource_that_is_not_a_mapping_or_has_no_name_is_refused() {
        refuse("t.yaml", "Resources:\n  Bucket: AWS::S3::Bucket\n").at(2, 11).says("resource 'Bucket' is a scalar");
        refuse("t.yaml", "Resources:\n  \"\":\n    Type: AWS::S3::Bucket\n").at(2, 3).says("without a logical id");
        refuse("t.yaml", "Resources:\n  ~:\n    Type: AWS::S3::Bucket\n").at(2, 3).says("without a logical id");
    }

    // --- size -------------------------------------------------------------------------------------------------

    private static byte[] templateOfSize(int bytes) {
        String head = "Resources:\n  Topic:\n    Type: AWS::SNS::Topic\n#";
        return (head + "x".repeat(bytes - head.length() - 1) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void a_file_over_one_megabyte_is_refused_by_default() {
        assertThat(READER.read("t.yaml", templateOfSize(1_048_576)).resources()).hasSize(1);
        refuse("t.yaml", templateOfSize(1_048_577)).at(1, 1)
                .says("1048577 bytes", "over the limit of 1048576 bytes").hints("nested stacks");
        refuse("t.yaml", new String(templateOfSize(1_048_577), StandardCharsets.UTF_8))
                .says("over the limit of 1048576 bytes");
    }

    @Test
    void the_limit_counts_utf8_bytes_also_when_the_text_is_given_as_a_string() {
        String accents = "Resources:\n  Topic:\n    Type: AWS::SNS::Topic\n# " + "é".repeat(600_000) + "\n";
        assertThat(accents.length()).isLessThan(1_048_576);
        refuse("t.yaml", accents).says("over the limit of 1048576 bytes");
    }

    @Test
    void a_smaller_configured_limit_is_kept() {
        TemplateReader small = new TemplateReader(ParseLimits.DEFAULT.withMaxBytes(100));
        byte[] fits = templateOfSize(100);
        assertThat(small.read("t.yaml", fits).resources()).hasSize(1);
        Refusal refusal = refuse("t.yaml", () -> small.read("t.yaml", templateOfSize(101)));
        refusal.at(1, 1).says("101 bytes", "over the limit of 100 bytes");
        refuse("t.json", () -> small.read("t.json", "{\"Resources\": {\"A\": {\"Type\": \"AWS::SNS::Topic\"}}, \"Description\": \""
                + "d".repeat(60) + "\"}")).says("over the limit of 100 bytes");
    }

    @Test
    void the_limit_is_checked_before_a_file_is_read(@TempDir Path dir) throws Exception {
        Path big = dir.resolve("big.yaml");
        Files.write(big, templateOfSize(2_000_000));
        refuse(big.toString(), () -> READER.read(big)).at(1, 1).says("2000000 bytes");
        Path missing = dir.resolve("missing.yaml");
        refuse(missing.toString(), () -> READER.read(missing)).at(1, 1).says("no such file");
        refuse(dir.toString(), () -> READER.read(dir)).at(1, 1).says("folder, not a file");
    }

    // --- hostile input: alias bombs and nesting ---------------------------------------------------------------

    private static String billionLaughs(int levels, int width) {
        StringBuilder yaml = new StringBuilder("Metadata:\n  l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (int level = 1; level <= levels; level++) {
            yaml.append("  l").append(level).append(": &l").append(level).append(" [");
            for (int i = 0; i < width; i++) {
                yaml.append(i == 0 ? "" : ", ").append("*l").append(level - 1);
            }
            yaml.append("]\n");
        }
        return yaml.append("Resources:\n  Topic:\n    Type: AWS::SNS::Topic\n    Properties: {DisplayName: *l")
                .append(levels).append("}\n").toString();
    }

    @Test
    void a_billion_laughs_alias_bomb_is_refused_in_well_under_a_second() {
        Refusal refusal = refuse("bomb.yaml", billionLaughs(9, 9));
        refusal.says("would expand to more than 1000000 values through aliases").hints("alias bomb");
        assertThat(refusal.millis()).as("milliseconds").isLessThan(1_000);
        assertThat(refusal.allocatedBytes()).as("bytes allocated").isLessThan(64L * 1024 * 1024);
        // the values are expanded nowhere: it breaks off inside the anchors, at the first alias past the bound
        assertThat(refusal.error().location().line()).isBetween(3, 11);
    }

    @Test
    void a_mapping_alias_bomb_is_refused_too() {
        StringBuilder yaml = new StringBuilder("Metadata:\n  m0: &m0 {a: x, b: x, c: x, d: x, e: x, f: x, g: x, h: x, i: x}\n");
        for (int level = 1; level <= 9; level++) {
            yaml.append("  m").append(level).append(": &m").append(level).append(" {");
            for (char k = 'a'; k <= 'i'; k++) {
                yaml.append(k == 'a' ? "" : ", ").append(k).append(": *m").append(level - 1);
            }
            yaml.append("}\n");
        }
        yaml.append("Resources:\n  T: {Type: AWS::SNS::Topic}\n");
        Refusal refusal = refuse("bomb.yaml", yaml.toString()).says("through aliases");
        assertThat(refusal.millis()).isLessThan(1_000);
    }

    @Test
    void the_number_of_aliases_itself_is_bounded() {
        TemplateReader strict = new TemplateReader(new ParseLimits(1_048_576, 100, 5, 1_000_000));
        String six = "Metadata:\n  a: &a x\n  l: [*a, *a, *a, *a, *a, *a]\nResources:\n  T: {Type: AWS::SNS::Topic}\n";
        refuse("t.yaml", () -> strict.read("t.yaml", six)).at(3, 27).says("more than 5 YAML aliases");
        String five = six.replace("*a, *a]", "*a]");
        assertThat(strict.read("t.yaml", five).findings()).isEmpty();
    }

    @Test
    void a_hundred_thousand_open_brackets_are_refused_at_the_first_too_deep_one_without_stack_overflow() {
        String brackets = "[".repeat(100_000);
        Refusal yaml = refuse("deep.yaml", brackets).at(1, 101).says("nesting deeper than 100 levels");
        Refusal json = refuse("deep.json", brackets).at(1, 101).says("nesting deeper than 100 levels");
        refuse("deep.yaml", "Resources: " + "{a: ".repeat(100_000)).says("nesting deeper than 100 levels");
        refuse("deep.json", "{\"Resources\": " + "{\"a\": ".repeat(100_000)).says("nesting deeper than 100 levels");
        assertThat(List.of(yaml.millis(), json.millis())).allMatch(ms -> ms < 2_000);
        assertThat(List.of(yaml.allocatedBytes(), json.allocatedBytes())).allMatch(bytes -> bytes < 64L * 1024 * 1024);
    }

    @Test
    void deep_block_mappings_and_lists_are_refused_without_stack_overflow() {
        StringBuilder mappings = new StringBuilder();
        for (int i = 0; i < 1_000; i++) {
            mappings.append(" ".repeat(i)).append("k").append(i).append(":\n");
        }
        refuse("deep.yaml", mappings.toString()).at(101, 101).says("nesting deeper than 100 levels").hints("runaway");
        StringBuilder lists = new StringBuilder();
        for (int i = 0; i < 1_000; i++) {
            lists.append(" ".repeat(2 * i)).append("-\n");
        }
        refuse("deep.yaml", lists.toString()).at(101, 201).says("nesting deeper than 100 levels");
        refuse("deep.yaml", "- ".repeat(50_000) + "x\n").at(1, 201).says("nesting deeper than 100 levels");
    }

    @Test
    void nesting_within_the_limit_is_read() {
        String ninetyNine = "Resources:\n  T:\n    Type: AWS::SNS::Topic\n    Properties: {P: " + "[".repeat(96)
                + "x" + "]".repeat(96) + "}\n";
        assertThat(READER.read("t.yaml", ninetyNine).resources()).hasSize(1);
        assertThat(READER.read("t.json", "{\"Resources\": {\"T\": {\"Type\": \"X\", \"P\": " + "[".repeat(96) + "1"
                + "]".repeat(96) + "}}}").resources()).hasSize(1);
    }

    // --- encoding and documents -------------------------------------------------------------------------------

    @Test
    void bytes_that_are_not_utf8_are_refused_on_the_line_and_column_of_the_bad_byte() {
        byte[] latin1 = "Resources:\n  Topic:\n    Type: AWS::SNS::Topic # café\n"
                .getBytes(StandardCharsets.ISO_8859_1);
        refuse("t.yaml", latin1).at(3, 32).says("not UTF-8", "0xE9").hints("UTF-8");
        byte[] afterEmoji = "Resources:\n  😀: {Type: X}\n  B: {Type: \u00ff}\n".getBytes(StandardCharsets.UTF_8);
        byte[] broken = new byte[afterEmoji.length - 1];
        int bad = indexOf(afterEmoji, (byte) 0xC3);
        System.arraycopy(afterEmoji, 0, broken, 0, bad);
        System.arraycopy(afterEmoji, bad + 1, broken, bad, afterEmoji.length - bad - 1); // a lone continuation byte
        refuse("t.yaml", broken).at(3, 13).says("0xBF");
        refuse("t.json", "{\"Resources\": {}}\n\n\n\"\u00e9\"".getBytes(StandardCharsets.ISO_8859_1)).at(4, 2);
    }

    @Test
    void a_utf16_file_is_refused_as_utf16() {
        refuse("t.yaml", "Resources: {}\n".getBytes(StandardCharsets.UTF_16)).at(1, 1).says("UTF-16");
    }

    private static int indexOf(byte[] bytes, byte b) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        throw new AssertionError("no byte " + b);
    }

    @Test
    void two_yaml_documents_are_refused_at_the_second() {
        refuse("t.yaml", """
                Resources:
                  Topic:
                    Type: AWS::SNS::Topic
                ---
                Resources:
                  Queue:
                    Type: AWS::SQS::Queue
                """).at(4, 1).says("more than one YAML document").hints("one document");
        refuse("t.yaml", "---\nResources: {T: {Type: X}}\n---\n# nothing here\n").at(3, 1).says("more than one");
    }

    @Test
    void one_document_with_explicit_start_and_end_markers_is_read() {
        Template template = READER.read("t.yaml", "%YAML 1.2\n---\nResources:\n  T: {Type: AWS::SNS::Topic}\n...\n");
        assertThat(template.resources()).extracting(r -> r.id().value()).containsExactly("T");
    }
}
