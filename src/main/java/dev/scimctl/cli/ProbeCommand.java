package dev.scimctl.cli;

import dev.scimctl.ExitCode;
import dev.scimctl.cli.options.OptionNames;
import dev.scimctl.cli.options.QuietOption;
import dev.scimctl.cli.options.ServerOptions;
import dev.scimctl.output.FieldSet;
import dev.scimctl.output.RecordWriter;
import dev.scimctl.scim.ScimClient;
import dev.scimctl.scim.probe.ProbeFinding;
import dev.scimctl.scim.probe.ServerProbe;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

/** {@code scimctl probe}: what the server declares against what it does, and what scimctl does about each difference. */
@Command(name = "probe")
public final class ProbeCommand implements Callable<Integer> {
    static final FieldSet<ProbeFinding> FIELDS = new FieldSet<ProbeFinding>()
            .add("check", "what was tried", true, ProbeFinding::check)
            .add("declared", "what /ServiceProviderConfig or the RFC says", true, ProbeFinding::declared)
            .add("observed", "what the server did", true, ProbeFinding::observed)
            .add("verdict", "ok, differs, unsupported, unchecked", true, f -> f.verdict().name())
            .add("scimctl", "what scimctl does about it", true, ProbeFinding::scimctl);

    @Mixin
    ServerOptions server;

    @Mixin
    QuietOption quiet;

    @Option(names = "--write")
    boolean write;

    @Override
    public Integer call() {
        server.output.fields(FIELDS);
        ScimClient client = server.client();
        CommandContext context = server.context();
        boolean progress = context.terminals().stderr() && !context.quiet();
        try (RecordWriter<ProbeFinding> w = server.output.open(context, FIELDS, null)) {
            new ServerProbe(client, f -> {
                w.write(f);
                w.flush();
            }, line -> {
                if (progress) {
                    context.err().println("probe: " + line + " …");
                    context.err().flush();
                }
            }, notice -> {
                context.err().println("probe: " + notice);
                context.err().flush();
            }, OptionNames.INSTANCE).run(write);
        }
        return ExitCode.OK;
    }
}
