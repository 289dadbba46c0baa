package dev.stackdraft.editing.links;

import dev.stackdraft.edit.AddResource;
import dev.stackdraft.edit.EditCommand;
import dev.stackdraft.edit.Editor;
import dev.stackdraft.edit.SetProperty;
import dev.stackdraft.template.Template;
import dev.stackdraft.template.TemplateReader;
import dev.stackdraft.template.Value;
import java.nio.file.Path;
import java.util.List;

/** The samples the link tests start from, with what a user adds from the palette before connecting it. */
final class LinkSamples {

    static final Path ORDERS = Path.of("src/main/resources/samples/orders-service/template.yaml");
    static final Path NOTES = Path.of("src/main/resources/samples/notes-serverless/serverless.yml");

    /** Pairs of orders-service (with a queue, a topic and a bucket added), as a user would drag them. */
    static final List<List<String>> ORDERS_PAIRS = List.of(
            List.of("OrdersQueue", "CreateOrderFunction"), List.of("CreateOrderFunction", "OrdersTable"),
            List.of("OrdersTopic", "GetOrderFunction"), List.of("UploadsBucket", "ListOrdersFunction"),
            List.of("OrdersApi", "GetOrderFunction"), List.of("GetOrderFunction", "CreateOrderFunction"),
            List.of("OrdersGraphQLApi", "CreateOrderFunction"), List.of("CreateOrderFunction", "CommonLayer"));

    private LinkSamples() {}

    static Template read(Path file) {
        return new TemplateReader().read(file);
    }

    /** orders-service with a queue, a topic and a bucket added at the end of Resources. */
    static Template orders() {
        return apply(read(ORDERS), new AddResource("OrdersQueue", "AWS::SQS::Queue", List.of()),
                new AddResource("OrdersTopic", "AWS::SNS::Topic", List.of()),
                new AddResource("UploadsBucket", "AWS::S3::Bucket", List.of()));
    }

    /** notes-serverless with a queue added and a stream on its table. */
    static Template notes() {
        return apply(read(NOTES), new AddResource("JobsQueue", "AWS::SQS::Queue", List.of()),
                new SetProperty("NotesTable", List.of("StreamSpecification", "StreamViewType"), Value.string("NEW_IMAGE")));
    }

    static Template apply(Template template, EditCommand... commands) {
        return new Editor().applyAll(template, List.of(commands)).after();
    }
}
