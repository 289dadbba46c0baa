package dev.stackdraft.editing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ResourceTypesTest {

    @Test
    void the_palette_offers_the_common_types_first_then_every_known_type_once() {
        List<String> types = ResourceTypes.forPalette();

        assertThat(types.subList(0, 3)).containsExactly("AWS::Serverless::Function", "AWS::Serverless::Api",
                "AWS::Serverless::HttpApi");
        assertThat(types).contains("AWS::SQS::Queue", "AWS::EC2::VPC", "AWS::Glue::Job").doesNotHaveDuplicates()
                .hasSizeGreaterThan(1000);
        assertThat(types.indexOf("AWS::SQS::Queue")).isLessThan(types.indexOf("AWS::ACMPCA::Certificate"));
    }

    @Test
    void a_new_id_is_the_types_last_part_numbered_past_what_is_taken() {
        assertThat(ResourceTypes.newId("AWS::SQS::Queue", Set.of())).isEqualTo("Queue");
        assertThat(ResourceTypes.newId("AWS::SQS::Queue", Set.of("Queue", "Queue2"))).isEqualTo("Queue3");
        assertThat(ResourceTypes.newId("Custom::my-thing", Set.of())).isEqualTo("Mything");
    }
}
