package dev.stackdraft.template;

import java.util.List;

/**
 * A group of Infrastructure Composer ({@code Metadata: AWS::Composer::Groups}): its key, the label Composer shows and
 * its members as written, resource ids or the ids of groups nested in it.
 */
public record ResourceGroup(String id, String label, List<String> members) {

    public ResourceGroup {
        members = List.copyOf(members);
    }
}
