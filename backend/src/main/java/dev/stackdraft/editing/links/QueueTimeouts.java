package dev.stackdraft.editing.links;

import dev.stackdraft.template.DocPath;
import dev.stackdraft.template.Resource;
import dev.stackdraft.template.ResourceType;
import dev.stackdraft.template.Template;
import dev.stackdraft.template.Value;
import dev.stackdraft.template.Value.Scalar;
import java.util.Optional;

/**
 * Lambda refuses to map a queue to a function that may run longer than the queue hides a message (its visibility
 * timeout). Where both numbers are written out (or are the defaults), an SQS event source says so.
 */
final class QueueTimeouts {

    private static final int QUEUE_DEFAULT = 30;
    private static final int SAM_DEFAULT = 3;
    private static final int FRAMEWORK_DEFAULT = 6;

    private QueueTimeouts() {}

    /** A sentence for the chooser when the function's timeout exceeds the queue's visibility timeout; else empty. */
    static String warning(Template template, Resource function, Resource queue) {
        Optional<Integer> visibility = queue.property("VisibilityTimeout").map(QueueTimeouts::seconds)
                .orElse(Optional.of(QUEUE_DEFAULT));
        Optional<Integer> timeout = timeout(template, function);
        if (visibility.isEmpty() || timeout.isEmpty() || timeout.get() <= visibility.get()) {
            return "";
        }
        return " Lambda refuses the mapping while " + queue.id().value() + "'s VisibilityTimeout (" + visibility.get()
                + " s) is below the function's timeout (" + timeout.get() + " s): raise it to " + timeout.get() + " or more.";
    }

    private static Optional<Integer> timeout(Template template, Resource function) {
        boolean framework = function.type().equals(ResourceType.SERVERLESS_FUNCTION);
        Optional<Value> own = function.property(framework ? "timeout" : "Timeout");
        if (own.isPresent()) {
            return seconds(own.get());
        }
        Optional<Value> shared = template.at(framework ? DocPath.of("provider", "timeout") : DocPath.of("Globals", "Function", "Timeout"));
        return shared.isPresent() ? seconds(shared.get()) : Optional.of(framework ? FRAMEWORK_DEFAULT : SAM_DEFAULT);
    }

    /** A number of seconds written out; empty for a Ref, a Sub or anything else decided at deploy time. */
    private static Optional<Integer> seconds(Value value) {
        return value instanceof Scalar s && s.text().strip().matches("\\d{1,6}")
                ? Optional.of(Integer.parseInt(s.text().strip())) : Optional.empty();
    }
}
