package dev.scimctl.cli.mapgroups;

import dev.scimctl.ExitCode;
import dev.scimctl.InputException;
import dev.scimctl.cli.CommandContext;
import dev.scimctl.cli.ExitCodes;
import dev.scimctl.io.RunLock;
import dev.scimctl.mapping.MappingFile;
import dev.scimctl.mapping.RoleCatalog;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/**
 * The files every map-groups command reads: the mapping, and optionally NinjaOne's roles. The factory builds it with
 * the run's context, so a map-groups command needs no constructor of its own.
 */
@ExitCodes(ExitCode.INPUT)
public final class MappingOptions {
    private final CommandContext context;

    @Option(names = {"-m", "--mapping"}, paramLabel = "FILE")
    Path mapping;

    @Option(names = "--roles", paramLabel = "FILE")
    Path roles;

    MappingOptions(CommandContext context) {
        this.context = context;
    }

    CommandContext context() {
        return context;
    }

    Path file() {
        return mapping == null ? Path.of(MappingFile.DEFAULT_NAME) : mapping;
    }

    /** The roles file, if given; a file that cannot be read names the option it came from. */
    RoleCatalog catalog() {
        if (roles == null) {
            return null;
        }
        try {
            return RoleCatalog.read(roles);
        } catch (InputException e) {
            throw new InputException("--roles: " + e.getMessage(), e);
        }
    }

    /**
     * The lock a command holds while it reads, changes and writes the mapping file, so that two at once (two
     * terminals, a script and the editor) cannot each write their version and lose the other's. A link and its target
     * share one.
     */
    RunLock lock(String command) {
        Path file = file();
        return context.lockFile("mapping", file, "the mapping file " + file, command);
    }
}
