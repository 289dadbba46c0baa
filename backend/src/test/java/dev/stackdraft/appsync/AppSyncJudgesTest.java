package dev.stackdraft.appsync;

import static dev.stackdraft.appsync.BindResolverTest.apply;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stackdraft.appsync.DataSource.Kind;
import dev.stackdraft.template.Finding;
import dev.stackdraft.template.Template;
import dev.stackdraft.validation.TemplateValidator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * What the AppSync commands write, judged by tools that are not ours: {@code cfn-lint} finds no rule broken that it did
 * not find before, the SAM translator translates every result it translated the original of (and makes of a SAM API's
 * binding the resolver and function it should), and our own validator (SAM schema included) finds no new error.
 */
class AppSyncJudgesTest {

    @TempDir
    static Path work;

    /** By file name: the template before and after the edits. */
    private static final Map<String, Template[]> pairs = new LinkedHashMap<>();

    @BeforeAll
    static void edit() throws IOException {
        // the translator takes only S3 code locations; the SAM CLI uploads local folders before it runs
        String sample = Samples.orders().replaceAll("(CodeUri|ContentUri): (\\S+)", "$1: s3://stackdraft-judge/$2");
        Template orders = Samples.read("template.yaml", sample);
        Template ordersBound = BindResolverTest.ordersWithEveryKind(sample);
        ordersBound = apply(ordersBound, new BindResolver("OrdersGraphQLApi", "Query", "listOrders", "OrdersTable", null));
        ordersBound = apply(ordersBound, new BindResolver("OrdersGraphQLApi", "Mutation", "createOrder", "OrdersTable", null));
        ordersBound = apply(ordersBound, new BindResolver("OrdersGraphQLApi", "Query", "orderSummary", "GetOrderFn", null));
        ordersBound = apply(ordersBound, new BindResolver("OrdersGraphQLApi", "Query", "shippingQuote", "Shipping", null));
        ordersBound = apply(ordersBound, new BindResolver("OrdersGraphQLApi", "Query", "echo", "Local", null));
        ordersBound = apply(ordersBound, new BindResolver("OrdersGraphQLApi", "Query", "getOrder", "GetOrderFn", null));
        pairs.put("orders-appsync.yaml", new Template[] {orders, ordersBound});

        Template notes = Samples.read("template.yaml", Samples.SERVERLESS);
        Template notesBound = apply(notes, new BindResolver("NotesApi", "Mutation", "createNote", "Notes", null));
        notesBound = apply(notesBound, new BindResolver("NotesApi", "Query", "summary", "Summary", null));
        notesBound = apply(notesBound, new BindResolver("NotesApi", "Query", "weather", "Weather", null));
        notesBound = apply(notesBound, new BindResolver("NotesApi", "Query", "listNotes", "NONE", null));
        notesBound = apply(notesBound, new AddDataSource("NotesApi", "Archive", Kind.DYNAMODB, "NotesTable"));
        notesBound = apply(notesBound, new BindResolver("NotesApi", "Mutation", "deleteNote", "Archive", null));
        pairs.put("notes-sam.yaml", new Template[] {notes, notesBound});

        Template items = Samples.read("template.yaml", Samples.VTL);
        Template itemsBound = apply(items, new BindResolver("Api", "Mutation", "updateItem", "Items", null));
        itemsBound = apply(itemsBound, new BindResolver("Api", "Query", "itemsByPk", "Items", null));
        pairs.put("items-vtl.yaml", new Template[] {items, itemsBound});

        Template plain = Samples.read("template.yaml", """
                AWSTemplateFormatVersion: '2010-09-09'
                Resources:
                  Topic:
                    Type: AWS::SNS::Topic
                """);
        Template withApi = apply(plain, new NewGraphQlApi("HelloApi", "hello", "type Query {\n  hello: String\n}\n"));
        withApi = apply(withApi, new BindResolver("HelloApi", "Query", "hello", "NONE", null));
        pairs.put("new-api.yaml", new Template[] {plain, withApi});

        for (Path file : AppSyncCorpus.files()) {
            if (file.getFileName().toString().contains("__error_")) {
                continue;
            }
            AppSyncCorpus.bindOnePerApi(file).stream().findFirst()
                    .ifPresent(b -> pairs.put(file.getFileName().toString(), new Template[] {b.before(), b.after()}));
        }
        Files.createDirectories(work.resolve("before"));
        Files.createDirectories(work.resolve("after"));
        for (Map.Entry<String, Template[]> pair : pairs.entrySet()) {
            Files.write(work.resolve("before").resolve(pair.getKey()), pair.getValue()[0].source().bytes());
            Files.write(work.resolve("after").resolve(pair.getKey()), pair.getValue()[1].source().bytes());
        }
    }

    @Test
    void cfn_lint_finds_nothing_new() throws Exception {
        Assumptions.assumeTrue(AppSyncJudges.hasCfnLint(), "cfn-lint is not installed: outside judge skipped");
        assertThat(pairs).hasSizeGreaterThan(20);
        Map<String, Set<String>> before = AppSyncJudges.cfnLint(work.resolve("before"));
        Map<String, Set<String>> after = AppSyncJudges.cfnLint(work.resolve("after"));
        for (String name : pairs.keySet()) {
            assertThat(after.getOrDefault(name, Set.of())).as("cfn-lint rules broken in edited %s", name)
                    .isSubsetOf(before.getOrDefault(name, Set.of()));
        }
    }

    @Test
    void the_sam_translator_translates_every_result_and_makes_what_the_binding_means() throws Exception {
        Assumptions.assumeTrue(AppSyncJudges.hasSamTranslator(), "aws-sam-translator is not installed: outside judge skipped");
        Map<String, AppSyncJudges.Translation> before = AppSyncJudges.samTransform(work, files("before"));
        Map<String, AppSyncJudges.Translation> after = AppSyncJudges.samTransform(work, files("after"));

        assertThat(after).hasSameSizeAs(pairs);
        before.forEach((name, verdict) -> assertThat(after.get(name).verdict()).as("SAM translation of edited %s: %s",
                name, after.get(name).detail()).isEqualTo(verdict.verdict()));
        for (String mine : List.of("orders-appsync.yaml", "notes-sam.yaml", "items-vtl.yaml", "new-api.yaml")) {
            assertThat(after.get(mine).verdict()).as("%s: %s", mine, after.get(mine).detail()).isEqualTo("OK");
        }
        JsonNode notes = new ObjectMapper().readTree(after.get("notes-sam.yaml").detail());
        JsonNode resolver = notes.get("NotesApiQuerysummary").get("Properties");
        assertThat(resolver.get("Kind").asString()).isEqualTo("PIPELINE");
        assertThat(resolver.get("FieldName").asString()).isEqualTo("summary");
        assertThat(resolver.get("PipelineConfig").get("Functions").get(0).get("Fn::GetAtt").get(0).asString())
                .isEqualTo("NotesApisummaryFunction");
        JsonNode function = notes.get("NotesApisummaryFunction").get("Properties");
        assertThat(function.get("DataSourceName").get("Fn::GetAtt").get(0).asString()).isEqualTo("NotesApiSummaryLambdaDataSource");
        assertThat(function.get("Code").asString()).contains("operation: 'Invoke'");
        assertThat(notes.get("NotesApilistNotesFunction").get("Properties").get("DataSourceName").get("Fn::GetAtt").get(0)
                .asString()).isEqualTo("NotesApiNoneDataSource");
        assertThat(notes.get("NotesApiweatherFunction").get("Properties").get("DataSourceName").get("Fn::GetAtt").get(0)
                .asString()).isEqualTo("WeatherDataSource");
        // SAM's own role for the table added by AddDataSource: a connector on that table only
        assertThat(notes.has("NotesApiArchiveDynamoDBDataSourceRole")).isTrue();
        assertThat(notes.toString()).contains("NotesApiArchiveDynamoDBDataSourceToTableConnectorPolicy");
    }

    @Test
    void our_validator_and_the_sam_schema_find_no_new_error() {
        TemplateValidator validator = new TemplateValidator();
        for (Map.Entry<String, Template[]> pair : pairs.entrySet()) {
            Set<String> before = errors(validator, pair.getValue()[0]);
            assertThat(errors(validator, pair.getValue()[1])).as("errors in edited %s", pair.getKey()).isSubsetOf(before);
        }
    }

    private static Set<String> errors(TemplateValidator validator, Template template) {
        return validator.validate(template).stream().filter(Finding::isError).map(f -> f.code() + ": " + f.message())
                .collect(Collectors.toSet());
    }

    private static List<Path> files(String side) {
        return pairs.keySet().stream().map(name -> work.resolve(side).resolve(name)).toList();
    }
}
