package dev.stackdraft.edit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stackdraft.arn.Arns;
import dev.stackdraft.graph.ResourceGraph;
import dev.stackdraft.template.Corpus;
import dev.stackdraft.template.Dialect;
import dev.stackdraft.template.EditResult;
import dev.stackdraft.template.Finding;
import dev.stackdraft.template.Resource;
import dev.stackdraft.template.Template;
import dev.stackdraft.template.TemplateException;
import dev.stackdraft.template.TemplateReader;
import dev.stackdraft.validation.TemplateValidator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link UseExisting} over the whole corpus, for every resource something refers to: it applies or refuses with a
 * sentence; what it writes reads back with no new error (the SAM schema check among them), {@link ExistingSwitch}
 * reads it, and {@link StopUsingExisting} gives back the original bytes. Then, for one switched resource per file (the
 * outside judges are slow to start and slow per file), cfn-lint finds nothing new and the SAM translator transforms it
 * with the parameter empty (the resource is created) and set (it is not), every reference resolved either way.
 */
class UseExistingCorpusTest {

    private final TemplateReader reader = new TemplateReader();
    private final Editor editor = new Editor();
    private final TemplateValidator validator = new TemplateValidator();

    @TempDir
    Path work;

    /** One switched resource kept for the outside judges. */
    record Judged(Path original, String name, String resource, String type, ExistingSwitch existing, Set<Integer> defaultLines,
                  int firstLine, int lastLine) {}

    /**
     * How many switched files of each type the outside judges see: every one (186, each before and after) takes cfn-lint
     * 45 to 60 s here even in one process, so a sample across the types does by default (4 files a type, 72 files);
     * {@code -Dstackdraft.existing.judgedPerType=1000} judges them all.
     */
    private static final int JUDGED_PER_TYPE = Integer.getInteger("stackdraft.existing.judgedPerType", 4);

    @Test
    void every_referred_resource_is_switched_and_back_byte_for_byte_or_refused_with_a_reason() throws Exception {
        int applied = 0;
        int refused = 0;
        int serverless = 0;
        Map<String, Integer> reasons = new TreeMap<>();
        Map<String, Integer> types = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        List<Judged> judged = new ArrayList<>();
        Map<String, Integer> judgedTypes = new HashMap<>();
        long start = System.nanoTime();
        for (Corpus.Read read : (Iterable<Corpus.Read>) Corpus.cleanlyRead(reader)::iterator) {
            Path file = read.file();
            Template template = read.template();
            ReferenceSites sites = ReferenceSites.of(template);
            Map<String, Long> errorsBefore = null;
            Judged pick = null;
            for (Resource resource : template.resources()) {
                String id = resource.id().value();
                if (sites.of(id).stream().allMatch(site -> site.startsWith(resource.path()))) {
                    continue; // nothing else refers to it
                }
                if (template.dialect() == Dialect.SERVERLESS) {
                    serverless++;
                    continue;
                }
                EditResult result;
                try {
                    result = editor.apply(template, new UseExisting(id));
                } catch (EditRefusedException e) {
                    refused++;
                    assertThat(e.getMessage()).isNotBlank();
                    assertThat(UseExisting.possible(template, id)).isFalse();
                    if (System.getenv("SHOW_REFUSALS") != null) {
                        System.out.println("  refused " + Corpus.label(file) + " " + id + ": " + e.getMessage());
                    }
                    reasons.merge(e.problem().replaceAll("'[^']*'|\\b[A-Z][A-Za-z0-9]+\\b|\\d+", "_"), 1, Integer::sum);
                    continue;
                } catch (TemplateException e) {
                    failures.add(Corpus.label(file) + " " + id + ": " + e.getMessage());
                    continue;
                }
                applied++;
                types.merge(resource.type().value(), 1, Integer::sum);
                if (errorsBefore == null) {
                    errorsBefore = errors(template);
                }
                String label = Corpus.label(file) + " " + id;
                Template after = result.after();
                Map<String, Long> errorsAfter = errors(after);
                for (var e : errorsAfter.entrySet()) {
                    if (e.getValue() > errorsBefore.getOrDefault(e.getKey(), 0L)) {
                        failures.add(label + ": new " + e.getKey() + " findings: " + validator.validate(after).stream()
                                .filter(f -> f.isError() && f.code().equals(e.getKey())).limit(2).toList());
                    }
                }
                var existing = ExistingSwitch.of(after, id);
                if (existing.isEmpty()) {
                    failures.add(label + ": ExistingSwitch does not see the switch");
                    continue;
                }
                ResourceGraph.of(after);
                try {
                    EditResult back = editor.apply(after, new StopUsingExisting(id));
                    if (!back.text().equals(template.source().text())) {
                        failures.add(label + ": StopUsingExisting differs:\n" + EditResultDiff.of(template, back));
                    }
                } catch (TemplateException e) {
                    failures.add(label + ": StopUsingExisting refused: " + e.getMessage());
                }
                String type = resource.type().value();
                if ((pick == null || judgedTypes.getOrDefault(type, 0) < judgedTypes.getOrDefault(pick.type(), 0))
                        && !file.getFileName().toString().contains("__error_")) {
                    String name = file.getFileName().toString();
                    Files.writeString(dir("after").resolve(name), result.text());
                    Set<Integer> defaults = new java.util.HashSet<>();
                    for (String p : existing.get().perEnvironmentParameters()) {
                        after.at(dev.stackdraft.template.DocPath.of("Parameters", p, "Default")).ifPresent(v -> defaults.add(v.span().line()));
                    }
                    Resource switched = after.resource(id).orElseThrow();
                    pick = new Judged(file, name, id, type, existing.get(), defaults, switched.line(),
                            lineOf(after, switched.definition().span().end()));
                }
            }
            if (pick != null && judgedTypes.getOrDefault(pick.type(), 0) < JUDGED_PER_TYPE && !hasNullSection(template)) {
                judged.add(pick);
                judgedTypes.merge(pick.type(), 1, Integer::sum);
                Files.copy(pick.original(), dir("before").resolve(pick.name()));
            }
        }
        System.out.printf("UseExisting over the corpus: %d applied, %d refused, %d in serverless.yml files (not applicable), "
                + "%.1f s%n", applied, refused, serverless, (System.nanoTime() - start) / 1e9);
        types.forEach((type, count) -> System.out.printf("  %4d applied: %s%n", count, type));
        reasons.forEach((reason, count) -> System.out.printf("  %4d refused: %s%n", count, reason));
        failures.stream().limit(40).forEach(f -> System.out.println("  FAILED " + f));
        assertThat(failures).as("switches that went wrong").isEmpty();
        assertThat(applied).isGreaterThan(300);
        judge(judged);
    }

    /** cfn-lint (one process for all files before and after) and the SAM translator (one process, three runs a file). */
    private void judge(List<Judged> judged) throws Exception {
        if (judged.isEmpty()) {
            return; // -Dstackdraft.existing.judgedPerType=0
        }
        long start = System.nanoTime();
        List<String> problems = new ArrayList<>();
        int exempted = 0;
        if (ExistingJudges.hasCfnLint()) {
            long lintStart = System.nanoTime();
            Map<Path, List<ExistingJudges.Lint>> lint = ExistingJudges.cfnLint(List.of(work.resolve("before"), work.resolve("after")));
            System.out.printf("  cfn-lint: %d findings in %d files, %.1f s%n", lint.values().stream().mapToInt(List::size).sum(),
                    lint.size(), (System.nanoTime() - lintStart) / 1e9);
            for (Judged j : judged) {
                Set<String> before = lint.getOrDefault(work.resolve("before").resolve(j.name()), List.of()).stream()
                        .map(ExistingJudges.Lint::rule).collect(Collectors.toSet());
                for (ExistingJudges.Lint finding : lint.getOrDefault(work.resolve("after").resolve(j.name()), List.of())) {
                    // cfn-lint checks the parameters' empty defaults against the properties they fill, though those
                    // values are only used where an environment sets them: an asked parameter's (it cannot tell that
                    // the !If uses it only where the ARN is set), and where the SAM transform put the default in place
                    // of the Ref before cfn-lint looked (it does so in SAM resources' properties)
                    boolean askedDefault = finding.message().startsWith("{'Ref': '") && j.existing().perEnvironmentParameters()
                            .stream().skip(1).anyMatch(p -> finding.message().startsWith("{'Ref': '" + p + "'}"))
                            || finding.message().startsWith("'' ") && j.defaultLines().contains(finding.line());
                    // SAM's translation of a function's Api event, once the function has a Condition, nests an If of
                    // that condition in one of its own: cfn-lint finds the inner else unreachable (adding only the
                    // Condition line to the function gives the same finding)
                    boolean conditionalEvent = finding.rule().equals("W1028") && j.type().equals("AWS::Serverless::Function")
                            && finding.line() >= j.firstLine() && finding.line() <= j.lastLine();
                    askedDefault |= conditionalEvent;
                    if (askedDefault) {
                        exempted++;
                    }
                    if (!before.contains(finding.rule()) && !askedDefault) {
                        problems.add(j.name() + " " + j.resource() + ": cfn-lint " + finding.rule() + " " + finding.message());
                    }
                }
            }
        } else {
            System.out.println("  cfn-lint is not installed: that judge skipped");
        }
        int translated = 0;
        if (ExistingJudges.hasSamTranslator()) {
            List<ExistingJudges.Case> cases = new ArrayList<>();
            for (Judged j : judged) {
                cases.add(new ExistingJudges.Case(j.original(), "before", j.resource(), Map.of()));
                cases.add(new ExistingJudges.Case(work.resolve("after").resolve(j.name()), "empty", j.resource(), Map.of()));
                Map<String, String> set = new LinkedHashMap<>();
                set.put(j.existing().parameter(), j.existing().parameter().endsWith("Name") ? "existing-name"
                        : Arns.example(j.type()).orElseThrow());
                j.existing().perEnvironmentParameters().stream().skip(1).forEach(p -> set.put(p, "existing-" + p));
                cases.add(new ExistingJudges.Case(work.resolve("after").resolve(j.name()), "set", j.resource(), set));
            }
            Map<String, ExistingJudges.Translation> results = ExistingJudges.translate(cases, work.resolve("cases.tsv"));
            for (Judged j : judged) {
                ExistingJudges.Translation before = results.get(j.original().getFileName() + "\tbefore");
                if (System.getenv("SHOW_UNTRANSLATED") != null && (before == null || !before.verdict().equals("OK"))) {
                    System.out.println("  untranslated " + j.name() + ": " + before);
                }
                if (before == null || !before.verdict().equals("OK")) {
                    continue; // the translator does not take the original either (another transform, an error_ input)
                }
                translated++;
                for (String label : List.of("empty", "set")) {
                    ExistingJudges.Translation after = results.get(j.name() + "\t" + label);
                    String expected = label.equals("empty") ? "yes" : "no";
                    if (after == null || !after.verdict().equals("OK")) {
                        problems.add(j.name() + " " + j.resource() + " (" + label + "): the translator says " + after);
                    } else if (!after.present().equals(expected)) {
                        problems.add(j.name() + " " + j.resource() + " (" + label + "): created is " + after.present()
                                + ", not " + expected);
                    } else if (!before.unresolved().containsAll(after.unresolved())) {
                        Set<String> added = new java.util.TreeSet<>(after.unresolved());
                        added.removeAll(before.unresolved());
                        problems.add(j.name() + " " + j.resource() + " (" + label + "): refers to what is not created: " + added);
                    }
                }
            }
        } else {
            System.out.println("  aws-sam-translator is not installed: that judge skipped");
        }
        System.out.printf("  outside judges: %d switched files, %d of them translated (empty and set), %d cfn-lint findings let "
                + "pass (a parameter's empty default, a conditional function's Api event), %.1f s%n", judged.size(), translated, exempted, (System.nanoTime() - start) / 1e9);
        problems.stream().limit(60).forEach(p -> System.out.println("  JUDGED " + p));
        assertThat(problems).as("what the outside judges found").isEmpty();
    }

    /** cfn-lint 1.51 stops with a stack trace on a file whose Parameters (or another section) is empty: no judge there. */
    private static boolean hasNullSection(Template template) {
        return template.root().entries().stream().anyMatch(e -> e.value() instanceof dev.stackdraft.template.Value.Scalar s && s.isNull());
    }

    private static int lineOf(Template template, int offset) {
        String text = template.source().text();
        int line = 1;
        for (int i = 0; i < Math.min(offset, text.length()); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private Path dir(String name) throws java.io.IOException {
        return Files.createDirectories(work.resolve(name));
    }

    private Map<String, Long> errors(Template template) {
        return validator.validate(template).stream().filter(Finding::isError)
                .collect(Collectors.groupingBy(Finding::code, LinkedHashMap::new, Collectors.counting()));
    }

    /** A short diff for a failure message. */
    static final class EditResultDiff {
        static String of(Template before, EditResult back) {
            String diff = new EditResult(before, back.after()).diff();
            return diff.length() > 1500 ? diff.substring(0, 1500) : diff;
        }
    }
}
