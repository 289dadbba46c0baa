package dev.stackdraft.validation;

import dev.stackdraft.catalog.ResourceCatalog;
import dev.stackdraft.template.Dialect;
import dev.stackdraft.template.Finding;
import dev.stackdraft.template.Resource;
import dev.stackdraft.template.SourceLocation;
import dev.stackdraft.template.Template;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Checks a template and says what is wrong where: the reader's own findings, references that name nothing, the
 * resource types and properties the catalog does not know, the official SAM schema, Lambda's and
 * CloudFormation's limits, and dependency cycles. Stateless and thread-safe; the SAM schema is compiled once
 * per process, on the first template that uses SAM.
 *
 * <p>Codes: {@code duplicate-key}, {@code unknown-tag}, {@code missing-type} (from the reader);
 * {@code unresolved-reference}, {@code unknown-condition}, {@code unknown-attribute}; {@code unknown-type},
 * {@code missing-transform}, {@code unknown-resource-key}, {@code invalid-properties}, {@code unknown-property},
 * {@code missing-property}; {@code sam-schema}; {@code too-many-layers}, {@code invalid-layers}, {@code lambda-limit},
 * {@code stack-limit}; {@code circular-dependency}.
 */
public final class TemplateValidator {

    private static final String SAM_TRANSFORM = "AWS::Serverless-2016-10-31";

    private final ResourceCatalog catalog;

    public TemplateValidator() {
        this(ResourceCatalog.bundled());
    }

    public TemplateValidator(ResourceCatalog catalog) {
        this.catalog = catalog;
    }

    /** Every finding, sorted by line, then column; each with a 1-based line and column. */
    public List<Finding> validate(Template written) {
        Optional<Resource> samWithoutTransform = written.dialect() == Dialect.CLOUDFORMATION
                ? written.resources().stream().filter(r -> r.type().isSam()).findFirst() : Optional.empty();
        Template template = samWithoutTransform.isEmpty() ? written : asSam(written);
        if (SamSchemaCheck.applies(template)) {
            SamSchema.preload();
        }
        Report report = new Report(template);
        template.findings().forEach(report::add);
        samWithoutTransform.ifPresent(r -> report.error("missing-transform", ResourceCheck.typeSpan(r), "resource "
                + r.id() + " is an " + r.type() + ", but the template does not declare the SAM transform: add 'Transform: "
                + SAM_TRANSFORM + "' at the top level (checked here as if it did)"));
        new ReferenceCheck(template, catalog, report).run();
        new ResourceCheck(template, catalog, report).run();
        new LambdaLimits(template, report).run();
        new StackLimits(template, report).run();
        new CycleCheck(template, report).run();
        Set<SourceLocation> taken = new HashSet<>();
        report.findings().forEach(f -> taken.add(f.location()));
        Report schema = new Report(template);
        new SamSchemaCheck(template, schema).run();
        List<Finding> findings = new ArrayList<>(report.findings());
        for (Finding finding : schema.findings()) {
            if (!taken.contains(finding.location())) {
                findings.add(finding); // where another check spoke already, it said the same more precisely
            }
        }
        findings.sort(Comparator.comparingInt((Finding f) -> f.location().line())
                .thenComparingInt(f -> f.location().column())
                .thenComparing(Finding::code));
        return List.copyOf(findings);
    }

    /** The same template read as SAM: Globals apply, SAM-generated names resolve. */
    private static Template asSam(Template t) {
        return new Template(t.source(), Dialect.SAM, t.root(), t.transforms(), t.resources(), t.parameters(),
                t.unknownTags(), t.findings());
    }
}
