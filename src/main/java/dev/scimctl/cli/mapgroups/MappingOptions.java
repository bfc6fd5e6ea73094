package dev.scimctl.cli.mapgroups;

import dev.scimctl.ExitCode;
import dev.scimctl.InputException;
import dev.scimctl.cli.ExitCodes;
import dev.scimctl.mapping.MappingFile;
import dev.scimctl.mapping.RoleCatalog;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** The files every map-groups command reads: the mapping, and optionally NinjaOne's roles. */
@ExitCodes(ExitCode.INPUT)
public final class MappingOptions {
    @Option(names = {"-m", "--mapping"}, paramLabel = "FILE")
    Path mapping;

    @Option(names = "--roles", paramLabel = "FILE")
    Path roles;

    Path file() {
        return mapping == null ? Path.of(MappingFile.DEFAULT_NAME) : mapping;
    }

    /** The roles file, or null when none was given. */
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
}
