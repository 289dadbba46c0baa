package dev.stackdraft.edit;

import dev.stackdraft.template.Dialect;
import dev.stackdraft.template.DocPath;
import dev.stackdraft.template.Template;
import dev.stackdraft.template.Value;
import dev.stackdraft.template.Value.Entry;
import dev.stackdraft.template.Value.Mapping;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** The template sections that have panels of their own, and what CloudFormation and SAM ask of their entries. */
final class Sections {

    static final List<String> EDITABLE = List.of("Parameters", "Conditions", "Mappings", "Outputs", "Globals");

    /**
     * The usual order of a template's top-level keys (AWS's and SAM's documentation order): a new section goes before
     * the first existing key that comes after it here.
     */
    static final List<String> ORDER = List.of("AWSTemplateFormatVersion", "Transform", "Description", "Metadata",
            "Globals", "Parameters", "Rules", "Mappings", "Conditions", "Resources", "Outputs");

    /** The resource types SAM's Globals section has settings for (the SAM schema's {@code Globals} properties). */
    static final List<String> GLOBALS = List.of("Api", "CapacityProvider", "Function", "HttpApi", "LayerVersion",
            "SimpleTable", "StateMachine", "WebSocketApi");

    private static final Pattern LOGICAL_ID = Pattern.compile("[A-Za-z0-9]+");

    private Sections() {}

    /** "parameter", "condition", "mapping", "output", or "Globals" for Globals. */
    static String word(String section) {
        return section.equals("Globals") ? "Globals" : section.substring(0, section.length() - 1).toLowerCase(java.util.Locale.ROOT);
    }

    /** Refuses a section that has no panel, a file that has no such sections, and a name the section cannot hold. */
    static void check(Template template, String section, String name) {
        if (!EDITABLE.contains(section)) {
            throw Refusals.file(template, "'" + section + "' is not one of the sections " + String.join(", ", EDITABLE),
                    "resources are edited through their own panel");
        }
    }

    /**
     * Refuses a new entry CloudFormation or SAM would not take: a name that is not letters and digits, Globals in a
     * template without the SAM transform or for a type SAM has no Globals for. Existing entries (e.g. Fn::ForEach
     * loops) stay editable.
     */
    static void checkNewName(Template template, String section, String name) {
        if (section.equals("Globals")) {
            if (!template.isSam()) {
                throw Refusals.file(template, "Globals belong to SAM templates",
                        "add 'Transform: AWS::Serverless-2016-10-31' first");
            }
            if (!GLOBALS.contains(name)) {
                throw Refusals.file(template, "SAM has no Globals for '" + name + "'", "use one of " + String.join(", ", GLOBALS));
            }
        } else if (!LOGICAL_ID.matcher(name).matches()) {
            throw Refusals.file(template, "'" + name + "' cannot name " + (section.equals("Outputs") ? "an " : "a ")
                    + word(section), "CloudFormation names are letters and digits only (A-Z, a-z, 0-9)");
        }
    }

    /**
     * Where the sections are: the top level of a template; {@code resources:} of a serverless.yml, which takes
     * CloudFormation's Conditions, Outputs ... there.
     */
    static DocPath base(Template template) {
        return template.dialect() == Dialect.SERVERLESS ? DocPath.of("resources") : DocPath.ROOT;
    }

    static DocPath path(Template template, String section, String name) {
        return base(template).child(section).child(name);
    }

    /** The key of the section's parent a new section goes before, if any comes after it in the usual order. */
    static Optional<String> before(Template template, String section) {
        int rank = ORDER.indexOf(section);
        Value parent = template.at(base(template)).orElse(null);
        if (!(parent instanceof Mapping mapping)) {
            return Optional.empty();
        }
        for (Entry entry : mapping.entries()) {
            int other = ORDER.indexOf(entry.name());
            if (other > rank) {
                return Optional.of(entry.name());
            }
        }
        return Optional.empty();
    }
}
