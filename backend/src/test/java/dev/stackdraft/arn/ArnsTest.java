package dev.stackdraft.arn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ArnsTest {

    @Test
    void every_example_of_the_table_is_valid_for_its_type_and_names_it() {
        assertThat(ArnFormats.ALL).hasSizeGreaterThan(25);
        for (ArnFormat format : ArnFormats.ALL) {
            assertThat(Arns.check(format.example(), format.type()).problems()).as(format.example()).isEmpty();
            assertThat(Arns.check(format.example()).problems()).as(format.example()).isEmpty();
            assertThat(Arns.typeOf(format.example())).as(format.example()).contains(format.type());
            format.also().forEach(sam -> assertThat(Arns.check(format.example(), sam).valid()).isTrue());
        }
    }

    @Test
    void a_service_names_the_type_it_named_for_the_graph_before() {
        // what graph/ArnTypes answered by service alone, before its table moved here
        Map<String, String> before = Map.ofEntries(
                Map.entry("arn:aws:sqs:us-east-1:123456789012:q", "AWS::SQS::Queue"),
                Map.entry("arn:aws:sns:us-east-1:123456789012:t", "AWS::SNS::Topic"),
                Map.entry("arn:aws:kinesis:us-east-1:123456789012:stream/s", "AWS::Kinesis::Stream"),
                Map.entry("arn:aws:dynamodb:us-east-1:123456789012:table/T/stream/2024-01-01T00:00:00.000", "AWS::DynamoDB::Table"),
                Map.entry("arn:aws:s3:::b", "AWS::S3::Bucket"),
                Map.entry("arn:aws:kafka:us-east-1:123456789012:cluster/c/1", "AWS::MSK::Cluster"),
                Map.entry("arn:aws:mq:us-east-1:123456789012:broker:b:1", "AWS::AmazonMQ::Broker"),
                Map.entry("arn:aws:events:us-east-1:123456789012:event-bus/default", "AWS::Events::EventBus"),
                Map.entry("arn:aws:logs:us-east-1:123456789012:log-group:/x:*", "AWS::Logs::LogGroup"),
                Map.entry("arn:aws:cognito-idp:us-east-1:123456789012:userpool/p", "AWS::Cognito::UserPool"),
                Map.entry("arn:aws:states:us-east-1:123456789012:stateMachine:m", "AWS::StepFunctions::StateMachine"),
                Map.entry("arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/a/b/c", "AWS::ElasticLoadBalancingV2::Listener"),
                Map.entry("arn:aws:secretsmanager:us-east-1:123456789012:secret:s", "AWS::SecretsManager::Secret"),
                Map.entry("arn:aws:lambda:us-east-1:123456789012:function:f", "AWS::Lambda::Function"),
                Map.entry("arn:aws:lambda:us-east-1:123456789012:layer:l:3", "AWS::Lambda::LayerVersion"));
        before.forEach((arn, type) -> assertThat(Arns.typeOf(arn)).as(arn).contains(type));
        assertThat(Arns.typeOf("arn:aws:lambda:us-east-1:123456789012:event-source-mapping:1")).isEmpty();
        assertThat(Arns.typeOf("arn:aws:madeup:us-east-1:123456789012:thing")).isEmpty();
        assertThat(Arns.typeOf("not an arn")).isEmpty();
        assertThat(Arns.typeOf("arn:aws:logs:*")).contains("AWS::Logs::LogGroup");
    }

    @Test
    void an_arn_built_by_sub_is_typed_by_its_service_and_resource_part() {
        assertThat(Arns.typeOf("arn:${AWS::Partition}:dynamodb:${AWS::Region}:${AWS::AccountId}:table/${TableName}"))
                .contains("AWS::DynamoDB::Table");
        assertThat(Arns.typeOf("arn:${AWS::Partition}:lambda:${AWS::Region}:${AWS::AccountId}:function:${Fn}"))
                .contains("AWS::Lambda::Function");
        assertThat(Arns.typeOf("arn:${AWS::Partition}:iam::${AWS::AccountId}:role/${RoleName}")).contains("AWS::IAM::Role");
    }

    @Test
    void the_resource_part_tells_types_of_one_service_apart() {
        assertThat(Arns.typeOf("arn:aws:events:eu-west-1:123456789012:rule/nightly")).contains("AWS::Events::Rule");
        assertThat(Arns.typeOf("arn:aws:ec2:eu-west-1:123456789012:subnet/subnet-0a1b2c3d")).contains("AWS::EC2::Subnet");
        assertThat(Arns.typeOf("arn:aws:iam::aws:policy/ReadOnlyAccess")).contains("AWS::IAM::ManagedPolicy");
        assertThat(Arns.typeOf("arn:aws:kms:eu-west-1:123456789012:alias/orders")).contains("AWS::KMS::Alias");
    }

    @Test
    void each_part_of_a_bad_arn_is_named_with_what_it_should_be() {
        assertThat(Arns.check("orders").problems()).singleElement().asString()
                .contains("is not an ARN").contains("arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE");
        assertThat(Arns.check("arn:amazon:sqs:us-east-1:123456789012:q").problems()).singleElement().asString()
                .contains("partition 'amazon'");
        assertThat(Arns.check("arn:aws:sqs:useast1:123456789012:q").problems()).singleElement().asString()
                .contains("region 'useast1'");
        assertThat(Arns.check("arn:aws:sqs:cn-north-1:123456789012:q").problems()).singleElement().asString()
                .isEqualTo("region cn-north-1 is in partition aws-cn, not aws");
        assertThat(Arns.check("arn:aws-cn:sqs:cn-north-1:123456789012:q").valid()).isTrue();
        assertThat(Arns.check("arn:aws:sqs:us-east-1:12345:q").problems()).singleElement().asString()
                .contains("account '12345' is not a 12-digit account id");
        assertThat(Arns.check("arn:aws:s3:us-east-1::bucket").problems()).singleElement().asString()
                .contains("AWS::S3::Bucket ARNs have no region");
        assertThat(Arns.check("arn:aws:sqs:us-east-1:123456789012:${Queue}").problems()).singleElement().asString()
                .contains("give the literal ARN");
    }

    @Test
    void an_arn_for_a_type_must_be_of_its_service_and_resource_form() {
        assertThat(Arns.check("arn:aws:sqs:us-east-1:123456789012:orders", "AWS::DynamoDB::Table").problems())
                .singleElement().asString().contains("service 'sqs' is not that of AWS::DynamoDB::Table")
                .contains("arn:PARTITION:dynamodb:REGION:ACCOUNT:table/NAME");
        assertThat(Arns.check("arn:aws:dynamodb:us-east-1:123456789012:orders", "AWS::DynamoDB::Table").problems())
                .singleElement().asString().contains("'orders' is not the resource part of AWS::DynamoDB::Table: it is table/NAME");
        assertThat(Arns.check("arn:aws:lambda:us-east-1:123456789012:function:orders:live", "AWS::Serverless::Function").valid())
                .isTrue();
        assertThat(Arns.check("arn:aws:iam::123456789012:role/service-role/x", "AWS::IAM::Role").valid()).isTrue();
        assertThat(Arns.check("arn:aws:iam::aws:role/x", "AWS::IAM::Role").problems()).singleElement().asString()
                .contains("account 'aws'");
    }

    @Test
    void a_type_whose_form_is_unknown_is_checked_as_any_arn() {
        assertThat(Arns.check("arn:aws:apprunner:us-east-1:123456789012:service/web/1", "AWS::AppRunner::Service").valid()).isTrue();
        assertThat(Arns.check("arn:aws:apprunner:us-east-1:1234:service/web/1", "AWS::AppRunner::Service").valid()).isFalse();
    }
}
