package dev.stackdraft.appsync;

import static dev.stackdraft.appsync.BindResolverTest.apply;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stackdraft.template.Template;
import org.junit.jupiter.api.Test;

class NewGraphQlApiTest {

    private static final String SDL = "type Query {\n  hello: String\n}\n";

    @Test
    void a_new_api_is_a_sam_graphql_api_with_api_key_auth_and_the_transform_is_declared() {
        Template before = Samples.read("t.yaml", """
                AWSTemplateFormatVersion: '2010-09-09'
                # a table
                Resources:
                  Table:
                    Type: AWS::DynamoDB::Table
                """);

        Template after = apply(before, new NewGraphQlApi("HelloApi", "hello", SDL));

        assertThat(after.transforms()).containsExactly("AWS::Serverless-2016-10-31");
        assertThat(after.source().text()).isEqualTo("""
                AWSTemplateFormatVersion: '2010-09-09'
                Transform: AWS::Serverless-2016-10-31
                # a table
                Resources:
                  Table:
                    Type: AWS::DynamoDB::Table
                  HelloApi:
                    Type: AWS::Serverless::GraphQLApi
                    Properties:
                      Name: hello
                      SchemaInline: |
                        type Query {
                          hello: String
                        }
                      Auth:
                        Type: API_KEY
                      ApiKeys:
                        DefaultKey:
                          Description: Key for calling hello
                """);
        GraphQlApi api = GraphQlApis.of(after).getFirst();
        assertThat(api.form()).isEqualTo(GraphQlApi.Form.SERVERLESS);
        assertThat(SchemaFields.of(api, ((SchemaSource.Inline) api.schema()).text())).extracting(Field::coordinate)
                .containsExactly("Query.hello");
    }

    @Test
    void an_sdl_that_does_not_parse_or_a_taken_id_is_refused() {
        Template before = Samples.read("t.yaml", Samples.orders());

        assertThatThrownBy(() -> apply(before, new NewGraphQlApi("HelloApi", "hello", "type Query {")))
                .hasMessageContaining("does not parse").hasMessageContaining("line 1, column 13 of the schema");
        assertThatThrownBy(() -> apply(before, new NewGraphQlApi("OrdersTable", "hello", SDL)))
                .hasMessageContaining("'OrdersTable' is already defined");
    }
}
