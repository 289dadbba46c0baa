package dev.stackdraft.graph;

import static dev.stackdraft.graph.Graphs.edges;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AppSyncEdgesTest {

    @Test
    void resolver_points_at_its_data_source_and_the_data_source_at_its_table() {
        ResourceGraph graph = Graphs.of("""
                Resources:
                  Api:
                    Type: AWS::AppSync::GraphQLApi
                    Properties:
                      Name: notes
                      AuthenticationType: API_KEY
                  Notes:
                    Type: AWS::DynamoDB::Table
                  NotesSource:
                    Type: AWS::AppSync::DataSource
                    Properties:
                      ApiId: !GetAtt Api.ApiId
                      Type: AMAZON_DYNAMODB
                      DynamoDBConfig:
                        TableName: !Ref Notes
                        AwsRegion: !Ref AWS::Region
                  GetNote:
                    Type: AWS::AppSync::Resolver
                    Properties:
                      ApiId: !GetAtt Api.ApiId
                      TypeName: Query
                      FieldName: getNote
                      DataSourceName: !GetAtt NotesSource.Name
                """);

        assertThat(edges(graph)).containsExactly(
                "NotesSource -getatt-> Api",
                "NotesSource -datasource-> Notes",
                "GetNote -getatt-> Api",
                "GetNote -datasource-> NotesSource");
    }

    @Test
    void lambda_data_source_and_pipeline_function_point_at_what_serves_them() {
        ResourceGraph graph = Graphs.of("""
                Resources:
                  Api:
                    Type: AWS::AppSync::GraphQLApi
                  Handler:
                    Type: AWS::Lambda::Function
                  Role:
                    Type: AWS::IAM::Role
                  LambdaSource:
                    Type: AWS::AppSync::DataSource
                    Properties:
                      ApiId: !GetAtt Api.ApiId
                      ServiceRoleArn: !GetAtt Role.Arn
                      LambdaConfig:
                        LambdaFunctionArn: !GetAtt Handler.Arn
                  Step:
                    Type: AWS::AppSync::FunctionConfiguration
                    Properties:
                      ApiId: !GetAtt Api.ApiId
                      DataSourceName: {"Fn::GetAtt": [LambdaSource, Name]}
                """);

        assertThat(edges(graph)).containsExactly(
                "LambdaSource -getatt-> Api",
                "LambdaSource -getatt-> Role",
                "LambdaSource -datasource-> Handler",
                "Step -getatt-> Api",
                "Step -datasource-> LambdaSource");
    }

    @Test
    void a_sam_graphql_api_points_at_its_data_sources_and_what_its_functions_name() {
        ResourceGraph graph = Graphs.of("""
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  Notes:
                    Type: AWS::DynamoDB::Table
                  Authorizer:
                    Type: AWS::Serverless::Function
                  Resolve:
                    Type: AWS::Serverless::Function
                  Existing:
                    Type: AWS::AppSync::FunctionConfiguration
                    Properties:
                      ApiId: !GetAtt Api.ApiId
                  Role:
                    Type: AWS::IAM::Role
                  Api:
                    Type: AWS::Serverless::GraphQLApi
                    Properties:
                      Auth:
                        Type: AWS_LAMBDA
                        LambdaAuthorizer:
                          AuthorizerUri: !GetAtt Authorizer.Arn
                      DataSources:
                        DynamoDb:
                          NotesSource:
                            TableName: !Ref Notes
                            TableArn: !GetAtt Notes.Arn
                            ServiceRoleArn: !GetAtt Role.Arn
                        Lambda:
                          ResolveSource:
                            FunctionArn: !GetAtt Resolve.Arn
                      Functions:
                        reuse:
                          Id: !GetAtt Existing.FunctionId
                      Resolvers:
                        Query:
                          getNote:
                            Pipeline: [reuse]
                """);

        assertThat(edges(graph)).containsExactly(
                "Existing -getatt-> Api",
                "Api -getatt-> Authorizer",
                "Api -datasource-> Notes",
                "Api -getatt-> Role",
                "Api -datasource-> Resolve",
                "Api -datasource-> Existing");
        assertThat(graph.cycles()).as("SAM makes the pipeline function a resource of its own").isEmpty();
    }
}
