package dev.stackdraft.validation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stackdraft.template.Finding;
import dev.stackdraft.template.Template;
import dev.stackdraft.template.TemplateReader;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A stack at CloudFormation's limit of 500 resources (SAM functions with events, tables, queues) validates clean
 * and quickly. The bound is loose on purpose (shared CI machines); it catches work that grows with the square of
 * the template, not milliseconds. Fresh-process numbers are in the report of the change that made this.
 */
class ValidationSpeedTest {

    static String stack(int resources) {
        StringBuilder t = new StringBuilder("""
                Transform: AWS::Serverless-2016-10-31
                Globals:
                  Function:
                    Runtime: python3.12
                    MemorySize: 256
                    Layers: [!Ref Shared]
                Resources:
                  Shared:
                    Type: AWS::Serverless::LayerVersion
                    Properties: {ContentUri: layer/, CompatibleRuntimes: [python3.12]}
                """);
        for (int i = 0, n = 1; n < resources; i++) {
            t.append("""
                      Queue%1$d:
                        Type: AWS::SQS::Queue
                        Properties: {QueueName: !Sub "${AWS::StackName}-%1$d", VisibilityTimeout: 60}
                    """.formatted(i));
            if (++n == resources) {
                break;
            }
            t.append("""
                      Table%1$d:
                        Type: AWS::DynamoDB::Table
                        Properties:
                          BillingMode: PAY_PER_REQUEST
                          KeySchema: [{AttributeName: id, KeyType: HASH}]
                          AttributeDefinitions: [{AttributeName: id, AttributeType: S}]
                    """.formatted(i));
            if (++n == resources) {
                break;
            }
            t.append("""
                      Fn%1$d:
                        Type: AWS::Serverless::Function
                        Properties:
                          Handler: app.h%1$d
                          CodeUri: src/
                          Environment: {Variables: {TABLE: !Ref Table%1$d, QUEUE: !GetAtt Queue%1$d.Arn}}
                          Policies: [{DynamoDBCrudPolicy: {TableName: !Ref Table%1$d}}]
                          Events:
                            Q: {Type: SQS, Properties: {Queue: !GetAtt Queue%1$d.Arn, BatchSize: 10}}
                            Get: {Type: Api, Properties: {Path: /items%1$d, Method: get}}
                    """.formatted(i));
            n++;
        }
        return t.toString();
    }

    @Test
    void five_hundred_resources_validate_clean_within_a_loose_bound() {
        Template template = new TemplateReader().read("stack.yaml", stack(500));
        assertThat(template.resources()).hasSize(500);
        TemplateValidator validator = new TemplateValidator();
        validator.validate(template);
        long start = System.nanoTime();
        List<Finding> findings = validator.validate(template);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(findings).isEmpty();
        assertThat(millis).isLessThan(3_000);
    }

    @Test
    void one_more_resource_breaks_the_stack_limit() {
        Template template = new TemplateReader().read("stack.yaml", stack(501));
        assertThat(new TemplateValidator().validate(template)).extracting(Finding::code).containsExactly("stack-limit");
    }
}
