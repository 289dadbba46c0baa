package dev.stackdraft.appsync;

import dev.stackdraft.appsync.DataSource.Kind;
import dev.stackdraft.appsync.GraphQlApi.Form;
import dev.stackdraft.edit.EditCommand;
import dev.stackdraft.template.Change;
import dev.stackdraft.template.DocPath;
import dev.stackdraft.template.Fn;
import dev.stackdraft.template.Resource;
import dev.stackdraft.template.Template;
import dev.stackdraft.template.Value;
import dev.stackdraft.template.Value.Entry;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Adds a data source to an API.
 *
 * <p>SAM form: a DynamoDB table or Lambda function goes under {@code DataSources.DynamoDb}/{@code .Lambda}, where SAM
 * makes the role through a connector on that table (and its indexes) or that function alone, Read and Write; an HTTP
 * endpoint is an {@code AWS::AppSync::DataSource} beside the API; NONE needs no entry ({@code DataSource: NONE}).
 *
 * <p>APPSYNC form: an {@code AWS::AppSync::DataSource} and, for a table or a function, its own {@code AWS::IAM::Role}
 * that only {@code appsync.amazonaws.com} may assume, allowed exactly: on the table and its indexes the six item
 * operations resolvers do ({@code GetItem}, {@code PutItem}, {@code UpdateItem}, {@code DeleteItem}, {@code Query},
 * {@code Scan}; no batch, PartiQL or table-level action); on the function {@code lambda:InvokeFunction} of its ARN.
 *
 * @param name   the data source's name (letters, digits and _; SAM keys take letters and digits only)
 * @param target a table's or function's logical id in the template, or a table name / function ARN outside it; an
 *               HTTP(S) endpoint; ignored for NONE
 */
public record AddDataSource(String api, String name, Kind kind, String target) implements EditCommand {

    static final List<String> DYNAMODB_ACTIONS = List.of("dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem",
            "dynamodb:DeleteItem", "dynamodb:Query", "dynamodb:Scan");

    @Override
    public List<Change> changes(Template template) {
        GraphQlApi target = GraphQlApis.require(template, api);
        Names.checkGraphQlName(template, "data source", name);
        if (target.dataSource(name).isPresent()) {
            throw Refuse.at(template, target.line(), api + " has a data source '" + name + "' already", "choose another name");
        }
        if (kind == Kind.OTHER) {
            throw Refuse.file(template, "Stackdraft writes DynamoDB, Lambda, HTTP and NONE data sources",
                    "write an AWS::AppSync::DataSource of another kind by hand");
        }
        if (kind == Kind.HTTP && !this.target.matches("(?i)https?://\\S+")) {
            throw Refuse.file(template, "'" + this.target + "' is not an HTTP endpoint", "give a URL such as https://api.example.com");
        }
        if (target.form() == Form.SERVERLESS) {
            return switch (kind) {
                case DYNAMODB, LAMBDA -> sam(template, target);
                case NONE -> throw Refuse.at(template, target.line(), "a SAM GraphQL API needs no NONE data source",
                        "bind fields with the data source NONE: SAM makes one for the API");
                default -> resources(template, target);
            };
        }
        return resources(template, target);
    }

    private List<Change> sam(Template template, GraphQlApi target) {
        if (!name.matches("[A-Za-z0-9]+")) {
            throw Refuse.file(template, "'" + name + "' cannot be a key of a SAM API's DataSources",
                    "SAM makes logical ids of them: letters and digits only");
        }
        List<Entry> entries = new ArrayList<>();
        Resource defined = template.resource(this.target).orElse(null);
        if (kind == Kind.DYNAMODB) {
            if (defined != null) {
                requireTable(template, defined);
                entries.add(Value.entry("TableName", Value.ref(this.target)));
                entries.add(Value.entry("TableArn", AppSyncWrites.getAtt(this.target, "Arn")));
            } else {
                entries.add(Value.entry("TableName", Value.string(tableName(template))));
                if (this.target.startsWith("arn:")) {
                    entries.add(Value.entry("TableArn", Value.string(this.target)));
                }
            }
        } else {
            entries.add(Value.entry("FunctionArn", functionArn(template, defined)));
        }
        Resource resource = template.resource(target.id()).orElseThrow();
        return Changes.put(template, resource.propertyPath(List.of("DataSources",
                kind == Kind.DYNAMODB ? "DynamoDb" : "Lambda", name)), Value.mapping(entries));
    }

    /** An {@code AWS::AppSync::DataSource} and, for a table or function, its role. */
    private List<Change> resources(Template template, GraphQlApi target) {
        String base = Names.idPart(name);
        String id = Names.freeLogicalId(template, base.endsWith("DataSource") ? base : base + "DataSource", List.of());
        String roleId = Names.freeLogicalId(template, id + "Role", List.of(id));
        Resource defined = template.resource(this.target).orElse(null);
        List<Entry> properties = new ArrayList<>();
        properties.add(Value.entry("ApiId", AppSyncWrites.getAtt(target.id(), "ApiId")));
        properties.add(Value.entry("Name", Value.string(name)));
        List<Change> changes = new ArrayList<>();
        switch (kind) {
            case DYNAMODB -> {
                Value table;
                Value arn;
                Value indexes;
                if (defined != null) {
                    requireTable(template, defined);
                    table = Value.ref(this.target);
                    arn = AppSyncWrites.getAtt(this.target, "Arn");
                    indexes = Value.intrinsic(Fn.SUB, Value.string("${" + this.target + ".Arn}/index/*"));
                } else {
                    table = Value.string(tableName(template));
                    String arnText = this.target.startsWith("arn:") ? this.target
                            : "arn:${AWS::Partition}:dynamodb:${AWS::Region}:${AWS::AccountId}:table/" + this.target;
                    arn = this.target.startsWith("arn:") ? Value.string(arnText) : Value.intrinsic(Fn.SUB, Value.string(arnText));
                    indexes = this.target.startsWith("arn:") ? Value.string(arnText + "/index/*")
                            : Value.intrinsic(Fn.SUB, Value.string(arnText + "/index/*"));
                }
                changes.addAll(role(template, roleId, DYNAMODB_ACTIONS, List.of(arn, indexes)));
                properties.add(Value.entry("Type", Value.string("AMAZON_DYNAMODB")));
                properties.add(Value.entry("ServiceRoleArn", AppSyncWrites.getAtt(roleId, "Arn")));
                properties.add(Value.entry("DynamoDBConfig", Value.mapping(List.of(Value.entry("TableName", table),
                        Value.entry("AwsRegion", Value.ref("AWS::Region"))))));
            }
            case LAMBDA -> {
                Value arn = functionArn(template, defined);
                changes.addAll(role(template, roleId, List.of("lambda:InvokeFunction"), List.of(arn)));
                properties.add(Value.entry("Type", Value.string("AWS_LAMBDA")));
                properties.add(Value.entry("ServiceRoleArn", AppSyncWrites.getAtt(roleId, "Arn")));
                properties.add(Value.entry("LambdaConfig", Value.mapping(List.of(Value.entry("LambdaFunctionArn", arn)))));
            }
            case HTTP -> {
                properties.add(Value.entry("Type", Value.string("HTTP")));
                properties.add(Value.entry("HttpConfig", Value.mapping(List.of(Value.entry("Endpoint",
                        Value.string(this.target))))));
            }
            default -> properties.add(Value.entry("Type", Value.string("NONE")));
        }
        changes.addAll(Changes.put(template, DocPath.of("Resources", id), Value.mapping(List.of(
                Value.entry("Type", Value.string(ApiReader.DATA_SOURCE)), Value.entry("Properties", Value.mapping(properties))))));
        return changes;
    }

    /** A role only AppSync may assume, allowed {@code actions} on {@code resources} and nothing else. */
    private List<Change> role(Template template, String roleId, List<String> actions, List<Value> resources) {
        Value assume = document(List.of(Value.entry("Effect", Value.string("Allow")),
                Value.entry("Principal", Value.mapping(List.of(Value.entry("Service", Value.string("appsync.amazonaws.com"))))),
                Value.entry("Action", Value.string("sts:AssumeRole"))));
        Value allow = document(List.of(Value.entry("Effect", Value.string("Allow")),
                Value.entry("Action", Value.sequence(actions.stream().map(Value::string).toList())),
                Value.entry("Resource", resources.size() == 1 ? resources.getFirst() : Value.sequence(resources))));
        Value policies = Value.sequence(List.of(Value.mapping(List.of(
                Value.entry("PolicyName", Value.string(name + "-access")), Value.entry("PolicyDocument", allow)))));
        return Changes.put(template, DocPath.of("Resources", roleId), Value.mapping(List.of(
                Value.entry("Type", Value.string("AWS::IAM::Role")),
                Value.entry("Properties", Value.mapping(List.of(Value.entry("AssumeRolePolicyDocument", assume),
                        Value.entry("Policies", policies)))))));
    }

    /** A policy document of one statement, in IAM's current grammar (the writer quotes the date). */
    private static Value document(List<Entry> statement) {
        return Value.mapping(List.of(Value.entry("Version", Value.string("2012-10-17")),
                Value.entry("Statement", Value.sequence(List.of(Value.mapping(statement))))));
    }

    private void requireTable(Template template, Resource resource) {
        String type = resource.type().value();
        if (!type.equals("AWS::DynamoDB::Table") && !type.equals("AWS::Serverless::SimpleTable")) {
            throw Refuse.at(template, resource.line(), "'" + target + "' is a " + type + ", not a DynamoDB table",
                    "give a table's logical id, or a table name outside the template");
        }
    }

    /** The table name a target outside the template gives: the name itself, or what follows {@code table/} in its ARN. */
    private String tableName(Template template) {
        String name = target.startsWith("arn:") ? target.substring(target.indexOf(":table/") + ":table/".length()) : target;
        if (target.startsWith("arn:") && !target.contains(":table/") || !name.matches("[A-Za-z0-9_.-]{3,255}")) {
            throw Refuse.file(template, "'" + target + "' is neither a table of this template nor a table name or ARN",
                    "give a table's logical id, a table name, or arn:aws:dynamodb:REGION:ACCOUNT:table/NAME");
        }
        return name;
    }

    private Value functionArn(Template template, @Nullable Resource defined) {
        if (defined != null) {
            if (!defined.type().isFunction()) {
                throw Refuse.at(template, defined.line(), "'" + target + "' is a " + defined.type() + ", not a function",
                        "give a function's logical id, or a function ARN");
            }
            return AppSyncWrites.getAtt(target, "Arn");
        }
        if (!target.toLowerCase(Locale.ROOT).startsWith("arn:") || !target.contains(":lambda:")) {
            throw Refuse.file(template, "'" + target + "' is neither a function of this template nor a function ARN",
                    "give a function's logical id, or arn:aws:lambda:REGION:ACCOUNT:function:NAME");
        }
        return Value.string(target);
    }

    @Override
    public String describe() {
        return "Add data source " + name + " (" + kind.name().toLowerCase(Locale.ROOT)
                + (kind == Kind.NONE ? "" : " " + target) + ") to " + api;
    }
}
