package dev.stackdraft.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ArgumentsTest {

    private static Arguments parse(String... args) {
        return Arguments.parse(List.of(args), Set.of("--layer", "--position"), Set.of("--dry-run"));
    }

    @Test
    void options_take_their_value_after_a_space_or_an_equals_sign() {
        Arguments arguments = parse("t.yaml", "--layer", "a", "--position=2", "--dry-run");

        assertThat(arguments.file()).isEqualTo(Path.of("t.yaml"));
        assertThat(arguments.option("--layer")).contains("a");
        assertThat(arguments.index("--position")).contains(2);
        assertThat(arguments.has("--dry-run")).isTrue();
    }

    @Test
    void a_double_dash_ends_the_options() {
        Arguments arguments = parse("--", "--layer", "-x");

        assertThat(arguments.positionals()).containsExactly("--layer", "-x");
        assertThat(arguments.option("--layer")).isEmpty();
    }

    @Test
    void a_value_may_start_with_a_dash_but_not_be_another_option() {
        assertThat(parse("--layer", "-odd-name").option("--layer")).contains("-odd-name");
        assertThatThrownBy(() -> parse("--layer", "--dry-run")).isInstanceOf(UsageException.class)
                .hasMessage("missing value after --layer");
    }

    @Test
    void mistakes_are_usage_errors_that_say_what_is_wrong() {
        assertThatThrownBy(() -> parse("--colour", "red")).hasMessage("unknown option --colour");
        assertThatThrownBy(() -> parse("-x")).hasMessage("unknown option -x");
        assertThatThrownBy(() -> parse("--dry-run=yes")).hasMessage("--dry-run takes no value");
        assertThatThrownBy(() -> parse("--layer", "a", "--layer", "b")).hasMessage("--layer given twice");
        assertThatThrownBy(() -> parse("--layer")).hasMessage("missing value after --layer");
        assertThatThrownBy(() -> parse("--position", "two").index("--position"))
                .hasMessage("--position takes a whole number from 0 (0 is the first), not 'two'");
        assertThatThrownBy(() -> parse().required("--layer")).hasMessage("missing --layer");
        assertThatThrownBy(() -> parse("--layer=").required("--layer")).hasMessage("--layer is empty");
        assertThatThrownBy(() -> parse("a", "b").noMorePositionalsThan(1)).hasMessage("unexpected argument 'b'");
    }
}
