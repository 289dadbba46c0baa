package dev.stackdraft.ui.project;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stackdraft.template.ResourceGroup;
import java.util.List;
import org.junit.jupiter.api.Test;

class SelectionPanelTest {

    @Test
    void a_new_group_gets_an_id_from_its_label_that_no_group_has_yet() {
        List<ResourceGroup> groups = List.of(new ResourceGroup("Orderreaders", "Order readers", List.of("A")),
                new ResourceGroup("Orderreaders2", "Order readers", List.of("B")));

        assertThat(SelectionPanel.groupId("Order readers", groups)).isEqualTo("Orderreaders3");
        assertThat(SelectionPanel.groupId("Writers!", groups)).isEqualTo("Writers");
        assertThat(SelectionPanel.groupId("  ", List.of())).isEqualTo("Group");
    }
}
