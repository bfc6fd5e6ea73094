package dev.scimctl.cli.mapgroups;

import dev.scimctl.ExitCode;
import dev.scimctl.cli.ExitCodes;
import dev.scimctl.io.RunLock;
import dev.scimctl.mapping.GroupRoleMapping;
import dev.scimctl.mapping.MappingEdits;
import dev.scimctl.mapping.MappingFile;
import dev.scimctl.mapping.RoleCatalog;
import dev.scimctl.mapping.RoleType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code scimctl map-groups set GROUP --type T --role R…}: adds or replaces one group's entry. */
@Command(name = "set")
@ExitCodes(ExitCode.PROBLEMS)
final class MapGroupsSetCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "GROUP")
    String group;

    @Option(names = {"-t", "--type"}, paramLabel = "TYPE", converter = RoleTypeConverter.class,
            completionCandidates = RoleTypeConverter.Candidates.class)
    RoleType type;

    @Option(names = {"-r", "--role"}, paramLabel = "ROLE", required = true)
    List<String> roles;

    @Option(names = "--note", paramLabel = "TEXT")
    String note;

    @Mixin
    MappingOptions files;

    @Override
    public Integer call() {
        Path file = files.file();
        RoleCatalog catalog = files.catalog();
        try (RunLock lock = files.lock("map-groups set " + group)) {
            return set(file, catalog);
        }
    }

    private int set(Path file, RoleCatalog catalog) {
        PrintWriter err = files.context().err();
        boolean existed = Files.exists(file);
        GroupRoleMapping mapping = MappingFile.readIfExists(file);
        GroupRoleMapping.Entry existing = mapping.find(group).orElse(null);
        GroupRoleMapping.Entry entry = MappingEdits.entry(group, type, roles, note, existing, catalog);
        GroupRoleMapping next = mapping.with(entry);
        if (existed && next.equals(mapping)) {
            err.println("\"" + entry.group() + "\" is mapped so already; " + file + " is unchanged");
            return ExitCode.OK;
        }
        MappingFile.write(file, next);
        err.println("mapped \"" + entry.group() + "\" to " + entry.type().label() + " roles: "
                + String.join(", ", entry.roles()) + " (" + (existed ? "saved " + file + "; the previous version is "
                + MappingFile.backupOf(file) : "created " + file) + ")");
        return ExitCode.OK;
    }
}
