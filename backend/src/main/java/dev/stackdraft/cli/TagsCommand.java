package dev.stackdraft.cli;

import dev.stackdraft.edit.EditCommand;
import dev.stackdraft.edit.RemoveTags;
import dev.stackdraft.edit.SetTags;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code tags set|remove FILE --resource ID ...}: a resource's tags, in the shape its type takes them. */
final class TagsCommand implements Command {

    private static final String RESOURCE = "--resource";

    @Override
    public String name() {
        return "tags";
    }

    @Override
    public List<Form> forms() {
        return List.of(
                new Form("tags set FILE --resource ID KEY=VALUE... [--dry-run]",
                        "Set tags on a resource: existing ones change in place, new ones go at the end, as a map "
                                + "or a Key/Value list, whichever its type takes."),
                new Form("tags remove FILE --resource ID KEY... [--dry-run]",
                        "Remove tags by key; the last one takes the tags property along."));
    }

    @Override
    public int run(List<String> args, Output output) {
        if (args.isEmpty()) {
            throw new UsageException("missing what to do: set or remove");
        }
        String verb = args.getFirst();
        if (!verb.equals("set") && !verb.equals("remove")) {
            throw new UsageException("unknown tags command '" + verb + "': use set or remove");
        }
        Arguments arguments = Arguments.parse(args.subList(1, args.size()), Set.of(RESOURCE), FileEdit.SWITCHES);
        var file = arguments.file();
        String resource = arguments.required(RESOURCE);
        List<String> items = arguments.positionals().subList(1, arguments.positionals().size());
        if (items.isEmpty()) {
            throw new UsageException(verb.equals("set") ? "missing KEY=VALUE" : "missing KEY");
        }
        EditCommand command = verb.equals("set") ? new SetTags(resource, tags(items)) : new RemoveTags(resource, keys(items));
        return FileEdit.apply(file, command, arguments.has(FileEdit.DRY_RUN), output);
    }

    private static Map<String, String> tags(List<String> items) {
        Map<String, String> tags = new LinkedHashMap<>();
        for (String item : items) {
            int eq = item.indexOf('=');
            if (eq <= 0) {
                throw new UsageException("'" + item + "' is not KEY=VALUE");
            }
            tags.put(item.substring(0, eq), item.substring(eq + 1));
        }
        return tags;
    }

    private static Set<String> keys(List<String> items) {
        Set<String> keys = new LinkedHashSet<>();
        for (String key : items) {
            if (key.isEmpty()) {
                throw new UsageException("a tag KEY may not be empty");
            }
            keys.add(key);
        }
        return keys;
    }
}
