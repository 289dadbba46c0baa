package dev.stackdraft.importer;

import dev.stackdraft.project.ScannedStack;
import java.util.List;

/**
 * The stacks found in a repository at one commit.
 *
 * @param files      how many files the repository holds
 * @param candidates how many of them might have been templates
 * @param unread     candidates left unread because of the per-repository limit
 */
record Detection(List<ScannedStack> stacks, int files, int candidates, List<String> unread) {

    Detection {
        stacks = List.copyOf(stacks);
        unread = List.copyOf(unread);
    }

    /** A note for the import result: empty unless the limit left files unread. */
    String note() {
        if (unread.isEmpty()) {
            return "";
        }
        return "read " + (candidates - unread.size()) + " of " + candidates + " candidate files (the limit is "
                + "stackdraft.import.max-files-read); templates among the other " + unread.size() + " were not looked for";
    }
}
