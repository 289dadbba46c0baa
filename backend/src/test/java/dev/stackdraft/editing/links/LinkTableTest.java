package dev.stackdraft.editing.links;

import static dev.stackdraft.editing.links.LinkSamples.ORDERS_PAIRS;
import static dev.stackdraft.editing.links.LinkSamples.apply;
import static dev.stackdraft.editing.links.LinkSamples.notes;
import static dev.stackdraft.editing.links.LinkSamples.orders;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stackdraft.edit.AddConnector;
import dev.stackdraft.edit.AddEventSource;
import dev.stackdraft.edit.AddPolicyTemplate;
import dev.stackdraft.edit.AddResource;
import dev.stackdraft.edit.EditCommand;
import dev.stackdraft.edit.SetEnvironmentReference;
import dev.stackdraft.edit.SetProperty;
import dev.stackdraft.graph.Edge;
import dev.stackdraft.graph.ResourceGraph;
import dev.stackdraft.template.Template;
import dev.stackdraft.template.TemplateReader;
import dev.stackdraft.template.Value;
import java.util.HashSet;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class LinkTableTest {

    private final LinkTable table = LinkTable.standard();

    @Test
    void queue_becomes_an_event_source_of_the_function() {
        Template before = orders();
        LinkOption first = table.options(before, "OrdersQueue", "CreateOrderFunction").getFirst();

        assertThat(first.kind()).isEqualTo(LinkOption.EVENT_SOURCE);
        assertThat(first.label()).isEqualTo("SQS event (OrdersQueue → CreateOrderFunction)");
        assertThat(first.command().describe()).isEqualTo("Add event OrdersQueueEvent (SQS from OrdersQueue) to CreateOrderFunction");
        Template after = apply(before, first.command());
        assertThat(ResourceGraph.of(after).edges()).contains(new Edge("OrdersQueue", "CreateOrderFunction", Edge.EVENT));
        assertThat(TextChange.of(before, after).added()).containsExactly(
                "        OrdersQueueEvent:",
                "          Type: SQS",
                "          Properties:",
                "            Queue: !GetAtt OrdersQueue.Arn");
        assertThat(TextChange.of(before, after).removed()).isEmpty();
    }

    @Test
    void a_function_and_a_queue_offer_every_kind_best_first() {
        assertThat(table.options(orders(), "CreateOrderFunction", "OrdersQueue")).extracting(LinkOption::label).containsExactly(
                "SQS event (OrdersQueue → CreateOrderFunction)",
                "SQSSendMessagePolicy (CreateOrderFunction → OrdersQueue)",
                "SQSPollerPolicy (CreateOrderFunction → OrdersQueue)",
                "Connector Read (CreateOrderFunction → OrdersQueue)",
                "Connector Write (CreateOrderFunction → OrdersQueue)",
                "Connector Read and Write (CreateOrderFunction → OrdersQueue)",
                "Connector Read and Write (OrdersQueue → CreateOrderFunction)",
                "Environment variable ORDERS_QUEUE_URL (CreateOrderFunction → OrdersQueue)");
    }

    @Test
    void drag_order_does_not_change_which_options_exist() {
        Template template = orders();
        for (List<String> pair : ORDERS_PAIRS) {
            List<LinkOption> forward = table.options(template, pair.get(0), pair.get(1));
            List<LinkOption> backward = table.options(template, pair.get(1), pair.get(0));
            assertThat(new HashSet<>(backward)).as("%s", pair).isEqualTo(new HashSet<>(forward));
        }
        Template notes = notes();
        assertThat(new HashSet<>(table.options(notes, "createNote", "JobsQueue")))
                .isEqualTo(new HashSet<>(table.options(notes, "JobsQueue", "createNote")));
    }

    @Test
    void two_functions_link_both_ways_with_the_drag_direction_first() {
        List<LinkOption> options = table.options(orders(), "GetOrderFunction", "CreateOrderFunction");

        assertThat(options).extracting(LinkOption::label).containsExactly(
                "LambdaInvokePolicy (GetOrderFunction → CreateOrderFunction)",
                "LambdaInvokePolicy (CreateOrderFunction → GetOrderFunction)",
                "Connector Write (GetOrderFunction → CreateOrderFunction)",
                "Connector Write (CreateOrderFunction → GetOrderFunction)",
                "Environment variable CREATE_ORDER_FUNCTION_NAME (GetOrderFunction → CreateOrderFunction)",
                "Environment variable GET_ORDER_FUNCTION_NAME (CreateOrderFunction → GetOrderFunction)");
    }

    @Test
    void every_option_writes_the_edge_the_graph_reads_back_and_only_its_own_lines() {
        Template before = orders();
        int applied = 0;
        for (List<String> pair : ORDERS_PAIRS) {
            for (LinkOption option : table.options(before, pair.get(0), pair.get(1))) {
                Template after = apply(before, option.command());
                String what = option.command().describe();
                assertThat(ResourceGraph.of(after).edges()).as(what).contains(LinkEdges.expected(option.command()));
                TextChange change = TextChange.of(before, after);
                assertThat(change.removed()).as(what).isEmpty();
                assertThat(change.added()).as(what).hasSizeBetween(1, 10).noneMatch(line -> line.contains("#"));
                assertThat(comments(after)).as(what).isEqualTo(comments(before));
                applied++;
            }
        }
        assertThat(applied).isGreaterThan(30);
    }

    @Test
    void describe_says_what_each_link_writes() {
        Template template = orders();
        assertThat(table.options(template, "CreateOrderFunction", "OrdersQueue")).extracting(o -> o.command().describe())
                .contains("Add event OrdersQueueEvent (SQS from OrdersQueue) to CreateOrderFunction",
                        "Add policy SQSSendMessagePolicy on OrdersQueue to CreateOrderFunction",
                        "Add connector CreateOrderFunctionToOrdersQueueConnector (Read, Write from CreateOrderFunction to OrdersQueue)",
                        "Set environment variable ORDERS_QUEUE_URL of CreateOrderFunction to !Ref OrdersQueue");
        assertThat(table.options(notes(), "JobsQueue", "createNote")).extracting(o -> o.command().describe())
                .containsExactly("Add sqs event from JobsQueue to createNote",
                        "Set environment variable JOBS_QUEUE_URL of createNote to !Ref JobsQueue");
    }

    @Test
    void a_link_once_made_is_not_offered_again() {
        Template before = orders();
        for (List<String> pair : ORDERS_PAIRS) {
            for (LinkOption option : table.options(before, pair.get(0), pair.get(1))) {
                Template after = apply(before, option.command());
                List<EditCommand> again = table.options(after, pair.get(0), pair.get(1)).stream().map(LinkOption::command).toList();
                assertThat(again).as(option.command().describe()).noneMatch(c -> sameLink(option.command(), c));
            }
        }
    }

    /** Whether {@code offered} would write what {@code made} wrote already (or less). */
    private static boolean sameLink(EditCommand made, EditCommand offered) {
        return switch (made) {
            case AddEventSource e -> offered instanceof AddEventSource o && o.function().equals(e.function())
                    && o.source().equals(e.source());
            case AddPolicyTemplate p -> offered instanceof AddPolicyTemplate o && o.function().equals(p.function())
                    && o.policy().equals(p.policy()) && o.parameters().equals(p.parameters());
            case AddConnector c -> offered instanceof AddConnector o && o.source().equals(c.source())
                    && o.destination().equals(c.destination()) && c.permissions().containsAll(o.permissions());
            case SetEnvironmentReference s -> offered instanceof SetEnvironmentReference o && o.function().equals(s.function())
                    && o.resource().equals(s.resource());
            default -> false;
        };
    }

    @Test
    void links_the_sample_has_already_are_not_offered() {
        Template template = orders();
        List<LinkOption> table = this.table.options(template, "CreateOrderFunction", "OrdersTable");
        // DynamoDBCrudPolicy is in its Policies; TABLE_NAME: !Ref OrdersTable comes with Globals
        assertThat(table).extracting(LinkOption::label).doesNotContain("DynamoDBCrudPolicy (CreateOrderFunction → OrdersTable)")
                .contains("DynamoDBReadPolicy (CreateOrderFunction → OrdersTable)");
        assertThat(table).extracting(LinkOption::kind).doesNotContain(LinkOption.ENVIRONMENT_VARIABLE, LinkOption.EVENT_SOURCE);
        assertThat(this.table.options(template, "OrdersApi", "GetOrderFunction")).extracting(LinkOption::kind)
                .doesNotContain(LinkOption.EVENT_SOURCE);
    }

    @Test
    void a_link_that_would_close_a_dependency_cycle_is_not_offered() {
        Template template = orders();
        // SAM writes the function into the API's definition: a Ref to the API in the function would be a cycle
        assertThat(table.options(template, "OrdersApi", "CreateOrderFunction")).extracting(LinkOption::kind)
                .containsExactly(LinkOption.CONNECTOR);
        LinkOption readBucket = table.options(template, "ListOrdersFunction", "UploadsBucket").stream()
                .filter(o -> o.label().startsWith("S3ReadPolicy")).findFirst().orElseThrow();
        // the role would need the bucket, the bucket's notifications the function: SAM's known circular dependency
        assertThat(table.options(apply(template, readBucket.command()), "UploadsBucket", "ListOrdersFunction"))
                .extracting(LinkOption::kind).doesNotContain(LinkOption.EVENT_SOURCE);
    }

    @Test
    void a_table_is_an_event_source_only_with_a_stream() {
        Template template = orders();
        assertThat(table.options(template, "OrdersTable", "GetOrderFunction")).extracting(LinkOption::kind)
                .doesNotContain(LinkOption.EVENT_SOURCE);
        Template streamed = apply(template, new SetProperty("OrdersTable", List.of("StreamSpecification", "StreamViewType"),
                Value.string("NEW_AND_OLD_IMAGES")));
        LinkOption stream = table.options(streamed, "OrdersTable", "GetOrderFunction").getFirst();
        assertThat(stream.label()).isEqualTo("DynamoDB event (OrdersTable → GetOrderFunction)");
        assertThat(TextChange.of(streamed, apply(streamed, stream.command())).added()).contains(
                "            Stream: !GetAtt OrdersTable.StreamArn", "            StartingPosition: LATEST");
    }

    @Test
    void an_api_event_gets_a_route_of_its_own() {
        Template template = apply(orders(), new AddResource("ShipOrderFunction", "AWS::Serverless::Function", List.of(
                Value.entry("CodeUri", Value.string("src/ship_order/")), Value.entry("Handler", Value.string("app.handler")))));
        LinkOption api = table.options(template, "ShipOrderFunction", "OrdersApi").getFirst();

        assertThat(api.label()).isEqualTo("Api event GET /ship-order (OrdersApi → ShipOrderFunction)");
        Template after = apply(template, api.command());
        assertThat(ResourceGraph.of(after).edges()).contains(new Edge("OrdersApi", "ShipOrderFunction", Edge.EVENT));
        assertThat(TextChange.of(template, after).added()).containsExactly(
                "      Events:",
                "        OrdersApiEvent:",
                "          Type: Api",
                "          Properties:",
                "            RestApiId: !Ref OrdersApi",
                "            Path: /ship-order",
                "            Method: get");
    }

    @Test
    void a_serverless_function_gets_events_and_variables() {
        Template template = notes();
        List<LinkOption> queue = table.options(template, "JobsQueue", "createNote");
        assertThat(queue).extracting(LinkOption::kind).containsExactly(LinkOption.EVENT_SOURCE, LinkOption.ENVIRONMENT_VARIABLE);
        Template after = apply(template, queue.getFirst().command());
        assertThat(ResourceGraph.of(after).edges()).contains(new Edge("JobsQueue", "createNote", Edge.EVENT));
        assertThat(TextChange.of(template, after).added()).containsExactly("      - sqs:", "          arn: !GetAtt JobsQueue.Arn");

        LinkOption stream = table.options(template, "getNote", "NotesTable").getFirst();
        assertThat(stream.command().describe()).isEqualTo("Add stream event from NotesTable to getNote");
        assertThat(ResourceGraph.of(apply(template, stream.command())).edges())
                .contains(new Edge("NotesTable", "getNote", Edge.EVENT));
        // provider.environment gives every function NOTES_TABLE: !Ref NotesTable already
        assertThat(table.options(template, "getNote", "NotesTable")).extracting(LinkOption::kind)
                .containsExactly(LinkOption.EVENT_SOURCE);
    }

    @Test
    void a_serverless_function_is_referred_to_by_the_frameworks_logical_id() {
        Template template = notes();
        LinkOption variable = table.options(template, "getNote", "createNote").getFirst();
        assertThat(variable.command().describe()).isEqualTo("Set environment variable CREATE_NOTE_NAME of getNote to !Ref createNote");
        Template after = apply(template, variable.command());
        assertThat(TextChange.of(template, after).added()).containsExactly("    environment:",
                "      CREATE_NOTE_NAME: !Ref CreateNoteLambdaFunction");
        assertThat(ResourceGraph.of(after).edges()).contains(new Edge("getNote", "createNote", Edge.REF));
    }

    @Test
    void a_plain_cloudformation_template_links_by_variables_only() {
        Template template = new TemplateReader().read("plain.yaml", """
                Resources:
                  Jobs:
                    Type: AWS::SQS::Queue
                  Worker:
                    Type: AWS::Lambda::Function
                    Properties:
                      Handler: index.handler
                      Runtime: python3.12
                      Role: arn:aws:iam::123456789012:role/worker
                      Code:
                        ZipFile: print(1)
                """);
        assertThat(table.options(template, "Jobs", "Worker")).extracting(LinkOption::label)
                .containsExactly("Environment variable JOBS_URL (Worker → Jobs)");
    }

    @Test
    void a_reference_to_a_name_sam_derives_counts_as_a_dependency() {
        Template template = new TemplateReader().read("alias.yaml", """
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  Cron:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: app.handler
                      Runtime: python3.12
                      CodeUri: src/
                      AutoPublishAlias: live
                  SchedulerRole:
                    Type: AWS::IAM::Role
                    Properties:
                      AssumeRolePolicyDocument: {}
                      Policies:
                        - PolicyName: invoke
                          PolicyDocument:
                            Statement:
                              - Effect: Allow
                                Action: lambda:InvokeFunction
                                Resource: !Ref Cron.Alias
                """);
        // the role needs the function's alias, so the function may not need the role
        assertThat(table.options(template, "Cron", "SchedulerRole")).isEmpty();
    }

    @Test
    void an_api_whose_definition_sam_cannot_add_to_and_a_tenant_isolated_function_take_no_such_events() {
        Template template = new TemplateReader().read("apis.yaml", """
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  Included:
                    Type: AWS::Serverless::HttpApi
                    Properties:
                      DefinitionBody:
                        Fn::Transform:
                          Name: AWS::Include
                          Parameters:
                            Location: api.yaml
                  Jobs:
                    Type: AWS::SQS::Queue
                  Tenant:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: app.handler
                      Runtime: python3.12
                      CodeUri: src/
                      TenancyConfig:
                        TenantIsolationMode: PER_TENANT
                """);
        assertThat(table.options(template, "Included", "Tenant")).extracting(LinkOption::kind)
                .doesNotContain(LinkOption.EVENT_SOURCE);
        assertThat(table.options(template, "Jobs", "Tenant")).extracting(LinkOption::kind)
                .doesNotContain(LinkOption.EVENT_SOURCE).contains(LinkOption.POLICY_TEMPLATE);
    }

    @Test
    void a_queue_that_hides_messages_for_less_than_the_function_runs_is_said_to_need_a_longer_timeout() {
        Template template = apply(orders(), new SetProperty("CreateOrderFunction", List.of("Timeout"), Value.number(60)));
        assertThat(table.options(template, "OrdersQueue", "CreateOrderFunction").getFirst().description()).endsWith(
                "Lambda refuses the mapping while OrdersQueue's VisibilityTimeout (30 s) is below the function's timeout"
                        + " (60 s): raise it to 60 or more.");
        // orders-service's functions run for 10 s at most (Globals)
        assertThat(table.options(orders(), "OrdersQueue", "CreateOrderFunction").getFirst().description())
                .doesNotContain("VisibilityTimeout");
    }

    @Test
    void ids_that_name_no_two_resources_give_no_options() {
        Template template = orders();
        assertThat(table.options(template, "Stage", "CreateOrderFunction")).isEmpty();
        assertThat(table.options(template, "Nothing", "CreateOrderFunction")).isEmpty();
        assertThat(table.options(template, "CreateOrderFunction", "CreateOrderFunction")).isEmpty();
    }

    private static List<String> comments(Template template) {
        return Stream.of(template.source().text().split("\n")).filter(l -> l.strip().startsWith("#") || l.contains(" #")).toList();
    }
}
