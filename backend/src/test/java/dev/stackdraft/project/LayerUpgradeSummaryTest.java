package dev.stackdraft.project;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stackdraft.project.ProjectUpgrade.Kind;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class LayerUpgradeSummaryTest {

    static final String ARN = "arn:aws:lambda:eu-west-1:123456789012:layer:shared-utils:5";

    @Test
    void the_description_says_what_moved_where_by_outcome() {
        LayerUpgradeSummary summary = new LayerUpgradeSummary(ARN, List.of(
                new ProjectUpgrade(1, "acme/orders", "template.yaml", Kind.UPGRADED, List.of(3, 4), "1a2b3c4d", "main",
                        null, "Committed 1a2b3c4 to 'main'."),
                new ProjectUpgrade(2, "acme/billing", "template.yaml", Kind.ALREADY_CURRENT, List.of(5), null, "main",
                        null, "Already on version 5: nothing was written."),
                new ProjectUpgrade(3, "acme/payments", "api/template.yaml", Kind.UPGRADED, List.of(2), "5d6e7f8a",
                        "stackdraft/upgrade-shared-utils-v5", URI.create("https://github.com/acme/payments/pull/7"),
                        "Committed 5d6e7f8 to 'stackdraft/upgrade-shared-utils-v5'. Opened pull request #7 into 'main'."),
                new ProjectUpgrade(4, "acme/shipping", "template.yaml", Kind.FAILED, List.of(1), null, "main", null,
                        "The remote rejected the push to 'main'. Commit to a new branch instead and open a pull request.")),
                9, 5, 0);

        assertThat(summary.count(Kind.UPGRADED)).isEqualTo(2);
        assertThat(summary.describe()).isEqualTo("""
                Layer shared-utils to version 5 (%s): 2 upgraded, 1 already current, 1 failed; 5 not using it, of 9 projects checked.
                Upgraded:
                - acme/orders template.yaml (3, 4 → 5): Committed 1a2b3c4 to 'main'.
                - acme/payments api/template.yaml (2 → 5): Committed 5d6e7f8 to 'stackdraft/upgrade-shared-utils-v5'. \
                Opened pull request #7 into 'main'. https://github.com/acme/payments/pull/7
                Already current:
                - acme/billing template.yaml (on 5): Already on version 5: nothing was written.
                Failed:
                - acme/shipping template.yaml (on 1): The remote rejected the push to 'main'. Commit to a new branch \
                instead and open a pull request.
                """.formatted(ARN));
    }

    @Test
    void nothing_to_upgrade_is_said_in_one_line() {
        assertThat(new LayerUpgradeSummary(ARN, List.of(), 1, 0, 1).describe())
                .isEqualTo("Layer shared-utils to version 5 (" + ARN + "): 0 not using it, 1 unreadable, of 1 project checked.\n");
    }
}
