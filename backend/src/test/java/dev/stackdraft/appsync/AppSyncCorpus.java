package dev.stackdraft.appsync;

import dev.stackdraft.edit.Editor;
import dev.stackdraft.template.Corpus;
import dev.stackdraft.template.EditResult;
import dev.stackdraft.template.Template;
import dev.stackdraft.template.TemplateException;
import dev.stackdraft.template.TemplateReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The corpus's templates with a GraphQL API, in either form, and the edit each gets in the tests over them. */
final class AppSyncCorpus {

    private AppSyncCorpus() {}

    /** Every corpus template (SAM translator inputs the transform rejects included) that defines a GraphQL API. */
    static List<Path> files() {
        return Corpus.files().filter(p -> p.getParent().getFileName().toString().equals("sam"))
                .filter(p -> {
                    try {
                        return !GraphQlApis.of(new TemplateReader().read(p)).isEmpty();
                    } catch (TemplateException e) {
                        return false;
                    }
                }).toList();
    }

    /** A template, one of its APIs, and that API after a field of it was bound. */
    record Bound(Path file, Template before, GraphQlApi api, String type, String field, Template after) {}

    /**
     * Binds, in each API of {@code file}, a field without resolver (from an inline schema; {@code Query.stackdraftProbe}
     * where the schema is elsewhere) to the API's first data source, NONE in the SAM form where it has none, and a NONE
     * data source added first in the APPSYNC form where it has none.
     */
    static List<Bound> bindOnePerApi(Path file) {
        Template template = new TemplateReader().read(file);
        if (template.hasReadErrors()) { // the engine edits no file with a repeated key; CorpusEditTest covers that
            return List.of();
        }
        List<Bound> bound = new ArrayList<>();
        Editor editor = new Editor();
        for (GraphQlApi api : GraphQlApis.of(template)) {
            Template before = template;
            String dataSource;
            if (!api.dataSources().isEmpty()) {
                dataSource = api.dataSources().getFirst().name();
            } else if (api.form() == GraphQlApi.Form.SERVERLESS) {
                dataSource = "NONE";
            } else {
                before = editor.apply(template, new AddDataSource(api.id(), "Probe", DataSource.Kind.NONE, "")).after();
                dataSource = "Probe";
            }
            String[] field = unboundField(api).orElse(new String[] {"Query", "stackdraftProbe"});
            EditResult result = editor.apply(before, new BindResolver(api.id(), field[0], field[1], dataSource, null));
            bound.add(new Bound(file, before, GraphQlApis.find(before, api.id()).orElseThrow(), field[0], field[1],
                    result.after()));
        }
        return bound;
    }

    private static Optional<String[]> unboundField(GraphQlApi api) {
        if (!(api.schema() instanceof SchemaSource.Inline inline)) {
            return Optional.empty();
        }
        try {
            return SchemaFields.of(api, inline.text()).stream().filter(f -> f.resolver() == null)
                    .map(f -> new String[] {f.typeName(), f.name()}).findFirst();
        } catch (SchemaException e) {
            return Optional.empty();
        }
    }
}
