package dev.stackdraft.cli;

import dev.stackdraft.edit.RenameLogicalId;
import java.util.List;
import java.util.Set;

/** {@code rename FILE OLD_ID NEW_ID}: a logical id and every reference to it. */
final class RenameCommand implements Command {

    @Override
    public String name() {
        return "rename";
    }

    @Override
    public List<Form> forms() {
        return List.of(new Form("rename FILE OLD_ID NEW_ID [--dry-run]",
                "Rename a resource, parameter or condition and every reference to it (Ref, GetAtt, Sub, DependsOn, "
                        + "conditions, outputs, connectors; for SAM also the names the transform derives, "
                        + "e.g. MyFunctionRole)."));
    }

    @Override
    public int run(List<String> args, Output output) {
        Arguments arguments = Arguments.parse(args, Set.of(), FileEdit.SWITCHES).noMorePositionalsThan(3);
        var file = arguments.file();
        String from = arguments.positional(1, "OLD_ID");
        String to = arguments.positional(2, "NEW_ID");
        if (from.isBlank() || to.isBlank()) {
            throw new UsageException("OLD_ID and NEW_ID may not be empty");
        }
        return FileEdit.apply(file, new RenameLogicalId(from, to), arguments.has(FileEdit.DRY_RUN), output);
    }
}
