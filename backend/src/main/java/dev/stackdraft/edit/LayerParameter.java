package dev.stackdraft.edit;

import dev.stackdraft.template.Change;
import dev.stackdraft.template.Dialect;
import dev.stackdraft.template.DocPath;
import dev.stackdraft.template.Resource;
import dev.stackdraft.template.Template;
import dev.stackdraft.template.Value;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Makes a layer's version a template parameter, so that each environment can deploy its own: a {@code String}
 * parameter (never an SSM-typed one: those break {@code sam build} and {@code sam deploy}, aws-sam-cli #1069, #2474,
 * #2743) whose default is the version used so far, and every literal use of the layer's ARN in the functions' lists
 * and in {@code Globals} written as {@code !Ref} to it ({@code !Sub} ARNs that name every region stay as they are). The per-environment values go to {@code samconfig.toml}'s
 * {@code parameter_overrides}; an environment without one deploys the default, that is, what it deployed before.
 *
 * @param defaultArn the version the template deploys where no environment says otherwise (a full, literal ARN)
 * @param parameter  the new parameter's name
 */
public record LayerParameter(String defaultArn, String parameter) implements EditCommand {

    /** What CloudFormation checks the value against: a layer version ARN of any partition. */
    static final String PATTERN = "^arn:aws[a-z-]*:lambda:[a-z]{2}(-[a-z]+)+-\\d:\\d{12}:layer:[A-Za-z0-9_-]+:\\d+$";

    @Override
    public List<Change> changes(Template template) {
        LayerArn layer = LayerArn.parse(defaultArn).filter(a -> !a.toString().contains("${"))
                .orElseThrow(() -> Refusals.file(template, "'" + defaultArn + "' is not a literal layer version ARN",
                        "give the version deployed by default: arn:aws:lambda:REGION:ACCOUNT:layer:NAME:VERSION"));
        if (template.dialect() == Dialect.SERVERLESS) {
            throw Refusals.file(template, "serverless.yml has no CloudFormation parameters per environment",
                    "give each stage its layer version under 'params' in serverless.yml");
        }
        List<Change> changes = new ArrayList<>(new SetSectionEntry("Parameters", parameter, definition(layer))
                .changes(template));
        Set<DocPath> seen = new LinkedHashSet<>();
        for (Resource resource : template.resources()) {
            if (!resource.type().isFunction()) {
                continue;
            }
            FunctionLayers layers = FunctionLayers.of(template, resource);
            replace(layers.ownPath(), layers.ownItems(), layer, seen, changes);
            replace(layers.globalPath(), layers.globalItems(), layer, seen, changes);
        }
        if (seen.isEmpty()) {
            throw Refusals.file(template, "no function uses layer " + layer.name(), "add the layer to a function first");
        }
        return changes;
    }

    private void replace(DocPath list, List<Value> items, LayerArn layer, Set<DocPath> seen, List<Change> changes) {
        for (int i = 0; i < items.size(); i++) {
            Optional<LayerArn> used = FunctionLayers.arn(items.get(i));
            DocPath path = list.child(i);
            // a !Sub with ${AWS::Region} deploys to every region: it stays, a parameter's value is one region's ARN
            if (used.isPresent() && used.get().sameLayer(layer) && !used.get().toString().contains("${") && seen.add(path)) {
                changes.add(new Change.Replace(path, Value.ref(parameter)));
            }
        }
    }

    private static Value definition(LayerArn layer) {
        return Value.mapping(List.of(
                Value.entry("Type", Value.plain("String")),
                Value.entry("Default", Value.plain(layer.toString())),
                Value.entry("AllowedPattern", Value.string(PATTERN)),
                Value.entry("Description", Value.string("Version of layer " + layer.name()
                        + " to deploy; set per environment in samconfig.toml's parameter_overrides"))));
    }

    @Override
    public String describe() {
        return "Make the version of layer " + LayerArn.parse(defaultArn).map(LayerArn::name).orElse(defaultArn)
                + " a parameter, " + parameter + ", set per environment";
    }
}
