package dev.stackdraft.ui.project;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import dev.stackdraft.appsync.BindResolver;
import dev.stackdraft.appsync.Code;
import dev.stackdraft.appsync.DataSource;
import dev.stackdraft.appsync.Field;
import dev.stackdraft.appsync.GraphQlApi;
import dev.stackdraft.appsync.RemoveOrphanResolvers;
import dev.stackdraft.appsync.Resolver;
import dev.stackdraft.appsync.SchemaFields;
import dev.stackdraft.appsync.SchemaSource;
import dev.stackdraft.appsync.StarterCode;
import dev.stackdraft.appsync.UnbindResolver;
import dev.stackdraft.editing.SessionEdit;
import dev.stackdraft.template.Template;
import dev.stackdraft.template.TemplateException;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The resolvers of a GraphQL API: every field of Query, Mutation and Subscription (and of other types where a
 * resolver is attached) from its schema, with its resolver and data source or "none"; a field chosen is bound to one
 * of the API's data sources with code (the field's own, or a starter for the data source's kind: get/put/query for
 * DynamoDB, invoke for Lambda) or unbound. Resolvers whose field the schema no longer has are listed, with a button
 * that removes them. The schema is read from the template or, where the template names a file, from the repository.
 */
class ResolverPanel extends Composite<Div> {

    private final Template template;
    private final GraphQlApi api;
    private final Edits edits;
    private final Div editor = new Div();
    private final Function<String, String> besideTemplate;
    private final java.util.function.Predicate<String> exists;

    /**
     * @param files       reads a file named relative to the template's folder (a schema file)
     * @param besideTemplate the repository path of a path relative to the template's folder
     * @param exists      whether the repository (or a pending change) has a file, by its repository path
     */
    ResolverPanel(Template template, GraphQlApi api, Function<String, Optional<String>> files,
                  Function<String, String> besideTemplate, java.util.function.Predicate<String> exists, Edits edits) {
        this.besideTemplate = besideTemplate;
        this.exists = exists;
        this.template = template;
        this.api = api;
        this.edits = edits;
        Div root = getContent();
        root.setId("resolver-panel");
        root.addClassName("layer-panel");
        root.getElement().setAttribute("data-api", api.id());
        H4 heading = new H4("Resolvers");
        heading.addClassName("panel-title");
        root.add(heading);
        Optional<String> schema = switch (api.schema()) {
            case SchemaSource.Inline inline -> Optional.of(inline.text());
            case SchemaSource.File file -> files.apply(file.path());
            case SchemaSource.Remote remote -> Optional.empty();
            case SchemaSource.Missing missing -> Optional.empty();
        };
        if (schema.isEmpty()) {
            root.add(note(switch (api.schema()) {
                case SchemaSource.File file -> "The schema file " + file.path() + " is not in the repository.";
                case SchemaSource.Remote remote -> "The schema is at " + remote.location() + ", outside the repository: "
                        + "its fields cannot be listed here.";
                default -> "This API names no schema yet.";
            }));
            return;
        }
        List<Field> fields;
        try {
            fields = SchemaFields.of(api, schema.get());
        } catch (TemplateException unreadable) {
            Paragraph problem = note(unreadable.getMessage());
            problem.setId("resolver-schema-problem");
            root.add(problem);
            return;
        }
        Div list = new Div();
        list.setId("resolver-fields");
        root.getElement().setAttribute("data-count", Integer.toString(fields.size()));
        fields.forEach(field -> list.add(row(field)));
        root.add(list);
        List<Resolver> orphans = SchemaFields.orphans(api, schema.get());
        if (!orphans.isEmpty()) {
            Paragraph orphaned = note("Resolvers of fields the schema no longer has: " + String.join(", ",
                    orphans.stream().map(Resolver::coordinate).toList()) + ".");
            orphaned.setId("resolver-orphans");
            Button remove = new Button("Remove them", click -> edits.apply(new RemoveOrphanResolvers(api.id(),
                    schema.get())));
            remove.setId("resolver-remove-orphans");
            remove.addThemeVariants(ButtonVariant.ERROR, ButtonVariant.SMALL);
            root.add(orphaned, remove);
        }
        editor.setId("resolver-editor");
        root.add(newDataSource(), editor);
    }

    /**
     * A data source from the canvas: a table or a function of the template (with a least-privilege role), an HTTP
     * endpoint, or none; then fields can be bound to it.
     */
    private Component newDataSource() {
        record Target(String label, DataSource.Kind kind, String target) {}
        List<String> taken = api.dataSources().stream().flatMap(d -> java.util.stream.Stream.of(d.name(),
                String.valueOf(d.target()), String.valueOf(d.logicalId()))).toList();
        List<Target> targets = new java.util.ArrayList<>();
        for (var resource : template.resources()) {
            String id = resource.id().value();
            String type = resource.type().value();
            if (taken.contains(id)) {
                continue;
            }
            if (type.equals("AWS::DynamoDB::Table") || type.equals("AWS::Serverless::SimpleTable")) {
                targets.add(new Target(id + " · table", DataSource.Kind.DYNAMODB, id));
            } else if (resource.type().isFunction()) {
                targets.add(new Target(id + " · function", DataSource.Kind.LAMBDA, id));
            }
        }
        Select<Target> target = new Select<>();
        target.setId("resolver-new-source");
        target.setLabel("New data source");
        target.setItems(targets);
        target.setItemLabelGenerator(t -> t == null ? "" : t.label());
        target.setEmptySelectionAllowed(true);
        target.setEmptySelectionCaption("a table or function of this stack");
        com.vaadin.flow.component.textfield.TextField endpoint = new com.vaadin.flow.component.textfield.TextField(
                "or an HTTP endpoint");
        endpoint.setId("resolver-new-endpoint");
        endpoint.setPlaceholder("https://api.example.com");
        Button add = new Button("Add data source", click -> {
            if (target.getValue() != null) {
                Target chosen = target.getValue();
                edits.apply(new dev.stackdraft.appsync.AddDataSource(api.id(), chosen.target() + "Source",
                        chosen.kind(), chosen.target()));
            } else if (!endpoint.getValue().isBlank()) {
                String url = endpoint.getValue().strip();
                String name = url.replaceFirst("(?i)https?://", "").replaceAll("[^A-Za-z0-9]+", "_")
                        .replaceAll("^_+|_+$", "");
                edits.apply(new dev.stackdraft.appsync.AddDataSource(api.id(), name.isEmpty() ? "Http" : name,
                        DataSource.Kind.HTTP, url));
            } else {
                dev.stackdraft.ui.Notices.error("Choose a table or function, or give an HTTP endpoint.");
            }
        });
        add.setId("resolver-add-source");
        Div box = new Div(target, endpoint, add);
        box.addClassName("filters");
        return box;
    }

    private Component row(Field field) {
        Resolver resolver = field.resolver();
        String bound = resolver == null ? "none" : resolver.kind() == Resolver.Kind.PIPELINE
                ? "pipeline " + String.join(" → ", resolver.pipeline()) : String.valueOf(resolver.dataSource());
        Span name = new Span(field.coordinate());
        name.addClassName("layer-label");
        Span type = new Span("(" + String.join(", ", field.arguments()) + "): " + field.type());
        type.addClassName("layer-written");
        Span resolved = new Span(resolver == null ? "no resolver" : "→ " + bound
                + (field.dataSources().isEmpty() ? "" : " (" + String.join(", ", field.dataSources()) + ")"));
        resolved.addClassNames("layer-mark", resolver == null ? "layer-mark-misfit" : "layer-mark-environment");
        Div row = new Div(name, type, resolved);
        row.addClassNames("layer-row", "resolver-field");
        row.getElement().setAttribute("data-field", field.coordinate());
        row.getElement().setAttribute("data-resolver", resolver == null ? "none" : bound);
        row.getElement().setAttribute("tabindex", "0");
        row.getElement().setAttribute("role", "button");
        row.addClickListener(click -> edit(field));
        return row;
    }

    /** The chosen field: its data source and code, bound or unbound with one click. */
    private void edit(Field field) {
        editor.removeAll();
        editor.getElement().setAttribute("data-field", field.coordinate());
        Resolver resolver = field.resolver();
        Select<String> source = new Select<>();
        source.setId("resolver-data-source");
        source.setLabel("Data source of " + field.coordinate());
        List<String> names = api.dataSources().stream().map(DataSource::name).toList();
        source.setItems(names);
        source.setItemLabelGenerator(n -> api.dataSource(n).map(d -> n + " · " + d.kind().name().toLowerCase()
                + (d.target() == null ? "" : " · " + d.target())).orElse(n));
        TextArea code = new TextArea("Code (APPSYNC_JS), or a .js file's path beside the template");
        code.setId("resolver-code");
        code.setWidthFull();
        code.addClassName("yaml-field");
        if (resolver != null && resolver.dataSource() != null && names.contains(resolver.dataSource())) {
            source.setValue(resolver.dataSource());
        } else if (!names.isEmpty()) {
            source.setValue(names.getFirst());
        }
        Runnable starter = () -> {
            Optional<DataSource> chosen = Optional.ofNullable(source.getValue()).flatMap(api::dataSource);
            code.setValue(chosen.map(d -> StarterCode.javascript(d.kind(), field.typeName(), field.name(),
                    StarterCode.tableKey(template, d))).orElse(""));
        };
        if (resolver != null && resolver.code() instanceof Code.Inline inline) {
            code.setValue(inline.text());
        } else {
            starter.run();
        }
        source.addValueChangeListener(change -> {
            if (change.isFromClient() && (resolver == null || !(resolver.code() instanceof Code.Inline))) {
                starter.run();
            }
        });
        Button starterButton = new Button("Starter code", click -> starter.run());
        starterButton.setId("resolver-starter");
        Button bind = new Button(resolver == null ? "Bind" : "Save", click -> {
            if (source.getValue() == null) {
                dev.stackdraft.ui.Notices.error("This API has no data source yet: add one first.");
                return;
            }
            String written = code.getValue().isBlank() ? null : code.getValue();
            boolean sameCode = resolver != null && resolver.code() instanceof Code.Inline inline
                    && inline.text().equals(written);
            BindResolver binding = new BindResolver(api.id(), field.typeName(), field.name(), source.getValue(),
                    sameCode ? null : written);
            if (written != null && BindResolver.isFilePath(written) && !written.strip().startsWith("s3://")) {
                // a code file named here is written with the starter code when the repository has none yet
                String path = besideTemplate.apply(written.strip());
                if (path.startsWith("..") || path.startsWith("/")) {
                    dev.stackdraft.ui.Notices.error(written.strip() + " is outside the repository: name a file beside "
                            + "the template or below its folder.");
                    return;
                }
                Optional<DataSource> chosen = api.dataSource(source.getValue());
                if (!exists.test(path) && chosen.isPresent()) {
                    edits.apply(new SessionEdit(binding, List.of(), java.util.Map.of(path, StarterCode.javascript(
                            chosen.get().kind(), field.typeName(), field.name(), StarterCode.tableKey(template,
                                    chosen.get()))), binding.describe() + "; write " + path));
                    return;
                }
            }
            edits.apply(binding);
        });
        bind.setId("resolver-bind");
        bind.addThemeVariants(ButtonVariant.PRIMARY);
        Button unbind = new Button("Unbind", click -> edits.apply(new UnbindResolver(api.id(), field.typeName(),
                field.name())));
        unbind.setId("resolver-unbind");
        unbind.addThemeVariants(ButtonVariant.ERROR);
        unbind.setEnabled(resolver != null);
        if (resolver != null && !(resolver.code() instanceof Code.Inline) && !(resolver.code() instanceof Code.None)) {
            editor.add(note("Its code is " + describe(resolver.code()) + ": saving with code here writes it inline."));
        }
        Div actions = new Div(bind, starterButton, unbind);
        actions.addClassName("filters");
        editor.add(source, code, actions, pipeline(field));
    }

    /**
     * The field's pipeline: its functions in order (moved, removed), an existing function added, or a new one made on
     * a data source; a field without one, or with a unit resolver, becomes a pipeline when a function is added.
     */
    private Component pipeline(Field field) {
        Div box = new Div();
        box.setId("resolver-pipeline");
        H4 heading = new H4("Pipeline");
        heading.addClassName("panel-title");
        box.add(heading);
        Resolver resolver = field.resolver();
        List<String> functions = resolver != null && resolver.kind() == Resolver.Kind.PIPELINE
                ? resolver.pipeline() : List.of();
        box.getElement().setAttribute("data-functions", String.join(" ", functions));
        for (int i = 0; i < functions.size(); i++) {
            int at = i;
            String name = functions.get(i);
            Span label = new Span((i + 1) + ". " + name + api.function(name).map(f -> f.dataSource() == null ? ""
                    : " · " + f.dataSource()).orElse(""));
            Button up = small("↑", "pipeline-up", at > 0, () -> setPipeline(field, moved(functions, at, at - 1)));
            Button down = small("↓", "pipeline-down", at < functions.size() - 1,
                    () -> setPipeline(field, moved(functions, at, at + 1)));
            Button remove = small("Remove", "pipeline-remove", functions.size() > 1, () -> {
                List<String> rest = new java.util.ArrayList<>(functions);
                rest.remove(at);
                setPipeline(field, rest);
            });
            Div row = new Div(label, up, down, remove);
            row.addClassNames("layer-actions", "pipeline-function");
            row.getElement().setAttribute("data-function", name);
            box.add(row);
        }
        Select<String> existing = new Select<>();
        existing.setId("pipeline-add-function");
        existing.setLabel("Add a function");
        existing.setItems(api.functions().stream().map(dev.stackdraft.appsync.PipelineFunction::name)
                .filter(n -> !functions.contains(n)).toList());
        Button add = new Button("Add to the pipeline", click -> {
            if (existing.getValue() != null) {
                List<String> more = new java.util.ArrayList<>(functions);
                more.add(existing.getValue());
                setPipeline(field, more);
            }
        });
        add.setId("pipeline-add");
        com.vaadin.flow.component.textfield.TextField name = new com.vaadin.flow.component.textfield.TextField(
                "Or a new function");
        name.setId("pipeline-new-name");
        name.setPlaceholder(field.name() + "Step");
        Select<String> on = new Select<>();
        on.setId("pipeline-new-source");
        on.setLabel("on data source");
        on.setItems(api.dataSources().stream().map(DataSource::name).toList());
        Button create = new Button("New function", click -> {
            if (name.getValue().isBlank() || on.getValue() == null) {
                dev.stackdraft.ui.Notices.error("Give the new function a name and a data source.");
                return;
            }
            edits.apply(new dev.stackdraft.appsync.NewPipelineFunction(api.id(), name.getValue().strip(), on.getValue(),
                    null));
        });
        create.setId("pipeline-new");
        Div adding = new Div(existing, add);
        adding.addClassName("filters");
        Div making = new Div(name, on, create);
        making.addClassName("filters");
        box.add(adding, making);
        return box;
    }

    private void setPipeline(Field field, List<String> functions) {
        edits.apply(new dev.stackdraft.appsync.SetPipeline(api.id(), field.typeName(), field.name(), functions));
    }

    private static List<String> moved(List<String> functions, int from, int to) {
        List<String> order = new java.util.ArrayList<>(functions);
        order.add(to, order.remove(from));
        return order;
    }

    private static Button small(String text, String className, boolean enabled, Runnable action) {
        Button button = new Button(text, click -> action.run());
        button.addClassName(className);
        button.addThemeVariants(ButtonVariant.SMALL);
        button.setEnabled(enabled);
        return button;
    }

    private static String describe(Code code) {
        return switch (code) {
            case Code.File file -> "in the file " + file.path();
            case Code.Remote remote -> "at " + remote.location();
            case Code.Vtl vtl -> "VTL mapping templates";
            default -> "elsewhere";
        };
    }

    private static Paragraph note(String text) {
        Paragraph note = new Paragraph(text);
        note.addClassName("import-status");
        return note;
    }
}
