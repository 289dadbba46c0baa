package dev.stackdraft.editing.links;

import dev.stackdraft.template.Resource;
import java.util.List;

/**
 * The options of one kind for an ordered pair. {@link LinkTable} asks each linker both ways round, so a linker
 * only answers when {@code first} fits the role its kind gives the first end (the function of an event source, the
 * holder of a policy or variable, a connector's source); the drag order never decides a role.
 */
interface Linker {

    List<LinkOption> options(LinkContext context, Resource first, Resource second);
}
