package dev.stackdraft.validation;

import dev.stackdraft.catalog.ResourceCatalog;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/**
 * The SAM schema as {@link SchemaParser} reads it, made at build time ({@code process-classes}): the published schema
 * without the keywords that only annotate (descriptions are 85 % of its 750 kB), in {@value #RESOURCE} beside this
 * class. A short process (the CLI) then reads 90 kB instead of 750 kB into the same {@link SamSchema}. Only keywords
 * in the places where {@link SchemaParser} reads schemas are dropped; a property named {@code description} stays.
 *
 * <p>{@code java -cp ... dev.stackdraft.validation.SamSchemaCompactor OUTPUT_FOLDER} writes it (the backend pom does).
 */
final class SamSchemaCompactor {

    /** Relative to this class; absent when the build did not make it (then the published schema is read). */
    static final String RESOURCE = "sam.schema.compact.json";

    private SamSchemaCompactor() {}

    static void main(String[] args) throws IOException {
        Path folder = Path.of(args[0]).resolve(SamSchemaCompactor.class.getPackageName().replace('.', '/'));
        Files.createDirectories(folder);
        Files.write(folder.resolve(RESOURCE), compact());
    }

    /** The bundled SAM schema, compacted. */
    static byte[] compact() {
        try (InputStream in = ResourceCatalog.samSchema()) {
            return compact(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled SAM schema", e);
        }
    }

    static byte[] compact(InputStream in) {
        JsonFactory factory = JsonFactory.builder().build();
        ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 17);
        try (JsonParser json = factory.createParser(ObjectReadContext.empty(), in);
             JsonGenerator copy = factory.createGenerator(ObjectWriteContext.empty(), (OutputStream) out)) {
            if (json.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalStateException("the SAM schema is not a JSON object");
            }
            schema(json, copy);
        }
        return out.toByteArray();
    }

    /** Copies the schema object the parser stands on, keyword by keyword, as {@link SchemaParser#node} walks it. */
    private static void schema(JsonParser json, JsonGenerator copy) {
        copy.writeStartObject();
        while (json.nextToken() == JsonToken.PROPERTY_NAME) {
            String keyword = json.currentName();
            JsonToken token = json.nextToken();
            if (SchemaParser.isAnnotation(keyword)) {
                json.skipChildren();
                continue;
            }
            copy.writeName(keyword);
            switch (keyword) {
                case "properties", "definitions" -> {
                    if (token == JsonToken.START_OBJECT) {
                        schemas(json, copy);
                    } else {
                        copy.copyCurrentStructure(json);
                    }
                }
                case "additionalProperties", "items" -> {
                    if (token == JsonToken.START_OBJECT) {
                        schema(json, copy);
                    } else {
                        copy.copyCurrentStructure(json);
                    }
                }
                case "allOf", "anyOf" -> {
                    if (token == JsonToken.START_ARRAY) {
                        list(json, copy);
                    } else {
                        copy.copyCurrentStructure(json);
                    }
                }
                default -> copy.copyCurrentStructure(json);
            }
        }
        copy.writeEndObject();
    }

    /** An object of named schemas ({@code properties}, {@code definitions}). */
    private static void schemas(JsonParser json, JsonGenerator copy) {
        copy.writeStartObject();
        while (json.nextToken() == JsonToken.PROPERTY_NAME) {
            copy.writeName(json.currentName());
            if (json.nextToken() == JsonToken.START_OBJECT) {
                schema(json, copy);
            } else {
                copy.copyCurrentStructure(json);
            }
        }
        copy.writeEndObject();
    }

    /** A list of schemas ({@code allOf}, {@code anyOf}). */
    private static void list(JsonParser json, JsonGenerator copy) {
        copy.writeStartArray();
        while (json.nextToken() != JsonToken.END_ARRAY) {
            if (json.currentToken() == JsonToken.START_OBJECT) {
                schema(json, copy);
            } else {
                copy.copyCurrentStructure(json);
            }
        }
        copy.writeEndArray();
    }
}
