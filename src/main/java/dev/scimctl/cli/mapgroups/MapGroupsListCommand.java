package dev.scimctl.cli.mapgroups;

import dev.scimctl.ExitCode;
import dev.scimctl.cli.CommandContext;
import dev.scimctl.cli.Formats;
import dev.scimctl.cli.options.OutputOptions;
import dev.scimctl.mapping.GroupRoleMapping;
import dev.scimctl.mapping.MappingFile;
import dev.scimctl.output.OutputFormat;
import dev.scimctl.output.RecordWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code scimctl map-groups list}: the mapping file's entries; needs no server. */
@Command(name = "list", aliases = "ls")
@Formats(value = {OutputFormat.table, OutputFormat.tsv, OutputFormat.csv, OutputFormat.json, OutputFormat.ndjson,
        OutputFormat.md}, note = "md is a checklist for the NinjaOne console.")
final class MapGroupsListCommand implements Callable<Integer> {
    @Mixin
    MappingOptions files;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() throws Exception {
        CommandContext context = files.context();
        Path file = files.file();
        GroupRoleMapping mapping = MappingFile.read(file);
        OutputFormat format = output.format(context);
        if (mapping.isEmpty() && (format == OutputFormat.table || format == OutputFormat.tsv)) {
            context.err().println("no groups are mapped in " + file + " yet; map one with "
                    + "'scimctl map-groups set GROUP --type technician --role ROLE'");
            return ExitCode.OK;
        }
        if (format == OutputFormat.md) {
            MappingListView.markdown(mapping, file.toString(), context.out());
            return ExitCode.OK;
        }
        try (RecordWriter<GroupRoleMapping.Entry> w = output.open(context, MappingListView.FIELDS,
                MappingListView::json)) {
            mapping.entries().forEach(w::write);
        }
        return ExitCode.OK;
    }
}
