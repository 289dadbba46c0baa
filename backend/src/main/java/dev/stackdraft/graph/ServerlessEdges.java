package dev.stackdraft.graph;

import dev.stackdraft.template.DocPath;
import dev.stackdraft.template.Resource;
import dev.stackdraft.template.ServerlessNames;
import dev.stackdraft.template.ResourceType;
import dev.stackdraft.template.Template;
import dev.stackdraft.template.Value;
import dev.stackdraft.template.Value.Entry;
import dev.stackdraft.template.Value.Mapping;
import dev.stackdraft.template.Value.Sequence;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The places of a {@code serverless.yml} function: {@code events} (an {@code sqs} / {@code stream} /
 * {@code sns} / {@code alb} ... source named by Ref, GetAtt or a literal ARN), {@code layers} and
 * {@code iamRoleStatements}, plus what every function inherits from {@code provider}: {@code layers} and the
 * shared role's statements. Also the logical ids the framework gives functions and layers in the stack it
 * generates ({@code hello} → {@code HelloLambdaFunction}), which {@code resources} refer to.
 */
final class ServerlessEdges {

    /** Parts of an event that name no source: where results go, who authorises calls. */
    private static final Set<String> NOT_SOURCES = Set.of("destinations", "authorizer");

    private ServerlessEdges() {}

    static void scan(Resource resource, Template template, Sites sites) {
        if (!resource.type().equals(ResourceType.SERVERLESS_FUNCTION)) {
            return;
        }
        DocPath path = resource.path();
        resource.definition().get("events").ifPresent(events -> events(events, path.child("events"), sites));
        resource.definition().get("layers").ifPresent(layers -> {
            sites.place(path.child("layers"), Role.LAYER);
            sites.mentions(Mentions.arnItems(layers, path.child("layers")));
        });
        sites.place(path.child("iamRoleStatements"), Role.POLICY);
        template.root().mapping("provider").ifPresent(provider -> inheritFromProvider(provider, sites));
    }

    private static void events(Value events, DocPath path, Sites sites) {
        if (!(events instanceof Sequence seq)) {
            return;
        }
        for (int i = 0; i < seq.items().size(); i++) {
            if (seq.items().get(i) instanceof Mapping event) {
                for (Entry e : event.entries()) {
                    DocPath at = path.child(i).child(e.name());
                    sites.place(at, Role.EVENT);
                    if (e.value() instanceof Mapping spec) {
                        for (Entry setting : spec.entries()) {
                            if (NOT_SOURCES.contains(setting.name())) {
                                sites.place(at.child(setting.name()), Role.GENERIC);
                            } else {
                                Mentions.arn(setting.value(), at.child(setting.name())).ifPresent(sites::mention);
                            }
                        }
                    } else {
                        Mentions.arn(e.value(), at).ifPresent(sites::mention);
                    }
                }
            }
        }
    }

    private static void inheritFromProvider(Mapping provider, Sites sites) {
        DocPath path = DocPath.of("provider");
        provider.get("layers").ifPresent(layers -> sites.inherit(layers, path.child("layers"), Role.LAYER,
                Mentions.arnItems(layers, path.child("layers"))));
        provider.get("iamRoleStatements").ifPresent(statements ->
                sites.inherit(statements, path.child("iamRoleStatements"), Role.POLICY, List.of()));
        provider.mapping("iam").flatMap(iam -> iam.mapping("role")).flatMap(role -> role.get("statements"))
                .ifPresent(statements -> sites.inherit(statements,
                        DocPath.of("provider", "iam", "role", "statements"), Role.POLICY, List.of()));
    }

    /** The logical id the framework gives a function or layer of a {@code serverless.yml}. */
    static Optional<String> generatedId(Resource resource) {
        return ServerlessNames.logicalId(resource);
    }
}
