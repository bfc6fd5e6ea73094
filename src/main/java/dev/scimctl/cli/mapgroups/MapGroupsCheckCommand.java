package dev.scimctl.cli.mapgroups;

import dev.scimctl.ExitCode;
import dev.scimctl.cli.CommandContext;
import dev.scimctl.cli.ExitCodes;
import dev.scimctl.cli.Formats;
import dev.scimctl.mapping.GroupDirectory;
import dev.scimctl.mapping.MappingCheck;
import dev.scimctl.mapping.MappingFinding;
import dev.scimctl.mapping.MappingSeverity;
import dev.scimctl.output.OutputFormat;
import dev.scimctl.text.Counted;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.List;
import java.util.concurrent.Callable;

/** {@code scimctl map-groups check}: the mapping against NinjaOne's roles and the server's groups and members. */
@Command(name = "check")
@ExitCodes({ExitCode.PROBLEMS, ExitCode.AUTH, ExitCode.UNREACHABLE, ExitCode.SERVER})
@Formats(value = {OutputFormat.text, OutputFormat.tsv, OutputFormat.json}, terminal = OutputFormat.text,
        note = "tsv: severity, code, subject, message.")
final class MapGroupsCheckCommand implements Callable<Integer> {
    @Mixin
    MappingReportOptions report;

    @Override
    public Integer call() throws Exception {
        MappingReportOptions.Inputs in = report.read();
        CommandContext context = report.context();
        GroupDirectory directory = GroupDirectory.fetch(in.client(), true);
        List<MappingFinding> findings = MappingCheck.run(in.mapping(), in.catalog(), directory);
        String server = in.client().baseUrl().toString();

        switch (report.format()) {
            case text -> FindingsView.text(findings, context.out(), context.ansi(true));
            case tsv -> FindingsView.tsv(findings, context.out());
            case json -> FindingsView.json(findings, in.file().toString(),
                    in.catalog() == null ? null : in.catalog().source(), server, context.out());
            default -> throw new IllegalStateException("refused by FormatOption");
        }
        context.out().flush(); // the summary follows the findings on a terminal, not before them
        if (in.catalog() == null) {
            context.err().println("note: role names were not checked against NinjaOne's roles: give --roles FILE "
                    + "(system-administrator roles are still recognised by name)");
        }
        boolean errors = MappingCheck.count(findings).get(MappingSeverity.ERROR) > 0;
        context.err().println((errors ? "check failed: " : "check passed: ") + FindingsView.summary(findings) + " ("
                + Counted.of(in.mapping().size(), "mapped group") + " in " + in.file() + "; "
                + Counted.of(directory.groups().size(), "group") + " on " + server + ")");
        return errors ? ExitCode.PROBLEMS : ExitCode.OK;
    }
}
