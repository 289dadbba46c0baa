package dev.stackdraft.cli;

/** Small templates the CLI tests edit; each test works on its own copy in a temporary folder. */
final class Templates {

    private Templates() {}

    static final String LAYER = "arn:aws:lambda:us-east-1:123456789012:layer:common:3";

    static final String SAM = """
            AWSTemplateFormatVersion: '2010-09-09'
            Transform: AWS::Serverless-2016-10-31
            Description: orders
            Resources:
              # where orders live
              OrdersTable:
                Type: AWS::DynamoDB::Table
                Properties:
                  BillingMode: PAY_PER_REQUEST
                  AttributeDefinitions: [{AttributeName: id, AttributeType: S}]
                  KeySchema: [{AttributeName: id, KeyType: HASH}]
              OrdersFunction:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: app.handler
                  Runtime: python3.12
                  Layers:
                    - arn:aws:lambda:us-east-1:123456789012:layer:common:3
                  Environment:
                    Variables:
                      TABLE: !Ref OrdersTable
                  Policies:
                    - DynamoDBCrudPolicy:
                        TableName: !Ref OrdersTable
            Outputs:
              TableArn:
                Value: !GetAtt OrdersTable.Arn
            """;

    /** A function with the five layers Lambda allows. */
    static final String FIVE_LAYERS = """
            AWSTemplateFormatVersion: '2010-09-09'
            Transform: AWS::Serverless-2016-10-31
            Resources:
              Fn:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: app.handler
                  Runtime: python3.12
                  Layers:
                    - arn:aws:lambda:us-east-1:123456789012:layer:one:1
                    - arn:aws:lambda:us-east-1:123456789012:layer:two:1
                    - arn:aws:lambda:us-east-1:123456789012:layer:three:1
                    - arn:aws:lambda:us-east-1:123456789012:layer:four:1
                    - arn:aws:lambda:us-east-1:123456789012:layer:five:1
            """;

    static final String SERVERLESS = """
            service: orders
            provider:
              name: aws
              runtime: nodejs20.x
            layers:
              shared:
                path: layers/shared
            functions:
              hello:
                handler: handler.hello
                layers:
                  - arn:aws:lambda:us-east-1:123456789012:layer:common:3
            """;

    /** A template whose YAML is broken at line 5: a flow sequence that never closes. */
    static final String MALFORMED = """
            AWSTemplateFormatVersion: '2010-09-09'
            Resources:
              Fn:
                Type: AWS::Lambda::Function
                Properties: { Layers: [ a, b
              Other:
                Type: AWS::SNS::Topic
            """;
}
