package dev.stackdraft.validation;

import dev.stackdraft.template.Dialect;
import dev.stackdraft.template.Template;
import dev.stackdraft.template.Value.Entry;
import dev.stackdraft.template.Value.Mapping;

/**
 * CloudFormation's quotas per template ({@code stack-limit}): 500 resources, 200 parameters, 200 outputs,
 * 200 mappings. Counted as written: the SAM transform adds resources of its own (roles, permissions, stages),
 * so a SAM template near the limit may still break it. Not applied to serverless.yml, whose framework generates
 * most of its stack.
 */
final class StackLimits {

    static final int MAX_RESOURCES = 500;
    static final int MAX_PARAMETERS = 200;
    static final int MAX_OUTPUTS = 200;
    static final int MAX_MAPPINGS = 200;

    private final Template template;
    private final Report report;

    StackLimits(Template template, Report report) {
        this.template = template;
        this.report = report;
    }

    void run() {
        if (template.dialect() == Dialect.SERVERLESS) {
            return;
        }
        section("Resources", MAX_RESOURCES, "resources", "split the stack into nested stacks (AWS::CloudFormation::Stack)");
        section("Parameters", MAX_PARAMETERS, "parameters", "combine some into one (a CommaDelimitedList) or move "
                + "settings to SSM parameters");
        section("Outputs", MAX_OUTPUTS, "outputs", "remove some or move them into nested stacks");
        section("Mappings", MAX_MAPPINGS, "mappings", "merge some into one mapping with more keys");
    }

    private void section(String name, int limit, String what, String fix) {
        template.root().entry(name).ifPresent(entry -> count(entry, limit, what, fix));
    }

    private void count(Entry entry, int limit, String what, String fix) {
        if (entry.value() instanceof Mapping m && m.entries().size() > limit) {
            String samNote = template.isSam() && what.equals("resources") ? " (before the SAM transform adds its own)" : "";
            report.error("stack-limit", entry.key().span(), "the template has " + m.entries().size() + " " + what
                    + samNote + ", over CloudFormation's limit of " + limit + " per stack: " + fix);
        }
    }
}
