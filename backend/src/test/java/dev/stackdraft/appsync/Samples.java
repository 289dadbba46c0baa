package dev.stackdraft.appsync;

import dev.stackdraft.template.Template;
import dev.stackdraft.template.TemplateReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The templates the AppSync tests read and edit: the orders sample, and small ones of each form. */
final class Samples {

    private Samples() {}

    static final String ORDERS = "samples/orders-service/template.yaml";

    static String orders() {
        try (InputStream in = Samples.class.getClassLoader().getResourceAsStream(ORDERS)) {
            if (in == null) {
                throw new IllegalStateException(ORDERS + " is not on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Template read(String name, String text) {
        return new TemplateReader().read(name, text);
    }

    /** A SAM GraphQLApi with a table, a function and an HTTP data source beside it; one field bound. */
    static final String SERVERLESS = """
            AWSTemplateFormatVersion: '2010-09-09'
            Transform: AWS::Serverless-2016-10-31
            Resources:
              # the notes
              NotesTable:
                Type: AWS::DynamoDB::Table
                Properties:
                  BillingMode: PAY_PER_REQUEST
                  AttributeDefinitions:
                    - AttributeName: noteId
                      AttributeType: S
                  KeySchema:
                    - AttributeName: noteId
                      KeyType: HASH

              SummaryFunction:
                Type: AWS::Serverless::Function
                Properties:
                  Runtime: python3.12
                  Handler: app.handler
                  InlineCode: |
                    def handler(event, context):
                        return "summary"

              NotesApi:
                Type: AWS::Serverless::GraphQLApi
                Properties:
                  SchemaInline: |
                    type Note {
                      noteId: ID!
                      text: String
                      createdAt: AWSDateTime
                    }
                    type Query @aws_api_key {
                      getNote(noteId: ID!): Note
                      listNotes: [Note]
                      summary: String
                      weather: String
                    }
                    type Mutation {
                      createNote(text: String!): Note @aws_api_key
                      deleteNote(noteId: ID!): Note
                    }
                  Auth:
                    Type: API_KEY
                  DataSources:
                    DynamoDb:
                      Notes:
                        TableName: !Ref NotesTable
                        TableArn: !GetAtt NotesTable.Arn
                    Lambda:
                      Summary:
                        FunctionArn: !GetAtt SummaryFunction.Arn
                  Functions:
                    getNoteFunction:
                      Runtime:
                        Name: APPSYNC_JS
                        Version: 1.0.0
                      DataSource: Notes
                      CodeUri: resolvers/getNote.js
                  Resolvers:
                    Query:
                      getNote:
                        Pipeline:
                          - getNoteFunction

              WeatherDataSource:
                Type: AWS::AppSync::DataSource
                Properties:
                  ApiId: !GetAtt NotesApi.ApiId
                  Name: Weather
                  Type: HTTP
                  HttpConfig:
                    Endpoint: https://weather.example.com
            """;

    /** AppSync resources whose resolvers are VTL. */
    static final String VTL = """
            AWSTemplateFormatVersion: "2010-09-09"
            Resources:
              Table:
                Type: AWS::DynamoDB::Table
                Properties:
                  BillingMode: PAY_PER_REQUEST
                  AttributeDefinitions: [{AttributeName: pk, AttributeType: S}, {AttributeName: sk, AttributeType: S}]
                  KeySchema: [{AttributeName: pk, KeyType: HASH}, {AttributeName: sk, KeyType: RANGE}]
              Api:
                Type: AWS::AppSync::GraphQLApi
                Properties:
                  Name: items
                  AuthenticationType: API_KEY
              Schema:
                Type: AWS::AppSync::GraphQLSchema
                Properties:
                  ApiId: !GetAtt Api.ApiId
                  DefinitionS3Location: schema.graphql
              TableRole:
                Type: AWS::IAM::Role
                Properties:
                  AssumeRolePolicyDocument:
                    Version: "2012-10-17"
                    Statement:
                      - Effect: Allow
                        Principal: {Service: appsync.amazonaws.com}
                        Action: sts:AssumeRole
              Items:
                Type: AWS::AppSync::DataSource
                Properties:
                  ApiId: !GetAtt Api.ApiId
                  Name: Items
                  Type: AMAZON_DYNAMODB
                  ServiceRoleArn: !GetAtt TableRole.Arn
                  DynamoDBConfig:
                    TableName: !Ref Table
                    AwsRegion: !Ref AWS::Region
              GetItem:
                Type: AWS::AppSync::Resolver
                DependsOn: Schema
                Properties:
                  ApiId: !GetAtt Api.ApiId
                  TypeName: Query
                  FieldName: getItem
                  DataSourceName: !GetAtt Items.Name
                  RequestMappingTemplate: |
                    {"version": "2018-05-29", "operation": "GetItem",
                     "key": {"pk": $util.dynamodb.toDynamoDBJson($ctx.args.pk), "sk": $util.dynamodb.toDynamoDBJson($ctx.args.sk)}}
                  ResponseMappingTemplate: $util.toJson($ctx.result)
            """;

    static final String VTL_SCHEMA = """
            type Item {
              pk: ID!
              sk: ID!
              at: AWSTimestamp
            }
            type Query {
              getItem(pk: ID!, sk: ID!): Item
              itemsByPk(pk: ID!): [Item]
            }
            type Mutation {
              putItem(pk: ID!, sk: ID!): Item
              updateItem(pk: ID!, sk: ID!, at: AWSTimestamp): Item
            }
            """;
}
