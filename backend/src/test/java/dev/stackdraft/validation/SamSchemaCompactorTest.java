package dev.stackdraft.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class SamSchemaCompactorTest {

    @Test
    void the_compact_schema_reads_as_the_published_one() {
        for (boolean widened : List.of(true, false)) {
            SamSchema published = SamSchema.loadPublished(widened);
            SamSchema compact = SamSchema.parse(new ByteArrayInputStream(SamSchemaCompactor.compact()), widened);

            assertThat(compact.resourceTypes()).isEqualTo(published.resourceTypes()).isNotEmpty();
            assertThat(compact.unsupportedKeywords()).isEqualTo(published.unsupportedKeywords());
            for (String type : published.resourceTypes()) {
                assertSame(compact.resource(type).orElseThrow(), published.resource(type).orElseThrow(), type);
            }
            assertSame(compact.globals().orElseThrow(), published.globals().orElseThrow(), "Globals");
            assertSameDefinitions(compact, published);
        }
    }

    @Test
    void the_build_put_the_compact_schema_beside_the_class_and_validation_reads_it() throws Exception {
        try (InputStream in = SamSchema.class.getResourceAsStream(SamSchemaCompactor.RESOURCE)) {
            assertThat(in).as("made in process-classes by the backend pom").isNotNull();
            byte[] built = in.readAllBytes();
            assertThat(built).isEqualTo(SamSchemaCompactor.compact());
            assertThat(built.length).isLessThan(150_000);
        }
    }

    @Test
    void only_annotations_in_schema_places_are_dropped() {
        String schema = """
                {"$schema":"http://json-schema.org/draft-04/schema#","title":"t","description":"d",
                 "properties":{"description":{"type":"string","description":"a property named description",
                   "markdownDescription":"m","x-note":1,"default":"v","examples":["e"]}},
                 "definitions":{"A":{"anyOf":[{"$ref":"#/definitions/B","title":"b"},{"type":"null"}],
                   "additionalProperties":{"type":"integer","description":"n"},"oneOf":[{"description":"kept"}]}},
                 "items":{"enum":["description"],"description":"x"}}
                """;

        String compact = new String(SamSchemaCompactor.compact(
                new ByteArrayInputStream(schema.getBytes(StandardCharsets.UTF_8))), StandardCharsets.UTF_8);

        assertThat(compact).isEqualTo("{\"properties\":{\"description\":{\"type\":\"string\"}},"
                + "\"definitions\":{\"A\":{\"anyOf\":[{\"$ref\":\"#/definitions/B\"},{\"type\":\"null\"}],"
                + "\"additionalProperties\":{\"type\":\"integer\"},\"oneOf\":[{\"description\":\"kept\"}]}},"
                + "\"items\":{\"enum\":[\"description\"]}}");
    }

    private static void assertSameDefinitions(SamSchema compact, SamSchema published) {
        assertThat(compact.definitionNames()).isEqualTo(published.definitionNames()).hasSizeGreaterThan(100);
        for (String name : published.definitionNames()) {
            assertSame(compact.definition(name), published.definition(name), name);
        }
    }

    /** Field by field; a Pattern by its source (Pattern has no equals), shared nodes compared once. */
    private static void assertSame(SchemaNode actual, SchemaNode expected, String where) {
        assertSame(actual, expected, where, new IdentityHashMap<>());
    }

    private static void assertSame(@Nullable SchemaNode actual, @Nullable SchemaNode expected, String where,
                                   Map<SchemaNode, Boolean> seen) {
        if (expected == null || actual == null) {
            assertThat(actual).as(where).isNull();
            assertThat(expected).as(where).isNull();
            return;
        }
        if (seen.put(expected, Boolean.TRUE) != null) {
            return;
        }
        assertThat(actual.ref()).as(where + " $ref").isEqualTo(expected.ref());
        assertThat(actual.types()).as(where + " type").isEqualTo(expected.types());
        assertThat(actual.enumValues()).as(where + " enum").isEqualTo(expected.enumValues());
        assertThat(actual.pattern() == null ? null : actual.pattern().pattern()).as(where + " pattern")
                .isEqualTo(expected.pattern() == null ? null : expected.pattern().pattern());
        assertThat(actual.required()).as(where + " required").isEqualTo(expected.required());
        assertThat(actual.additionalAllowed()).as(where + " additionalProperties").isEqualTo(expected.additionalAllowed());
        assertThat(actual.properties().keySet()).as(where + " properties").isEqualTo(expected.properties().keySet());
        for (String name : expected.properties().keySet()) {
            assertSame(actual.properties().get(name), expected.properties().get(name), where + "." + name, seen);
        }
        assertSame(actual.additional(), expected.additional(), where + " additionalProperties", seen);
        assertSame(actual.items(), expected.items(), where + "[]", seen);
        assertThat(actual.allOf()).as(where + " allOf").hasSameSizeAs(expected.allOf());
        for (int i = 0; i < expected.allOf().size(); i++) {
            assertSame(actual.allOf().get(i), expected.allOf().get(i), where + " allOf " + i, seen);
        }
        assertThat(actual.anyOf()).as(where + " anyOf").hasSameSizeAs(expected.anyOf());
        for (int i = 0; i < expected.anyOf().size(); i++) {
            assertSame(actual.anyOf().get(i), expected.anyOf().get(i), where + " anyOf " + i, seen);
        }
    }
}
