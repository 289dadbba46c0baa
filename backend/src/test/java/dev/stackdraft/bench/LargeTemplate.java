package dev.stackdraft.bench;

/**
 * A SAM template of a given number of resources (CloudFormation's per-stack limit is 500), shaped like a
 * real service: per group a function with a layer, events and a policy template, a table, a queue, a
 * topic, and Globals; comments and references throughout so that every part of the engine has work.
 */
public final class LargeTemplate {

    private LargeTemplate() {}

    public static String sam(int resources) {
        StringBuilder out = new StringBuilder();
        out.append("AWSTemplateFormatVersion: '2010-09-09'\n")
                .append("Transform: AWS::Serverless-2016-10-31\n")
                .append("Description: generated benchmark template with ").append(resources).append(" resources\n\n")
                .append("Parameters:\n  Stage:\n    Type: String\n    Default: dev\n\n")
                .append("Conditions:\n  IsProd: !Equals [!Ref Stage, prod]\n\n")
                .append("Globals:\n  Function:\n    Runtime: python3.13\n    Timeout: 30\n    MemorySize: 512\n")
                .append("    Layers:\n      - !Ref SharedLayer\n\n")
                .append("Resources:\n")
                .append("  # code shared by every function\n")
                .append("  SharedLayer:\n    Type: AWS::Serverless::LayerVersion\n    Properties:\n      ContentUri: layers/shared/\n\n");
        int written = 1;
        int groups = (resources - 1) / 4;
        for (int group = 0; group < groups; group++) {
            String fn = "Handler" + group;
            String table = "Table" + group;
            String queue = "Queue" + group;
            String topic = "Topic" + group;
            out.append("  # group ").append(group).append('\n');
            if (written++ < resources) {
                out.append("  ").append(fn).append(":\n")
                        .append("    Type: AWS::Serverless::Function\n")
                        .append("    Properties:\n")
                        .append("      CodeUri: src/handler").append(group).append("/\n")
                        .append("      Handler: app.handler\n")
                        .append("      Layers:\n")
                        .append("        - arn:aws:lambda:us-east-1:123456789012:layer:tools:").append(3 + group % 4).append('\n')
                        .append("      Environment:\n        Variables:\n")
                        .append("          TABLE: !Ref ").append(table).append('\n')
                        .append("          TOPIC_ARN: !Sub \"${").append(topic).append("}\"\n")
                        .append("      Policies:\n        - DynamoDBCrudPolicy:\n            TableName: !Ref ").append(table).append('\n')
                        .append("      Events:\n        Queue:\n          Type: SQS\n          Properties:\n")
                        .append("            Queue: !GetAtt ").append(queue).append(".Arn\n")
                        .append("            BatchSize: 10\n");
            }
            if (written++ < resources) {
                out.append("  ").append(table).append(":\n")
                        .append("    Type: AWS::DynamoDB::Table\n")
                        .append("    Properties:\n")
                        .append("      BillingMode: PAY_PER_REQUEST\n")
                        .append("      AttributeDefinitions:\n        - AttributeName: id\n          AttributeType: S\n")
                        .append("      KeySchema:\n        - AttributeName: id\n          KeyType: HASH\n")
                        .append("      Tags:\n        - Key: stage\n          Value: !Ref Stage\n");
            }
            if (written++ < resources) {
                out.append("  ").append(queue).append(":\n")
                        .append("    Type: AWS::SQS::Queue\n")
                        .append("    Properties:\n      VisibilityTimeout: 180\n");
            }
            if (written++ < resources) {
                out.append("  ").append(topic).append(":\n")
                        .append("    Type: AWS::SNS::Topic\n")
                        .append("    Condition: IsProd\n")
                        .append("    Properties:\n      DisplayName: !Sub \"topic-${Stage}-").append(group).append("\"\n");
            }
            out.append('\n');
        }
        for (int extra = 0; written < resources; extra++, written++) {
            out.append("  Spare").append(extra).append(":\n    Type: AWS::SQS::Queue\n");
        }
        out.append("\nOutputs:\n  SharedLayerArn:\n    Value: !Ref SharedLayer\n");
        return out.toString();
    }
}
