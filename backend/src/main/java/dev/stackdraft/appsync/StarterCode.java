package dev.stackdraft.appsync;

import dev.stackdraft.template.Resource;
import dev.stackdraft.template.Template;
import dev.stackdraft.template.Value;
import dev.stackdraft.template.Value.Mapping;
import dev.stackdraft.template.Value.Sequence;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The code a field gets when it is bound without code of its own: per data-source kind, and for DynamoDB per what the
 * field's name says it does (Query {@code get*} reads an item, {@code list*} scans, {@code *By*} queries; Mutation
 * {@code create*}/{@code put*}/{@code add*} puts, {@code update*} updates, {@code delete*}/{@code remove*} deletes).
 * Keys are the table's own ({@code KeySchema}) where the template defines it, else {@code id}.
 */
public final class StarterCode {

    /** What a DynamoDB resolver does, as its field's name says. */
    enum Operation { GET, PUT, UPDATE, DELETE, QUERY, SCAN }

    private static final List<String> ROOTS = List.of("Query", "Mutation", "Subscription");

    private StarterCode() {}

    /** An APPSYNC_JS resolver with {@code request} and {@code response}. */
    public static String javascript(DataSource.Kind kind, String typeName, String fieldName, List<String> key) {
        String args = ROOTS.contains(typeName) ? "ctx.args" : "ctx.source";
        String head = "/** " + typeName + "." + fieldName + ": ";
        return switch (kind) {
            case DYNAMODB -> dynamoDbJs(operation(typeName, fieldName), head, args, key.isEmpty() ? List.of("id") : key);
            case LAMBDA -> """
                    import { util } from '@aws-appsync/utils';

                    %shands the call to the function; what it returns is the field's value. */
                    export function request(ctx) {
                      return {
                        operation: 'Invoke',
                        payload: { fieldName: ctx.info.fieldName, arguments: ctx.args, source: ctx.source },
                      };
                    }

                    export function response(ctx) {
                      if (ctx.error) {
                        util.error(ctx.error.message, ctx.error.type);
                      }
                      return ctx.result;
                    }
                    """.formatted(head);
            case HTTP -> """
                    import { util } from '@aws-appsync/utils';

                    %sa GET on the endpoint; set the path and query it needs. */
                    export function request(ctx) {
                      return {
                        method: 'GET',
                        resourcePath: '/',
                        params: { headers: { 'Content-Type': 'application/json' } },
                      };
                    }

                    export function response(ctx) {
                      if (ctx.error) {
                        util.error(ctx.error.message, ctx.error.type);
                      }
                      if (ctx.result.statusCode !== 200) {
                        util.appendError(ctx.result.body, `${ctx.result.statusCode}`);
                      }
                      return JSON.parse(ctx.result.body);
                    }
                    """.formatted(head);
            case NONE -> """
                    %sno data source: the arguments come back as the result. */
                    export function request(ctx) {
                      return { payload: ctx.args };
                    }

                    export function response(ctx) {
                      return ctx.result;
                    }
                    """.formatted(head);
            case OTHER -> """
                    %swrite the request this data source takes (AppSync's resolver reference, per kind). */
                    export function request(ctx) {
                      return {};
                    }

                    export function response(ctx) {
                      return ctx.result;
                    }
                    """.formatted(head);
        };
    }

    private static String dynamoDbJs(Operation operation, String head, String args, List<String> key) {
        String keyFromArgs = "{ " + key.stream().map(k -> k + ": " + args + "." + k).collect(Collectors.joining(", ")) + " }";
        String keyNames = String.join(", ", key);
        String request = switch (operation) {
            case GET -> head + "reads one item by its key. */\nexport function request(ctx) {\n"
                    + "  return ddb.get({ key: " + keyFromArgs + " });\n}\n";
            case DELETE -> head + "deletes one item by its key. */\nexport function request(ctx) {\n"
                    + "  return ddb.remove({ key: " + keyFromArgs + " });\n}\n";
            case PUT -> head + "writes an item; a missing " + key.getFirst() + " is made up. */\n"
                    + "export function request(ctx) {\n"
                    + "  const { " + keyNames + ", ...values } = ctx.args.input ?? ctx.args;\n"
                    + "  return ddb.put({ key: { " + key.getFirst() + ": " + key.getFirst() + " ?? util.autoId()"
                    + key.stream().skip(1).map(k -> ", " + k).collect(Collectors.joining()) + " }, item: values });\n}\n";
            case UPDATE -> head + "sets the given attributes of one item. */\nexport function request(ctx) {\n"
                    + "  const { " + keyNames + ", ...values } = ctx.args.input ?? ctx.args;\n"
                    + "  return ddb.update({ key: { " + keyNames + " }, update: values });\n}\n";
            case QUERY -> head + "the items with this " + key.getFirst() + ", a page at a time. */\n"
                    + "export function request(ctx) {\n"
                    + "  return ddb.query({\n"
                    + "    query: { " + key.getFirst() + ": { eq: " + args + "." + key.getFirst() + " } },\n"
                    + "    limit: ctx.args.limit,\n    nextToken: ctx.args.nextToken,\n  });\n}\n";
            case SCAN -> head + "every item, a page at a time. */\nexport function request(ctx) {\n"
                    + "  return ddb.scan({ limit: ctx.args.limit, nextToken: ctx.args.nextToken });\n}\n";
        };
        String result = operation == Operation.QUERY || operation == Operation.SCAN ? "ctx.result.items" : "ctx.result";
        String imports = (operation == Operation.PUT ? "import { util } from '@aws-appsync/utils';\n" : "")
                + "import * as ddb from '@aws-appsync/utils/dynamodb';\n\n";
        return imports + request + "\nexport function response(ctx) {\n  return " + result + ";\n}\n";
    }

    /** A VTL request mapping template. */
    public static String vtlRequest(DataSource.Kind kind, String typeName, String fieldName, List<String> key) {
        String args = ROOTS.contains(typeName) ? "$ctx.args" : "$ctx.source";
        return switch (kind) {
            case DYNAMODB -> dynamoDbVtl(operation(typeName, fieldName), args, key.isEmpty() ? List.of("id") : key);
            case LAMBDA -> """
                    {
                      "version": "2018-05-29",
                      "operation": "Invoke",
                      "payload": {
                        "fieldName": "$ctx.info.fieldName",
                        "arguments": $util.toJson($ctx.args),
                        "source": $util.toJson($ctx.source)
                      }
                    }
                    """;
            case HTTP -> """
                    {
                      "version": "2018-05-29",
                      "method": "GET",
                      "resourcePath": "/",
                      "params": {
                        "headers": { "Content-Type": "application/json" }
                      }
                    }
                    """;
            case NONE -> """
                    {
                      "version": "2018-05-29",
                      "payload": $util.toJson($ctx.args)
                    }
                    """;
            case OTHER -> """
                    ## write the request this data source takes (AppSync's resolver mapping template reference)
                    {
                      "version": "2018-05-29"
                    }
                    """;
        };
    }

    /** A VTL response mapping template. */
    public static String vtlResponse(DataSource.Kind kind, String typeName, String fieldName) {
        return switch (kind) {
            case DYNAMODB -> {
                Operation operation = operation(typeName, fieldName);
                yield operation == Operation.QUERY || operation == Operation.SCAN ? "$util.toJson($ctx.result.items)\n"
                        : "$util.toJson($ctx.result)\n";
            }
            case LAMBDA -> """
                    #if($ctx.error)
                      $util.error($ctx.error.message, $ctx.error.type)
                    #end
                    $util.toJson($ctx.result)
                    """;
            case HTTP -> """
                    #if($ctx.result.statusCode == 200)
                      $ctx.result.body
                    #else
                      $util.appendError($ctx.result.body, "$ctx.result.statusCode")
                    #end
                    """;
            case NONE, OTHER -> "$util.toJson($ctx.result)\n";
        };
    }

    private static String dynamoDbVtl(Operation operation, String args, List<String> key) {
        String keyJson = "  \"key\": {\n" + key.stream().map(k -> "    \"" + k + "\": $util.dynamodb.toDynamoDBJson("
                + (operation == Operation.PUT && k.equals(key.getFirst())
                ? "$util.defaultIfNullOrBlank(" + args + "." + k + ", $util.autoId())" : args + "." + k) + ")")
                .collect(Collectors.joining(",\n")) + "\n  }";
        return switch (operation) {
            case GET -> "{\n  \"version\": \"2018-05-29\",\n  \"operation\": \"GetItem\",\n" + keyJson + "\n}\n";
            case DELETE -> "{\n  \"version\": \"2018-05-29\",\n  \"operation\": \"DeleteItem\",\n" + keyJson + "\n}\n";
            case PUT -> "{\n  \"version\": \"2018-05-29\",\n  \"operation\": \"PutItem\",\n" + keyJson + ",\n"
                    + "  \"attributeValues\": $util.dynamodb.toMapValuesJson($ctx.args)\n}\n";
            case UPDATE -> "## sets every argument but the key\n#set($set = [])\n#set($names = {})\n#set($values = {})\n"
                    + "#foreach($entry in $ctx.args.entrySet())\n"
                    + "  #if(!" + key.stream().map(k -> "\"" + k + "\"").collect(Collectors.joining(", ", "[", "]"))
                    + ".contains($entry.key))\n"
                    + "    $util.qr($set.add(\"#${entry.key} = :${entry.key}\"))\n"
                    + "    $util.qr($names.put(\"#${entry.key}\", $entry.key))\n"
                    + "    $util.qr($values.put(\":${entry.key}\", $util.dynamodb.toDynamoDB($entry.value)))\n"
                    + "  #end\n#end\n"
                    + "{\n  \"version\": \"2018-05-29\",\n  \"operation\": \"UpdateItem\",\n" + keyJson + ",\n"
                    + "  \"update\": {\n    \"expression\": \"SET $util.join(\", \", $set)\",\n"
                    + "    \"expressionNames\": $util.toJson($names),\n    \"expressionValues\": $util.toJson($values)\n  }\n}\n";
            case QUERY -> "{\n  \"version\": \"2018-05-29\",\n  \"operation\": \"Query\",\n  \"query\": {\n"
                    + "    \"expression\": \"#k = :k\",\n    \"expressionNames\": { \"#k\": \"" + key.getFirst() + "\" },\n"
                    + "    \"expressionValues\": { \":k\": $util.dynamodb.toDynamoDBJson(" + args + "." + key.getFirst() + ") }\n"
                    + "  },\n  \"limit\": $util.defaultIfNull($ctx.args.limit, 20),\n"
                    + "  \"nextToken\": $util.toJson($util.defaultIfNullOrBlank($ctx.args.nextToken, null))\n}\n";
            case SCAN -> "{\n  \"version\": \"2018-05-29\",\n  \"operation\": \"Scan\",\n"
                    + "  \"limit\": $util.defaultIfNull($ctx.args.limit, 20),\n"
                    + "  \"nextToken\": $util.toJson($util.defaultIfNullOrBlank($ctx.args.nextToken, null))\n}\n";
        };
    }

    /** What a DynamoDB resolver of this field does, by its type and the first word of its name. */
    static Operation operation(String typeName, String fieldName) {
        String name = fieldName.toLowerCase(Locale.ROOT);
        if (typeName.equals("Mutation")) {
            if (startsWithAny(name, "delete", "remove", "destroy")) {
                return Operation.DELETE;
            }
            if (startsWithAny(name, "update", "edit", "modify", "patch", "set", "change")) {
                return Operation.UPDATE;
            }
            return Operation.PUT;
        }
        if (startsWithAny(name, "list", "all", "scan", "search")) {
            return Operation.SCAN;
        }
        if (name.startsWith("query") || fieldName.matches(".*[a-z]By[A-Z].*")) {
            return Operation.QUERY;
        }
        return Operation.GET;
    }

    private static boolean startsWithAny(String name, String... prefixes) {
        for (String prefix : prefixes) {
            if (name.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /** The key attributes of a DynamoDB data source's table, hash key first, where the template defines the table. */
    public static List<String> tableKey(Template template, DataSource dataSource) {
        if (dataSource.kind() != DataSource.Kind.DYNAMODB || dataSource.target() == null) {
            return List.of();
        }
        Resource table = template.resource(dataSource.target()).orElse(null);
        if (table == null) {
            return List.of();
        }
        if (table.type().value().equals("AWS::Serverless::SimpleTable")) {
            return table.properties().flatMap(p -> p.mapping("PrimaryKey")).flatMap(k -> k.string("Name"))
                    .map(List::of).orElse(List.of("id"));
        }
        List<String> hash = new ArrayList<>();
        List<String> range = new ArrayList<>();
        if (table.property("KeySchema").orElse(null) instanceof Sequence schema) {
            for (Value item : schema.items()) {
                if (item instanceof Mapping element) {
                    String name = element.string("AttributeName").orElse(null);
                    String type = element.string("KeyType").orElse("");
                    if (name != null) {
                        (type.equals("RANGE") ? range : hash).add(name);
                    }
                }
            }
        }
        hash.addAll(range);
        return hash;
    }
}
