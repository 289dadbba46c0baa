package dev.stackdraft.cli;

import dev.stackdraft.template.Finding;
import dev.stackdraft.template.JsonText;
import dev.stackdraft.template.Template;
import dev.stackdraft.template.TemplateReader;
import dev.stackdraft.validation.TemplateValidator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code validate FILE [--format text|json]}: findings with their lines, exit status 1 if any is an error. A file
 * that cannot be read at all is not a finding but a refusal, like in every other command.
 */
final class ValidateCommand implements Command {

    private static final String FORMAT = "--format";

    @Override
    public String name() {
        return "validate";
    }

    @Override
    public List<Form> forms() {
        return List.of(new Form("validate FILE [--format text|json]",
                "Check the template and print each finding as FILE:LINE:COL: error|warning: MESSAGE [CODE] "
                        + "(json: {\"file\",\"errors\",\"warnings\",\"findings\":[...]}). Exit status 1 if any is an error."));
    }

    @Override
    public int run(List<String> args, Output output) {
        Arguments arguments = Arguments.parse(args, Set.of(FORMAT), Set.of()).noMorePositionalsThan(1);
        var file = arguments.file();
        String format = arguments.choice(FORMAT, "text", "json");
        Template template = new TemplateReader().read(file);
        List<Finding> findings = new TemplateValidator().validate(template);
        int errors = (int) findings.stream().filter(Finding::isError).count();
        int warnings = (int) findings.stream().filter(f -> f.severity() == Finding.Severity.WARNING).count();
        if (format.equals("json")) {
            output.result(json(template.file(), findings, errors, warnings));
        } else {
            StringBuilder text = new StringBuilder();
            findings.forEach(f -> text.append(f).append('\n'));
            output.result(text.toString());
            output.note(file + ": " + count(errors, "error") + ", " + count(warnings, "warning"));
        }
        return errors > 0 ? StackdraftCli.FAILED : StackdraftCli.OK;
    }

    private static String json(String file, List<Finding> findings, int errors, int warnings) {
        StringBuilder json = new StringBuilder("{\"file\":").append(JsonText.quote(file))
                .append(",\"errors\":").append(errors).append(",\"warnings\":").append(warnings).append(",\"findings\":[");
        for (int i = 0; i < findings.size(); i++) {
            Finding f = findings.get(i);
            json.append(i == 0 ? "" : ",")
                    .append("{\"severity\":").append(JsonText.quote(f.severity().name().toLowerCase(Locale.ROOT)))
                    .append(",\"code\":").append(JsonText.quote(f.code()))
                    .append(",\"line\":").append(f.location().line())
                    .append(",\"column\":").append(f.location().column())
                    .append(",\"message\":").append(JsonText.quote(f.message())).append('}');
        }
        return json.append("]}").toString();
    }

    private static String count(int n, String what) {
        return n + " " + what + (n == 1 ? "" : "s");
    }
}
