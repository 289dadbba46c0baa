package dev.stackdraft.appsync;

import static dev.stackdraft.appsync.BindResolverTest.apply;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stackdraft.edit.EditRefusedException;
import dev.stackdraft.template.Template;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SetPipelineTest {

    private static final String ORDERS = "OrdersGraphQLApi";

    /** The sample with a NONE data source, and two new functions: one on the table, one on NONE. */
    private static Template ordersWithTwoFunctions(String sample) {
        Template template = apply(Samples.read("template.yaml", sample),
                new AddDataSource(ORDERS, "Local", DataSource.Kind.NONE, ""));
        template = apply(template, new NewPipelineFunction(ORDERS, "getOrderItem", "OrdersTable", null));
        return apply(template, new NewPipelineFunction(ORDERS, "shapeOrder", "Local", null));
    }

    private static Template notesWithTwoFunctions() {
        Template template = Samples.read("template.yaml", Samples.SERVERLESS);
        return apply(template, new NewPipelineFunction("NotesApi", "auditNote", "NONE", null));
    }

    private static Resolver resolver(Template template, String api, String type, String field) {
        return GraphQlApis.find(template, api).orElseThrow().resolver(type, field).orElseThrow();
    }

    @Test
    void new_functions_in_the_appsync_form_are_function_configurations_on_their_data_sources() {
        Template template = ordersWithTwoFunctions(Samples.orders());

        GraphQlApi api = GraphQlApis.find(template, ORDERS).orElseThrow();
        PipelineFunction read = api.function("getOrderItem").orElseThrow();
        assertThat(read.isResource()).isTrue();
        assertThat(read.id()).isEqualTo("GetOrderItemFunction");
        assertThat(read.dataSource()).isEqualTo("OrdersTable");
        assertThat(read.runtime()).isEqualTo(CodeRuntime.APPSYNC_JS);
        assertThat(((Code.Inline) read.code()).text()).startsWith("import")
                .contains("/** pipeline function getOrderItem: ").contains("orderId: ctx.args.orderId");
        assertThat(api.function("shapeOrder").orElseThrow().dataSource()).isEqualTo("Local");
        assertThat(template.source().text()).contains("""
                  GetOrderItemFunction:
                    Type: AWS::AppSync::FunctionConfiguration
                    Properties:
                      ApiId: !GetAtt OrdersGraphQLApi.ApiId
                      Name: getOrderItem
                      DataSourceName: !GetAtt OrdersDataSource.Name
                      Runtime:
                        Name: APPSYNC_JS
                        RuntimeVersion: 1.0.0
                      Code: |
                """);
    }

    @Test
    void a_unit_resolver_becomes_a_pipeline_of_two_functions_which_are_reordered_back_to_the_same_bytes_and_one_removed() {
        Template functions = ordersWithTwoFunctions(Samples.orders());

        Template piped = apply(functions, new SetPipeline(ORDERS, "Query", "getOrder", List.of("getOrderItem", "shapeOrder")));

        Resolver resolver = resolver(piped, ORDERS, "Query", "getOrder");
        assertThat(resolver.kind()).isEqualTo(Resolver.Kind.PIPELINE);
        assertThat(resolver.pipeline()).containsExactly("getOrderItem", "shapeOrder");
        assertThat(resolver.dataSource()).isNull();
        assertThat(resolver.code()).isEqualTo(new Code.Inline(SetPipeline.PASS_THROUGH));
        assertThat(piped.source().text()).contains("""
                      Kind: PIPELINE
                      Runtime:
                        Name: APPSYNC_JS
                        RuntimeVersion: 1.0.0
                      Code: |
                        export function request(ctx) {
                """).contains("""
                      PipelineConfig:
                        Functions:
                          - !GetAtt GetOrderItemFunction.FunctionId
                          - !GetAtt ShapeOrderFunction.FunctionId
                """).doesNotContain("DataSourceName: !GetAtt OrdersDataSource.Name\n      Kind");
        assertThat(GraphQlApis.find(piped, ORDERS).orElseThrow().dataSourcesOf(resolver)).containsExactly("OrdersTable", "Local");

        Template reordered = apply(piped, new SetPipeline(ORDERS, "Query", "getOrder", List.of("shapeOrder", "getOrderItem")));

        assertThat(resolver(reordered, ORDERS, "Query", "getOrder").pipeline()).containsExactly("shapeOrder", "getOrderItem");
        String getFirst = "          - !GetAtt GetOrderItemFunction.FunctionId\n          - !GetAtt ShapeOrderFunction.FunctionId\n";
        assertThat(piped.source().text()).contains(getFirst);
        assertThat(reordered.source().text()).isEqualTo(piped.source().text().replace(getFirst,
                "          - !GetAtt ShapeOrderFunction.FunctionId\n          - !GetAtt GetOrderItemFunction.FunctionId\n"));
        Template back = apply(reordered, new SetPipeline(ORDERS, "Query", "getOrder", List.of("getOrderItem", "shapeOrder")));
        assertThat(back.source().text()).isEqualTo(piped.source().text());

        Template removed = apply(piped, new SetPipeline(ORDERS, "Query", "getOrder", List.of("shapeOrder")));

        assertThat(resolver(removed, ORDERS, "Query", "getOrder").pipeline()).containsExactly("shapeOrder");
        assertThat(removed.source().text()).isEqualTo(piped.source().text()
                .replace("          - !GetAtt GetOrderItemFunction.FunctionId\n", ""));
        assertThat(apply(removed, new SetPipeline(ORDERS, "Query", "getOrder", List.of("getOrderItem", "shapeOrder")))
                .source().text()).isEqualTo(piped.source().text());
    }

    @Test
    void a_field_without_a_resolver_gets_a_pipeline_resolver_resource_and_unbinding_it_gives_the_bytes_back() {
        Template functions = ordersWithTwoFunctions(Samples.orders());

        Template piped = apply(functions, new SetPipeline(ORDERS, "Query", "listOrders", List.of("shapeOrder")));

        Resolver resolver = resolver(piped, ORDERS, "Query", "listOrders");
        assertThat(resolver.isResource()).isTrue();
        assertThat(resolver.id()).isEqualTo("QueryListOrdersResolver");
        assertThat(resolver.kind()).isEqualTo(Resolver.Kind.PIPELINE);
        assertThat(resolver.pipeline()).containsExactly("shapeOrder");
        assertThat(piped.resource(resolver.id()).orElseThrow().dependsOn()).containsExactly("OrdersGraphQLSchema");
        assertThat(apply(piped, new UnbindResolver(ORDERS, "Query", "listOrders")).source().text())
                .isEqualTo(functions.source().text());
    }

    @Test
    void a_sam_resolver_gets_a_second_function_is_reordered_back_to_the_same_bytes_and_loses_one() {
        Template before = notesWithTwoFunctions();
        GraphQlApi api = GraphQlApis.of(before).getFirst();
        assertThat(api.function("auditNote").orElseThrow().isResource()).isFalse();
        assertThat(api.function("auditNote").orElseThrow().dataSource()).isEqualTo("NONE");

        Template piped = apply(before, new SetPipeline("NotesApi", "Query", "getNote", List.of("getNoteFunction", "auditNote")));

        assertThat(resolver(piped, "NotesApi", "Query", "getNote").pipeline()).containsExactly("getNoteFunction", "auditNote");
        assertThat(piped.source().text()).isEqualTo(before.source().text().replace(
                "              - getNoteFunction\n", "              - getNoteFunction\n              - auditNote\n"));

        Template reordered = apply(piped, new SetPipeline("NotesApi", "Query", "getNote", List.of("auditNote", "getNoteFunction")));

        assertThat(resolver(reordered, "NotesApi", "Query", "getNote").pipeline()).containsExactly("auditNote", "getNoteFunction");
        assertThat(apply(reordered, new SetPipeline("NotesApi", "Query", "getNote", List.of("getNoteFunction", "auditNote")))
                .source().text()).isEqualTo(piped.source().text());

        Template removed = apply(piped, new SetPipeline("NotesApi", "Query", "getNote", List.of("auditNote")));

        assertThat(resolver(removed, "NotesApi", "Query", "getNote").pipeline()).containsExactly("auditNote");
    }

    @Test
    void a_sam_field_without_a_resolver_gets_an_entry_under_resolvers() {
        Template before = notesWithTwoFunctions();

        Template piped = apply(before, new SetPipeline("NotesApi", "Query", "listNotes", List.of("auditNote", "getNoteFunction")));

        Resolver resolver = resolver(piped, "NotesApi", "Query", "listNotes");
        assertThat(resolver.isResource()).isFalse();
        assertThat(resolver.pipeline()).containsExactly("auditNote", "getNoteFunction");
        assertThat(piped.source().text()).contains("""
                          listNotes:
                            Pipeline:
                              - auditNote
                              - getNoteFunction
                """);
        assertThat(apply(piped, new UnbindResolver("NotesApi", "Query", "listNotes")).source().text())
                .isEqualTo(Samples.SERVERLESS); // auditNote, in no other pipeline, goes with the resolver
    }

    @Test
    void a_vtl_unit_resolver_becomes_a_javascript_pipeline_without_its_templates() {
        Template before = apply(Samples.read("template.yaml", Samples.VTL), new NewPipelineFunction("Api", "getIt", "Items", null));

        Template piped = apply(before, new SetPipeline("Api", "Query", "getItem", List.of("getIt")));

        Resolver resolver = resolver(piped, "Api", "Query", "getItem");
        assertThat(resolver.kind()).isEqualTo(Resolver.Kind.PIPELINE);
        assertThat(resolver.pipeline()).containsExactly("getIt");
        assertThat(resolver.runtime()).isEqualTo(CodeRuntime.APPSYNC_JS);
        assertThat(resolver.code()).isEqualTo(new Code.Inline(SetPipeline.PASS_THROUGH));
        assertThat(piped.source().text()).doesNotContain("MappingTemplate", "DataSourceName: !GetAtt Items.Name\n      Kind");
        assertThat(((Code.Inline) GraphQlApis.of(piped).getFirst().function("getIt").orElseThrow().code()).text())
                .contains("ddb.get({ key: { pk: ctx.args.pk, sk: ctx.args.sk } })");
    }

    @Test
    void three_sam_functions_are_rotated_by_moving_one_item_and_rotated_back_to_the_same_bytes() {
        Template before = apply(notesWithTwoFunctions(), new NewPipelineFunction("NotesApi", "stampNote", "NONE", null));
        Template piped = apply(before, new SetPipeline("NotesApi", "Query", "getNote",
                List.of("auditNote", "getNoteFunction", "stampNote")));
        String abc = "              - auditNote\n              - getNoteFunction\n              - stampNote\n";
        assertThat(piped.source().text()).contains(abc);

        Template rotated = apply(piped, new SetPipeline("NotesApi", "Query", "getNote",
                List.of("stampNote", "auditNote", "getNoteFunction")));

        assertThat(resolver(rotated, "NotesApi", "Query", "getNote").pipeline())
                .containsExactly("stampNote", "auditNote", "getNoteFunction");
        assertThat(rotated.source().text()).isEqualTo(piped.source().text().replace(abc,
                "              - stampNote\n              - auditNote\n              - getNoteFunction\n"));
        assertThat(new SetPipeline("NotesApi", "Query", "getNote", List.of("stampNote", "auditNote", "getNoteFunction"))
                .changes(piped)).hasSize(2); // one item out, one in: the two others stay
        assertThat(apply(rotated, new SetPipeline("NotesApi", "Query", "getNote",
                List.of("auditNote", "getNoteFunction", "stampNote"))).source().text()).isEqualTo(piped.source().text());
        assertThat(new SetPipeline("NotesApi", "Query", "getNote", List.of("auditNote", "getNoteFunction", "stampNote"))
                .changes(piped)).isEmpty();
    }

    @Test
    void an_empty_pipeline_an_unknown_function_and_a_taken_name_are_refused_with_what_to_do() {
        Template template = ordersWithTwoFunctions(Samples.orders());

        assertThatThrownBy(() -> apply(template, new SetPipeline(ORDERS, "Query", "getOrder", List.of())))
                .isInstanceOf(EditRefusedException.class)
                .hasMessageContaining("a pipeline resolver needs at least one function")
                .hasMessageContaining("unbind it instead");
        assertThatThrownBy(() -> apply(template, new SetPipeline(ORDERS, "Query", "getOrder", List.of("getOrderItem", "nope"))))
                .isInstanceOf(EditRefusedException.class)
                .hasMessageContaining("OrdersGraphQLApi has no pipeline function 'nope' (its functions: getOrderItem, shapeOrder)");
        assertThatThrownBy(() -> apply(Samples.read("template.yaml", Samples.orders()),
                new SetPipeline(ORDERS, "Query", "getOrder", List.of("x"))))
                .hasMessageContaining("(it has none yet: add one first)");
        assertThatThrownBy(() -> apply(template, new NewPipelineFunction(ORDERS, "shapeOrder", "Local", null)))
                .hasMessageContaining("has a pipeline function 'shapeOrder' already");
        assertThatThrownBy(() -> apply(template, new NewPipelineFunction(ORDERS, "audit", "Customers", null)))
                .hasMessageContaining("has no data source 'Customers'");
        assertThatThrownBy(() -> apply(notesWithTwoFunctions(), new NewPipelineFunction("NotesApi", "audit_note", "NONE", null)))
                .hasMessageContaining("cannot be a key of a SAM API's Functions");
    }

    @Test
    void the_outside_judges_find_nothing_new_in_either_form(@TempDir Path work) throws Exception {
        boolean lint = AppSyncJudges.hasCfnLint();
        boolean sam = AppSyncJudges.hasSamTranslator();
        Assumptions.assumeTrue(lint || sam, "neither cfn-lint nor aws-sam-translator is installed: outside judges skipped");
        // the translator takes only S3 code locations; the SAM CLI uploads local folders before it runs
        String sample = Samples.orders().replaceAll("(CodeUri|ContentUri): (\\S+)", "$1: s3://stackdraft-judge/$2");
        Template orders = Samples.read("template.yaml", sample);
        Template ordersPiped = ordersWithTwoFunctions(sample);
        ordersPiped = apply(ordersPiped, new SetPipeline(ORDERS, "Query", "getOrder", List.of("getOrderItem", "shapeOrder")));
        ordersPiped = apply(ordersPiped, new SetPipeline(ORDERS, "Query", "listOrders", List.of("shapeOrder")));
        ordersPiped = apply(ordersPiped, new SetPipeline(ORDERS, "Query", "getOrder", List.of("shapeOrder", "getOrderItem")));
        String notesSample = Samples.SERVERLESS.replace("CodeUri: resolvers/getNote.js", "CodeUri: s3://stackdraft-judge/getNote.js");
        Template notes = Samples.read("template.yaml", notesSample);
        Template notesPiped = apply(notes, new NewPipelineFunction("NotesApi", "auditNote", "NONE", null));
        notesPiped = apply(notesPiped, new NewPipelineFunction("NotesApi", "createNoteItem", "Notes", null));
        notesPiped = apply(notesPiped, new SetPipeline("NotesApi", "Query", "getNote", List.of("auditNote", "getNoteFunction")));
        notesPiped = apply(notesPiped, new SetPipeline("NotesApi", "Mutation", "createNote", List.of("auditNote", "createNoteItem")));
        Template items = Samples.read("template.yaml", Samples.VTL);
        Template itemsPiped = apply(items, new NewPipelineFunction("Api", "getIt", "Items", null));
        itemsPiped = apply(itemsPiped, new SetPipeline("Api", "Query", "getItem", List.of("getIt")));
        for (String side : List.of("before", "after")) {
            Files.createDirectories(work.resolve(side));
        }
        Files.write(work.resolve("before/orders.yaml"), orders.source().bytes());
        Files.write(work.resolve("after/orders.yaml"), ordersPiped.source().bytes());
        Files.write(work.resolve("before/notes.yaml"), notes.source().bytes());
        Files.write(work.resolve("after/notes.yaml"), notesPiped.source().bytes());
        Files.write(work.resolve("before/items.yaml"), items.source().bytes());
        Files.write(work.resolve("after/items.yaml"), itemsPiped.source().bytes());

        if (lint) {
            Map<String, Set<String>> before = AppSyncJudges.cfnLint(work.resolve("before"));
            Map<String, Set<String>> after = AppSyncJudges.cfnLint(work.resolve("after"));
            for (String name : List.of("orders.yaml", "notes.yaml", "items.yaml")) {
                assertThat(after.getOrDefault(name, Set.of())).as("cfn-lint rules broken in edited %s", name)
                        .isSubsetOf(before.getOrDefault(name, Set.of()));
            }
        }
        if (sam) {
            Map<String, AppSyncJudges.Translation> after = AppSyncJudges.samTransform(work,
                    List.of(work.resolve("after/orders.yaml"), work.resolve("after/notes.yaml"),
                            work.resolve("after/items.yaml")));
            for (String name : List.of("orders.yaml", "notes.yaml", "items.yaml")) {
                assertThat(after.get(name).verdict()).as("SAM translation of %s: %s", name, after.get(name).detail())
                        .isEqualTo("OK");
            }
            String notesOut = after.get("notes.yaml").detail();
            assertThat(notesOut).contains("\"NotesApiauditNote\"", "\"NotesApicreateNoteItem\"");
            String ordersOut = after.get("orders.yaml").detail();
            assertThat(ordersOut).contains("\"PipelineConfig\": {\"Functions\": [{\"Fn::GetAtt\": [\"ShapeOrderFunction\", "
                    + "\"FunctionId\"]}, {\"Fn::GetAtt\": [\"GetOrderItemFunction\", \"FunctionId\"]}]}");
        }
    }
}
