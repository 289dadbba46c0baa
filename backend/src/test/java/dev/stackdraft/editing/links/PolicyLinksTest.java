package dev.stackdraft.editing.links;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stackdraft.catalog.ResourceCatalog;
import dev.stackdraft.catalog.ResourceKind;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PolicyLinksTest {

    private final ResourceCatalog catalog = ResourceCatalog.bundled();

    @Test
    void every_row_names_a_known_type_and_an_attribute_it_has() {
        PolicyLinks links = PolicyLinks.bundled(catalog);
        assertThat(links.rows()).hasSizeGreaterThan(20);
        Set<String> seen = new HashSet<>();
        for (PolicyLinks.Row row : links.rows()) {
            ResourceKind kind = catalog.kind(row.type()).orElseThrow(() -> new AssertionError("unknown type " + row.type()));
            row.attribute().ifPresent(attribute -> assertThat(kind.acceptsAnyAttribute() || kind.attributes().contains(attribute))
                    .as("%s has attribute %s", row.type(), attribute).isTrue());
            assertThat(row.template().parameters()).hasSize(1);
            assertThat(seen.add(row.type() + " " + row.template().name())).as("one row per type and template").isTrue();
        }
    }

    @Test
    void the_parameter_takes_the_resources_ref_or_attribute() {
        PolicyLinks links = PolicyLinks.bundled(catalog);
        PolicyLinks.Row queue = links.rows().stream().filter(r -> r.template().name().equals("SQSSendMessagePolicy")).findFirst().orElseThrow();
        assertThat(queue.value("Jobs").toString()).contains("GET_ATT").contains("Jobs.QueueName");
        assertThat(queue.template().parameters()).containsExactly("QueueName");
    }

    @Test
    void a_row_the_catalog_does_not_know_is_refused_with_its_line() {
        assertThatThrownBy(() -> PolicyLinks.parse("# a comment\nAWS::SQS::Queue\tNoSuchPolicy\tRef\n", catalog))
                .hasMessageContaining("line 2").hasMessageContaining("NoSuchPolicy");
        assertThatThrownBy(() -> PolicyLinks.parse("AWS::EFS::FileSystem\tEFSWriteAccessPolicy\tRef\n", catalog))
                .hasMessageContaining("takes 2 parameters");
        assertThatThrownBy(() -> PolicyLinks.parse("AWS::SQS::Queue\tSQSPollerPolicy\tArn\n", catalog))
                .hasMessageContaining("line 1");
    }
}
