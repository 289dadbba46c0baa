package dev.stackdraft.edit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stackdraft.template.Corpus;
import dev.stackdraft.template.DocPath;
import dev.stackdraft.template.EditResult;
import dev.stackdraft.template.Plain;
import dev.stackdraft.template.Reference;
import dev.stackdraft.template.References;
import dev.stackdraft.template.Resource;
import dev.stackdraft.template.SourceFormat;
import dev.stackdraft.template.Template;
import dev.stackdraft.template.TemplateException;
import dev.stackdraft.template.TemplateReader;
import dev.stackdraft.template.UnifiedDiff;
import dev.stackdraft.template.Value;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every edit command, over every corpus file where it applies: the result re-parses, means exactly the old
 * template plus the intended change, keeps every comment, and its diff is no larger than the change needs.
 * Edits that are refused must be refused with a reason, never half-done.
 */
class CorpusEditTest {

    private static final String NEW_LAYER = "arn:aws:lambda:us-east-1:123456789012:layer:stackdraft-test:1";

    private final TemplateReader reader = new TemplateReader();
    private final Editor editor = new Editor();

    static Stream<Named<Path>> corpus() {
        return Corpus.files().map(p -> Named.of(Corpus.label(p), p));
    }

    @ParameterizedTest
    @MethodSource("corpus")
    void adding_a_layer_adds_exactly_that_layer(Path file) {
        Template template = reader.read(file);
        for (Resource function : functions(template)) {
            FunctionLayers layers = FunctionLayers.of(template, function);
            EditResult result = applyOrRefused(template, new AddLayer(function.id().value(), NEW_LAYER));
            if (result == null) {
                continue;
            }
            FunctionLayers after = FunctionLayers.of(result.after(), result.after().resource(function.id().value()).orElseThrow());
            List<Object> expected = new ArrayList<>(layers.effective().stream().map(Plain::of).toList());
            expected.add(Plain.of(Value.string(NEW_LAYER)));
            assertThat(after.effective().stream().map(Plain::of).toList()).as("layers of %s", function.id()).isEqualTo(expected);
            assertCommentsKept(template, result);
            if (layers.own().orElse(null) instanceof Value.Sequence list && !list.flow() && !list.items().isEmpty()
                    && template.source().format() == SourceFormat.YAML) {
                assertThat(diffCounts(result)).as("one added line in %s", function.id()).isEqualTo(Map.of("+", 1, "-", 0));
            } else {
                assertThat(UnifiedDiff.changedLines(result.before().source().text(), result.text())).isLessThanOrEqualTo(5);
            }
            EditResult back = editor.apply(result.after(), new RemoveLayer(function.id().value(), NEW_LAYER));
            if (layers.own().isPresent() || template.source().format() == SourceFormat.YAML) {
                assertThat(Plain.of(back.after().root())).isEqualTo(Plain.of(template.root()));
            }
            if (layers.own().orElse(null) instanceof Value.Sequence list && !list.items().isEmpty()) {
                assertThat(back.text()).as("add then remove comes back byte-identical").isEqualTo(template.source().text());
            }
        }
    }

    @ParameterizedTest
    @MethodSource("corpus")
    void renaming_a_resource_rewrites_every_reference_and_renaming_back_restores_the_bytes(Path file) {
        Template template = reader.read(file);
        for (Resource resource : template.resources().stream().filter(r -> r.path().segments().size() == 2
                && r.path().segments().getFirst().equals("Resources")).limit(6).toList()) {
            String from = resource.id().value();
            String to = from + "Renamed";
            long before = References.in(template).stream().filter(r -> r.target().equals(from)).count();
            EditResult renamed = applyOrRefused(template, new RenameLogicalId(from, to));
            if (renamed == null) {
                continue;
            }
            assertThat(renamed.after().resource(to)).isPresent();
            assertThat(renamed.after().resource(from)).isEmpty();
            List<Reference> after = References.in(renamed.after());
            assertThat(after.stream().filter(r -> r.target().equals(from))).as("references to %s left", from).isEmpty();
            assertThat(after.stream().filter(r -> r.target().equals(to)).count()).isEqualTo(before);
            assertCommentsKept(template, renamed);
            EditResult back = editor.apply(renamed.after(), new RenameLogicalId(to, from));
            assertThat(back.text()).as("%s -> %s -> %s", from, to, from).isEqualTo(template.source().text());
        }
    }

    @ParameterizedTest
    @MethodSource("corpus")
    void tags_set_then_removed_come_back_byte_identical(Path file) {
        Template template = reader.read(file);
        for (Resource resource : template.resources().stream().limit(8).toList()) {
            EditResult tagged = applyOrRefused(template, new SetTags(resource.id().value(), Map.of("stackdraft-team", "payments")));
            if (tagged == null) {
                continue;
            }
            assertCommentsKept(template, tagged);
            assertThat(tagged.after().resource(resource.id().value())).isPresent();
            EditResult back = editor.apply(tagged.after(), new RemoveTags(resource.id().value(), java.util.Set.of("stackdraft-team")));
            assertThat(Plain.of(back.after().root())).isEqualTo(Plain.of(template.root()));
            if (template.source().format() == SourceFormat.YAML) {
                assertThat(back.text()).isEqualTo(template.source().text());
            }
        }
    }

    @ParameterizedTest
    @MethodSource("corpus")
    void upgrading_a_layer_moves_every_use_to_the_new_version(Path file) {
        Template template = reader.read(file);
        List<LayerArn> arns = new ArrayList<>();
        java.util.regex.Matcher m = LayerArn.IN_TEXT.matcher(template.source().text());
        while (m.find()) {
            arns.add(LayerArn.of(m));
        }
        for (LayerArn arn : arns.stream().limit(3).toList()) {
            LayerArn next = arn.withVersion(arn.version() + 1000);
            EditResult result = applyOrRefused(template, new UpgradeLayer(next.toString()));
            if (result == null) {
                continue;
            }
            assertCommentsKept(template, result);
            java.util.regex.Matcher after = LayerArn.IN_TEXT.matcher(result.text());
            while (after.find()) {
                LayerArn found = LayerArn.of(after);
                if (found.sameLayer(next)) {
                    assertThat(found.version()).isEqualTo(next.version());
                }
            }
            assertThat(UnifiedDiff.changedLines(template.source().text(), result.text()))
                    .isLessThanOrEqualTo(2 * (int) arns.stream().filter(a -> a.sameLayer(next)).count());
        }
    }

    @ParameterizedTest
    @MethodSource("corpus")
    void one_functions_layer_moves_to_another_version_changing_one_line(Path file) {
        Template template = reader.read(file);
        for (Resource function : functions(template)) {
            for (Value item : FunctionLayers.of(template, function).ownItems()) {
                java.util.Optional<LayerArn> arn = FunctionLayers.arn(item).filter(a -> !a.toString().contains("${"));
                if (arn.isEmpty()) {
                    continue;
                }
                LayerArn next = arn.get().withVersion(arn.get().version() + 1000);
                EditResult result = applyOrRefused(template, new SetLayerVersion(function.id().value(), next.toString()));
                if (result == null) {
                    continue;
                }
                assertCommentsKept(template, result);
                assertThat(FunctionLayerList.of(result.after(), function.id().value()).items())
                        .anyMatch(i -> i.arn().flatMap(LayerArn::parse).filter(a -> a.version() == next.version()).isPresent());
                assertThat(UnifiedDiff.changedLines(template.source().text(), result.text())).isLessThanOrEqualTo(2);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("corpus")
    void a_layer_version_made_a_parameter_keeps_the_meaning_of_every_function(Path file) {
        Template template = reader.read(file);
        List<LayerArn> literal = new ArrayList<>();
        for (Resource function : functions(template)) {
            FunctionLayers layers = FunctionLayers.of(template, function);
            java.util.stream.Stream.concat(layers.ownItems().stream(), layers.globalItems().stream())
                    .flatMap(v -> FunctionLayers.arn(v).stream()).filter(a -> !a.toString().contains("${"))
                    .forEach(literal::add);
        }
        for (LayerArn arn : literal.stream().limit(2).toList()) {
            EditResult result = applyOrRefused(template, new LayerParameter(arn.toString(), "StackdraftLayerArn"));
            if (result == null) {
                continue;
            }
            assertCommentsKept(template, result);
            Template after = result.after();
            assertThat(after.parameter("StackdraftLayerArn")).hasValueSatisfying(p -> {
                assertThat(p.type()).isEqualTo("String");
                assertThat(p.defaultValue()).contains(arn.toString());
            });
            for (Resource function : functions(template)) {
                List<Value> before = FunctionLayers.of(template, function).effective();
                List<Value> now = FunctionLayers.of(after, after.resource(function.id().value()).orElseThrow()).effective();
                assertThat(now).as("layers of %s", function.id()).hasSameSizeAs(before);
                for (int i = 0; i < before.size(); i++) {
                    boolean replaced = FunctionLayers.arn(before.get(i)).filter(a -> a.sameLayer(arn)
                            && !a.toString().contains("${")).isPresent();
                    assertThat(Plain.of(now.get(i))).isEqualTo(replaced
                            ? Plain.of(Value.ref("StackdraftLayerArn")) : Plain.of(before.get(i)));
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("corpus")
    void adding_then_removing_a_resource_comes_back_byte_identical(Path file) {
        Template template = reader.read(file);
        EditResult added = applyOrRefused(template, new AddResource("StackdraftProbe", "AWS::SNS::Topic",
                List.of(Value.entry("DisplayName", Value.string("probe")))));
        if (added == null) {
            return;
        }
        assertThat(added.after().resource("StackdraftProbe")).get().extracting(r -> r.type().value()).isEqualTo("AWS::SNS::Topic");
        assertThat(added.after().resources()).hasSize(template.resources().size() + 1);
        assertCommentsKept(template, added);
        EditResult removed = editor.apply(added.after(), new RemoveResource("StackdraftProbe"));
        assertThat(removed.text()).isEqualTo(template.source().text());
    }

    @ParameterizedTest
    @MethodSource("corpus")
    void setting_then_removing_a_property_changes_only_that_property(Path file) {
        Template template = reader.read(file);
        for (Resource resource : template.resources().stream().limit(5).toList()) {
            List<String> property = List.of("StackdraftProbe", "Nested");
            EditResult set = applyOrRefused(template, new SetProperty(resource.id().value(), property, Value.string("on: yes # not a comment")));
            if (set == null) {
                continue;
            }
            Resource after = set.after().resource(resource.id().value()).orElseThrow();
            assertThat(after.property("StackdraftProbe").map(Plain::of)).contains(Plain.of(
                    Value.mapping(List.of(Value.entry("Nested", Value.string("on: yes # not a comment"))))));
            assertCommentsKept(template, set);
            EditResult removed = editor.apply(set.after(), new RemoveProperty(resource.id().value(), property));
            assertThat(Plain.of(removed.after().root())).isEqualTo(Plain.of(template.root()));
            if (template.source().format() == SourceFormat.YAML && resource.properties().isPresent()) {
                assertThat(removed.text()).isEqualTo(template.source().text());
            }
        }
    }

    @ParameterizedTest
    @MethodSource("corpus")
    void keeping_the_last_of_each_repeated_key_leaves_none_and_the_meaning_as_it_was(Path file) {
        Template template;
        try {
            template = reader.read(file);
        } catch (TemplateException unreadable) {
            return;
        }
        if (template.findings().stream().noneMatch(f -> f.code().equals("duplicate-key"))) {
            return;
        }
        EditResult result = editor.apply(template, new KeepLastDuplicateKeys());
        assertThat(result.after().findings()).noneMatch(f -> f.code().equals("duplicate-key"));
        assertThat(Plain.of(result.after().root())).isEqualTo(Plain.of(template.root()));
        assertThat(diffCounts(result).get("+")).as("only lines taken away").isZero();
    }

    @ParameterizedTest
    @MethodSource("corpus")
    void the_sam_transform_is_added_once_at_the_top(Path file) {
        Template template = reader.read(file);
        if (template.dialect() != dev.stackdraft.template.Dialect.CLOUDFORMATION || template.hasReadErrors()) {
            return;
        }
        EditResult result = editor.apply(template, new AddSamTransform());
        assertThat(result.after().transforms()).endsWith("AWS::Serverless-2016-10-31").hasSize(template.transforms().size() + 1);
        assertThat(result.after().isSam()).isTrue();
        assertCommentsKept(template, result);
        // one line added, or a Transform line become a list of two
        assertThat(UnifiedDiff.changedLines(template.source().text(), result.text())).isLessThanOrEqualTo(4);
    }

    @ParameterizedTest
    @MethodSource("corpus")
    void a_group_set_then_removed_comes_back_byte_identical(Path file) {
        Template template = reader.read(file);
        if (template.dialect() == dev.stackdraft.template.Dialect.SERVERLESS || template.hasReadErrors()
                || template.resources().size() < 2 || template.root().get("Metadata").isPresent()) {
            return;
        }
        List<String> members = template.resources().stream().limit(2).map(r -> r.id().value()).toList();
        EditResult grouped = editor.apply(template, new SetGroup("Group", "Stackdraft probe", members));
        assertThat(dev.stackdraft.template.ResourceGroups.of(grouped.after())).extracting(g -> g.members())
                .containsExactly(members);
        assertCommentsKept(template, grouped);
        assertThat(diffCounts(grouped).get("-")).as("nothing taken away").isZero();
        if (template.source().format() == SourceFormat.YAML) {
            // Metadata, AWS::Composer::Groups, the group, its Label, Members and the two members
            assertThat(diffCounts(grouped).get("+")).isEqualTo(7);
        }
        EditResult ungrouped = editor.apply(grouped.after(), new RemoveGroup("Group"));
        assertThat(ungrouped.text()).isEqualTo(template.source().text());
    }

    private EditResult applyOrRefused(Template template, EditCommand command) {
        try {
            return editor.apply(template, command);
        } catch (EditRefusedException e) {
            assertThat(e.getMessage()).isNotBlank();
            return null;
        } catch (TemplateException e) {
            if (template.hasReadErrors()) {
                return null;
            }
            throw new AssertionError(command.describe() + " failed on " + template.file() + ": " + e.getMessage(), e);
        }
    }

    private static List<Resource> functions(Template template) {
        return template.resources().stream().filter(r -> r.type().isFunction()).toList();
    }

    private static void assertCommentsKept(Template before, EditResult result) {
        assertThat(comments(result.text())).as("comments").containsAll(comments(before.source().text()));
    }

    private static List<String> comments(String text) {
        return text.lines().map(String::strip).filter(l -> l.startsWith("#")).toList();
    }

    private static Map<String, Integer> diffCounts(EditResult result) {
        String diff = result.diff();
        int added = (int) diff.lines().filter(l -> l.startsWith("+") && !l.startsWith("+++")).count();
        int removed = (int) diff.lines().filter(l -> l.startsWith("-") && !l.startsWith("---")).count();
        return Map.of("+", added, "-", removed);
    }
}
