package dev.stackdraft.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stackdraft.template.Finding;
import dev.stackdraft.template.Template;
import dev.stackdraft.template.TemplateReader;
import dev.stackdraft.validation.TemplateValidator;
import org.junit.jupiter.api.Test;

/** The benchmark's generated template is what it claims: 500 resources, and valid (so validate does its whole work). */
class LargeTemplateTest {

    @Test
    void generated_template_has_the_asked_number_of_resources_and_no_errors() {
        Template template = new TemplateReader().read("generated-500.yaml", LargeTemplate.sam(500));
        assertThat(template.resources()).hasSize(500);
        assertThat(new TemplateValidator().validate(template)).noneMatch(Finding::isError);
    }
}
