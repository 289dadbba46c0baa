package dev.stackdraft.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** ARNs typed into the layer dropdown: each problem said in a sentence. */
class LayerVersionArnTest {

    @Test
    void a_layer_version_arn_is_parsed_into_its_parts() {
        LayerVersionArn arn = LayerVersionArn.parse("  arn:aws-cn:lambda:cn-north-1:123456789012:layer:my_layer-2:17 ");

        assertThat(arn).isEqualTo(new LayerVersionArn("aws-cn", "cn-north-1", "123456789012", "my_layer-2", 17));
        assertThat(arn.layerArn()).isEqualTo("arn:aws-cn:lambda:cn-north-1:123456789012:layer:my_layer-2");
        assertThat(arn.withVersion(18).toString()).isEqualTo("arn:aws-cn:lambda:cn-north-1:123456789012:layer:my_layer-2:18");
        assertThat(LayerVersionArn.check("arn:aws-us-gov:lambda:us-gov-west-1:123456789012:layer:x:1").valid()).isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            arn:aws:lambda:eu-west-1:123456789012:layer:utils           | The ARN names the layer but no version: add :VERSION at the end (e.g. :1).
            arn:aws:lambda:eu-west-1:123456789012:layer:utils:0         | The version '0' is not a whole number from 1.
            arn:aws:lambda:eu-west-1:123456789012:layer:utils:latest    | The version 'latest' is not a whole number from 1.
            arn:aws:lambda:eu-west-1:12345:layer:utils:3                | The account '12345' is not a 12-digit AWS account id.
            arn:aws:lambda:europe:123456789012:layer:utils:3            | The region 'europe' is not an AWS region (like eu-west-1).
            arn:aws:lambda:cn-north-1:123456789012:layer:utils:3        | The region cn-north-1 belongs to the partition aws-cn, not aws.
            arn:aws-eu:lambda:eu-west-1:123456789012:layer:utils:3      | The partition 'aws-eu' is not one of aws, aws-cn, aws-us-gov.
            arn:aws:lambda:eu-west-1:123456789012:function:utils:3      | The resource is 'function', not layer (a function ARN is not a layer ARN).
            arn:aws:s3:eu-west-1:123456789012:layer:utils:3             | The service is 's3', not lambda.
            arn:aws:lambda:eu-west-1:123456789012:layer:my.utils:3      | The layer name 'my.utils' may have only letters, digits, - and _ (1 to 140 of them).
            arn:aws:lambda:eu-west-1:123456789012:layer:utils:3:4       | The ARN has more parts than a layer version ARN (9 instead of 8).
            my-layer                                                    | 'my-layer' is not a layer version ARN: it should look like arn:aws:lambda:REGION:ACCOUNT:layer:NAME:VERSION.
            """)
    void each_problem_is_one_sentence(String arn, String problem) {
        LayerVersionArn.Check check = LayerVersionArn.check(arn);

        assertThat(check.valid()).isFalse();
        assertThat(check.problems()).containsExactly(problem);
    }

    @Test
    void several_problems_are_all_said() {
        assertThat(LayerVersionArn.check("arn:aws:lambda:eu-west-1:abc:layer:a b:x").problems()).containsExactly(
                "The account 'abc' is not a 12-digit AWS account id.",
                "The layer name 'a b' may have only letters, digits, - and _ (1 to 140 of them).",
                "The version 'x' is not a whole number from 1.");
        assertThatThrownBy(() -> LayerVersionArn.parse("arn:aws:lambda:eu-west-1:abc:layer:ok:1"))
                .isInstanceOf(AwsException.class).hasMessage("The account 'abc' is not a 12-digit AWS account id.");
    }

    @Test
    void a_version_that_declares_nothing_fits_every_function() {
        LayerVersion open = new LayerVersion(LayerVersionArn.parse("arn:aws:lambda:eu-west-1:123456789012:layer:any:1"),
                "", java.util.List.of(), java.util.List.of(), null);

        assertThat(open.fit("nodejs22.x", java.util.List.of("arm64")).fits()).isTrue();
        assertThat(open.fit(null, java.util.List.of()).reasons()).isEmpty();
    }
}
