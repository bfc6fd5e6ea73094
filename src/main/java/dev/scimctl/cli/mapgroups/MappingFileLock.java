package dev.scimctl.cli.mapgroups;

import dev.scimctl.cli.CommandContext;
import dev.scimctl.io.RunLock;

import java.nio.file.Path;

/**
 * The lock a command holds while it reads, changes and writes a mapping file, so that two at once (two terminals,
 * a script and the editor) cannot each write their version and lose the other's. A link and its target share one.
 */
final class MappingFileLock {
    private MappingFileLock() {
    }

    static RunLock take(CommandContext context, Path file, String command) {
        return context.lockFile("mapping", file, "the mapping file " + file, command);
    }
}
