package dev.stackdraft.appsync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stackdraft.edit.Editor;
import dev.stackdraft.template.Corpus;
import dev.stackdraft.template.Template;
import dev.stackdraft.template.TemplateReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The corpus's GraphQL templates, both forms: read, fields listed from their SDL, a field bound and unbound. */
class AppSyncCorpusTest {

    @Test
    void the_corpus_has_graphql_apis_of_both_forms() {
        List<GraphQlApi> apis = AppSyncCorpus.files().stream()
                .flatMap(f -> GraphQlApis.of(new TemplateReader().read(f)).stream()).toList();

        assertThat(apis).extracting(GraphQlApi::form).contains(GraphQlApi.Form.SERVERLESS, GraphQlApi.Form.APPSYNC);
        assertThat(AppSyncCorpus.files()).hasSizeGreaterThanOrEqualTo(30);
    }

    @TestFactory
    Stream<DynamicTest> every_api_lists_the_fields_of_its_sdl_or_says_why_not() {
        return AppSyncCorpus.files().stream().flatMap(file -> GraphQlApis.of(new TemplateReader().read(file)).stream()
                .map(api -> DynamicTest.dynamicTest(Corpus.label(file) + " " + api.id(), () -> listsFields(file, api))));
    }

    private static void listsFields(Path file, GraphQlApi api) {
        String sdl = switch (api.schema()) {
            case SchemaSource.Inline inline -> inline.text();
            case SchemaSource.File schemaFile -> {
                Path path = file.resolveSibling(schemaFile.path());
                Assumptions.assumeTrue(Files.isRegularFile(path), "the schema file " + schemaFile.path() + " of "
                        + api.id() + " is not in the corpus (which holds templates only): its fields are not listed");
                yield read(path);
            }
            default -> {
                Assumptions.abort(api.id() + " has no schema to read: " + api.schema());
                yield "";
            }
        };

        List<Field> fields = SchemaFields.of(api, sdl);

        assertThat(fields).as("fields of %s", api.id()).isNotEmpty();
        for (Resolver resolver : api.resolvers()) {
            boolean listed = fields.stream().anyMatch(f -> resolver.equals(f.resolver()));
            boolean orphan = SchemaFields.orphans(api, sdl).contains(resolver);
            assertThat(listed || orphan).as("%s is listed or an orphan", resolver.coordinate()).isTrue();
        }
        for (Field field : fields) {
            assertThat(field.dataSources()).allSatisfy(ds -> assertThat(api.dataSources().stream()
                    .anyMatch(d -> d.name().equals(ds)) || ds.equals("NONE") || field.resolver().isResource())
                    .as("%s's data source %s", field.coordinate(), ds).isTrue());
        }
    }

    @TestFactory
    Stream<DynamicTest> a_field_bound_then_unbound_gives_the_original_bytes() {
        return AppSyncCorpus.files().stream().map(file -> DynamicTest.dynamicTest(Corpus.label(file), () -> {
            Editor editor = new Editor();
            for (AppSyncCorpus.Bound bound : AppSyncCorpus.bindOnePerApi(file)) {
                GraphQlApi api = GraphQlApis.find(bound.after(), bound.api().id()).orElseThrow();
                assertThat(api.resolver(bound.type(), bound.field())).as("%s.%s bound", bound.type(), bound.field()).isPresent();
                Template unbound = editor.apply(bound.after(), new UnbindResolver(api.id(), bound.type(), bound.field())).after();
                assertThat(unbound.source().text()).isEqualTo(bound.before().source().text());
            }
        }));
    }

    private static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void schema_files_the_corpus_lacks_are_counted_not_guessed() {
        List<String> missing = new ArrayList<>();
        for (Path file : AppSyncCorpus.files()) {
            for (GraphQlApi api : GraphQlApis.of(new TemplateReader().read(file))) {
                if (api.schema() instanceof SchemaSource.File schemaFile && !Files.exists(file.resolveSibling(schemaFile.path()))) {
                    missing.add(Corpus.label(file) + ": " + schemaFile.path());
                }
            }
        }
        assertThat(missing).as("schema files named by corpus templates (the corpus keeps no .graphql files)").isNotEmpty()
                .allSatisfy(m -> assertThat(m).containsPattern("schema\\.graphql$"));
    }
}
