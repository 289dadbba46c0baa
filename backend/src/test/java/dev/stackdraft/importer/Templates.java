package dev.stackdraft.importer;

/** Small templates for the importer's tests. */
final class Templates {

    static final String SAM = """
            AWSTemplateFormatVersion: "2010-09-09"
            Transform: AWS::Serverless-2016-10-31
            Resources:
              Table:
                Type: AWS::DynamoDB::Table
                Properties:
                  BillingMode: PAY_PER_REQUEST
                  AttributeDefinitions:
                    - AttributeName: id
                      AttributeType: S
                  KeySchema:
                    - AttributeName: id
                      KeyType: HASH
              Handler:
                Type: AWS::Serverless::Function
                Properties:
                  Runtime: python3.12
                  Handler: app.handler
                  CodeUri: src/
                  Environment:
                    Variables:
                      TABLE: !Ref Table
            """;

    /** Plain CloudFormation in JSON, found by its content. */
    static final String CFN_JSON = """
            {
              "AWSTemplateFormatVersion": "2010-09-09",
              "Resources": {
                "Bucket": { "Type": "AWS::S3::Bucket" },
                "Topic": { "Type": "AWS::SNS::Topic" }
              }
            }
            """;

    static final String SERVERLESS = """
            service: api
            provider:
              name: aws
              runtime: nodejs20.x
            functions:
              hello:
                handler: handler.hello
                events:
                  - httpApi:
                      path: /hello
                      method: get
            """;

    /** No AWSTemplateFormatVersion: a template by its SAM transform. */
    static final String SAM_WITHOUT_VERSION = """
            Transform: AWS::Serverless-2016-10-31
            Resources:
              F:
                Type: AWS::Serverless::Function
                Properties:
                  Runtime: python3.12
                  Handler: a.b
                  InlineCode: x
            """;

    /** No version, no transform: a template only because its resources are AWS types. */
    static final String RESOURCES_ONLY = """
            Resources:
              Queue:
                Type: AWS::SQS::Queue
            """;

    /** A reference to nothing: validation finds an error. */
    static final String WITH_FINDINGS = """
            AWSTemplateFormatVersion: "2010-09-09"
            Resources:
              Queue:
                Type: AWS::SQS::Queue
                Properties:
                  RedrivePolicy:
                    deadLetterTargetArn: !GetAtt Missing.Arn
                    maxReceiveCount: 3
            """;

    static final String BROKEN_YAML = """
            AWSTemplateFormatVersion: "2010-09-09"
            Resources:
              Queue:
                Type: AWS::SQS::Queue
                 Properties: [unclosed
            """;

    static final String KUBERNETES = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
            spec:
              replicas: 2
            """;

    static String sam(String... resourceNames) {
        StringBuilder text = new StringBuilder("""
                AWSTemplateFormatVersion: "2010-09-09"
                Transform: AWS::Serverless-2016-10-31
                Resources:
                """);
        for (String name : resourceNames) {
            text.append("  ").append(name).append(":\n    Type: AWS::SNS::Topic\n");
        }
        return text.toString();
    }

    private Templates() {}
}
