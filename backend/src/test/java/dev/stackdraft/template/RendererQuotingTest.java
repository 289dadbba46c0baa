package dev.stackdraft.template;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What the writer may put plain: nothing a YAML 1.1 reader (cfn-lint, the SAM translator) would read as another type. */
class RendererQuotingTest {

    @Test
    void a_date_and_a_yaml11_boolean_are_quoted_and_ordinary_text_is_not() {
        assertThat(Renderer.isPlainSafe("2012-10-17", false)).as("IAM's policy Version, a timestamp to PyYAML").isFalse();
        assertThat(Renderer.isPlainSafe("2024-01-05T10:00:00Z", false)).isFalse();
        assertThat(Renderer.isPlainSafe("yes", false)).isFalse();
        assertThat(Renderer.isPlainSafe("2012-10-17-release", false)).isTrue();
        assertThat(Renderer.isPlainSafe("orders-table", false)).isTrue();
    }
}
