package dev.scimctl.cli.mapgroups;

import dev.scimctl.cli.ExitCodes;
import dev.scimctl.ExitCode;
import dev.scimctl.cli.CommandContext;
import dev.scimctl.mapping.GroupRoleMapping;
import dev.scimctl.mapping.MappingFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code scimctl map-groups list}: the mapping file's entries; needs no server. */
@Command(name = "list", aliases = "ls",
        description = {"List the mapping: each group, its role type and its roles. Reads only the file (no server).",
                "--output md prints a checklist to follow in the NinjaOne console, where the mapping is entered by hand."},
        footerHeading = "%nExamples:%n",
        footer = {"  scimctl map-groups list",
                "  scimctl map-groups list --output md > group-mapping.md",
                "  scimctl map-groups list --output json | jq -r '.[].group'"})
@ExitCodes(value = {ExitCode.OK, ExitCode.USAGE, ExitCode.INPUT},
        details = {"0:listed (an empty mapping too)",
                "3:the mapping file is missing or broken"})
final class MapGroupsListCommand implements Callable<Integer> {
    private final CommandContext context;

    @Mixin
    MappingOptions files;

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT",
            description = "table (default on a terminal), tsv (default in a pipe: group, type, roles, note), json, "
                    + "or md (a checklist for the NinjaOne console).")
    Format output;

    enum Format { table, tsv, json, md }

    MapGroupsListCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        Path file = files.file();
        GroupRoleMapping mapping = MappingFile.read(file);
        Format format = output != null ? output : context.terminals().stdout() ? Format.table : Format.tsv;
        if (mapping.isEmpty() && (format == Format.table || format == Format.tsv)) {
            context.err().println("no groups are mapped in " + file + " yet; map one with "
                    + "'scimctl map-groups set GROUP --type technician --role ROLE'");
            return ExitCode.OK;
        }
        switch (format) {
            case table -> MappingListView.table(mapping, context.out(), true, context.ansi(true));
            case tsv -> MappingListView.table(mapping, context.out(), false, context.ansi(true));
            case json -> MappingListView.json(mapping, context.out());
            case md -> MappingListView.markdown(mapping, file.toString(), context.out());
        }
        return ExitCode.OK;
    }
}
