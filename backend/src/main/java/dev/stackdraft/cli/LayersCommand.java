package dev.stackdraft.cli;

import dev.stackdraft.edit.AddLayer;
import dev.stackdraft.edit.EditCommand;
import dev.stackdraft.edit.MoveLayer;
import dev.stackdraft.edit.RemoveLayer;
import dev.stackdraft.edit.UpgradeLayer;
import java.util.List;
import java.util.Set;

/**
 * {@code layers add|remove|move|upgrade FILE ...}: a function's Lambda layers; {@code layers available ...}: the layers
 * of an AWS account ({@link AvailableLayers}).
 */
final class LayersCommand implements Command {

    private static final String FUNCTION = "--function";
    private static final String LAYER = "--layer";
    private static final String POSITION = "--position";

    @Override
    public String name() {
        return "layers";
    }

    @Override
    public List<Form> forms() {
        return List.of(
                new Form("layers add FILE --function ID --layer LAYER [--position N] [--dry-run]",
                        "Add a layer to a function: at the end of its own list, or at index N (0 is the first). "
                                + "Refused if the function would get more than 5 layers, Globals included."),
                new Form("layers remove FILE --function ID --layer LAYER [--dry-run]",
                        "Remove a layer (any version of it) from a function's own list."),
                new Form("layers move FILE --function ID --layer LAYER --position N [--dry-run]",
                        "Move one of a function's own layers to index N (0 is the first)."),
                new Form("layers upgrade FILE --layer ARN [--dry-run]",
                        "Move every use of that layer, in any version, to the version ARN names."),
                AvailableLayers.FORM);
    }

    @Override
    public int run(List<String> args, Output output) {
        if (args.isEmpty()) {
            throw new UsageException("missing what to do: add, remove, move, upgrade or available");
        }
        String verb = args.getFirst();
        List<String> rest = args.subList(1, args.size());
        if (verb.equals("available")) {
            return AvailableLayers.run(rest, output);
        }
        Arguments arguments = switch (verb) {
            case "add", "move" -> Arguments.parse(rest, Set.of(FUNCTION, LAYER, POSITION), FileEdit.SWITCHES);
            case "remove" -> Arguments.parse(rest, Set.of(FUNCTION, LAYER), FileEdit.SWITCHES);
            case "upgrade" -> Arguments.parse(rest, Set.of(LAYER), FileEdit.SWITCHES);
            default -> throw new UsageException("unknown layers command '" + verb + "': use add, remove, move, upgrade or available");
        };
        var file = arguments.noMorePositionalsThan(1).file();
        EditCommand command = switch (verb) {
            case "add" -> new AddLayer(arguments.required(FUNCTION), arguments.required(LAYER),
                    arguments.index(POSITION).orElse(-1));
            case "remove" -> new RemoveLayer(arguments.required(FUNCTION), arguments.required(LAYER));
            case "move" -> new MoveLayer(arguments.required(FUNCTION), arguments.required(LAYER),
                    arguments.index(POSITION).orElseThrow(() -> new UsageException("missing " + POSITION)));
            default -> new UpgradeLayer(arguments.required(LAYER));
        };
        return FileEdit.apply(file, command, arguments.has(FileEdit.DRY_RUN), output);
    }
}
