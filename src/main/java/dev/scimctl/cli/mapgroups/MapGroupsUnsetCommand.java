package dev.scimctl.cli.mapgroups;

import dev.scimctl.ExitCode;
import dev.scimctl.UsageException;
import dev.scimctl.cli.ExitCodes;
import dev.scimctl.io.RunLock;
import dev.scimctl.mapping.GroupRoleMapping;
import dev.scimctl.mapping.MappingFile;
import dev.scimctl.mapping.Suggestions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code scimctl map-groups unset GROUP}: removes one group's entry. */
@Command(name = "unset")
@ExitCodes(ExitCode.PROBLEMS)
final class MapGroupsUnsetCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "GROUP")
    String group;

    @Mixin
    MappingOptions files;

    @Override
    public Integer call() {
        Path file = files.file();
        try (RunLock lock = files.lock("map-groups unset " + group)) {
            return unset(file);
        }
    }

    private int unset(Path file) {
        GroupRoleMapping mapping = MappingFile.read(file);
        GroupRoleMapping.Entry entry = mapping.find(group).orElseThrow(() -> new UsageException("\"" + group
                + "\" is not in " + file + Suggestions.didYouMean(group, mapping.groups())
                + ": 'scimctl map-groups list' shows the mapped groups"));
        MappingFile.write(file, mapping.without(entry.group()));
        files.context().err().println("removed \"" + entry.group() + "\" (saved " + file + "; the previous version is "
                + MappingFile.backupOf(file) + ")");
        return ExitCode.OK;
    }
}
