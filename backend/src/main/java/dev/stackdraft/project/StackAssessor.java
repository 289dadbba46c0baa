package dev.stackdraft.project;

import dev.stackdraft.template.Finding;
import dev.stackdraft.template.Template;
import dev.stackdraft.validation.TemplateValidator;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the engine says about a template: valid, has findings (with the first one), or unreadable (and why). The
 * import assesses what it finds with it, and a commit what it wrote, so that the dashboard says the same either way.
 */
public final class StackAssessor {

    public static final String UNKNOWN_DIALECT = "UNKNOWN";

    private static final Logger log = LoggerFactory.getLogger(StackAssessor.class);

    private final TemplateValidator validator;

    public StackAssessor() {
        this(new TemplateValidator());
    }

    StackAssessor(TemplateValidator validator) {
        this.validator = validator;
    }

    public ScannedStack assess(String path, Template template) {
        List<Finding> findings;
        try {
            findings = validator.validate(template);
        } catch (RuntimeException e) {
            // the validator is a judge, not a gate: if it trips, keep what the reader found
            log.warn("validation of {} failed; keeping the reader's findings only", path, e);
            findings = template.findings();
        }
        long errors = findings.stream().filter(f -> f.severity() == Finding.Severity.ERROR).count();
        long warnings = findings.stream().filter(f -> f.severity() == Finding.Severity.WARNING).count();
        int resources = template.resources().size();
        String dialect = template.dialect().name();
        if (errors + warnings == 0) {
            return new ScannedStack(path, dialect, resources, ProjectState.VALID, "");
        }
        Finding first = findings.stream()
                .filter(f -> f.severity() != Finding.Severity.INFO)
                .min(Comparator.comparing(Finding::severity))
                .orElseThrow();
        String counts = count(errors, "error") + (errors > 0 && warnings > 0 ? ", " : "") + count(warnings, "warning");
        return new ScannedStack(path, dialect, resources, ProjectState.HAS_FINDINGS, counts + "; first: " + first);
    }

    public ScannedStack unreadable(String path, String why) {
        return new ScannedStack(path, UNKNOWN_DIALECT, 0, ProjectState.UNREADABLE, why);
    }

    private static String count(long n, String what) {
        return n == 0 ? "" : n + " " + what + (n == 1 ? "" : "s");
    }
}
