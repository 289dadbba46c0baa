package dev.stackdraft.edit;

import dev.stackdraft.template.Change;
import dev.stackdraft.template.DocPath;
import dev.stackdraft.template.Template;
import dev.stackdraft.template.Value;
import dev.stackdraft.template.Value.Entry;
import dev.stackdraft.template.Value.Intrinsic;
import dev.stackdraft.template.Value.Mapping;
import dev.stackdraft.template.Value.Scalar;
import dev.stackdraft.template.Value.Sequence;
import dev.stackdraft.template.Value.Tagged;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;

/**
 * Moves every use of a layer, any version, to the given version: function lists, Globals, parameter
 * defaults, mappings, {@code !Sub} strings with {@code ${AWS::Region}} in them. What teams wanted layers for:
 * keep every function on the latest version with one command.
 */
public record UpgradeLayer(String layerArn) implements EditCommand {

    @Override
    public List<Change> changes(Template template) {
        LayerArn target = LayerArn.parse(layerArn).orElseThrow(() -> Refusals.file(template,
                "'" + layerArn + "' is not a layer version ARN",
                "give the new version's full ARN: arn:aws:lambda:REGION:ACCOUNT:layer:NAME:VERSION"));
        List<Change> changes = new ArrayList<>();
        int[] uses = {0};
        visit(template.root(), DocPath.ROOT, target, changes, uses);
        if (uses[0] == 0) {
            throw Refusals.file(template, "no use of layer '" + target.name() + "' in this template", "check the layer name and account");
        }
        return changes;
    }

    private static void visit(Value value, DocPath path, LayerArn target, List<Change> changes, int[] uses) {
        switch (value) {
            case Scalar s -> {
                String upgraded = upgrade(s.text(), target, uses);
                if (!upgraded.equals(s.text())) {
                    changes.add(new Change.Replace(path, Value.string(upgraded)));
                }
            }
            case Sequence seq -> {
                for (int i = 0; i < seq.items().size(); i++) {
                    visit(seq.items().get(i), path.child(i), target, changes, uses);
                }
            }
            case Mapping m -> {
                for (Entry e : m.entries()) {
                    visit(e.value(), path.child(e.name()), target, changes, uses);
                }
            }
            case Intrinsic fn -> visit(fn.argument(), path.child(fn.fn().longName()), target, changes, uses);
            case Tagged t -> { } // unknown tags are kept byte for byte
        }
    }

    private static String upgrade(String text, LayerArn target, int[] uses) {
        if (!text.contains(":layer:" + target.name() + ":")) {
            return text;
        }
        Matcher m = LayerArn.IN_TEXT.matcher(text);
        StringBuilder out = new StringBuilder();
        int last = 0;
        while (m.find()) {
            LayerArn found = LayerArn.of(m);
            if (found.sameLayer(target)) {
                uses[0]++;
                out.append(text, last, m.start(5)).append(target.version());
                last = m.end(5);
            }
        }
        out.append(text.substring(last));
        return out.toString();
    }

    @Override
    public String describe() {
        return "Upgrade every use of layer " + LayerArn.parse(layerArn).map(LayerArn::name).orElse(layerArn)
                + " to version " + LayerArn.parse(layerArn).map(a -> Integer.toString(a.version())).orElse("?");
    }
}
