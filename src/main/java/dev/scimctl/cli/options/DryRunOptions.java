package dev.scimctl.cli.options;

import dev.scimctl.cli.CommandContext;
import dev.scimctl.output.JsonOutput;
import dev.scimctl.scim.PlannedRequest;
import dev.scimctl.scim.ScimClient;
import dev.scimctl.text.SafeText;
import picocli.CommandLine.Option;

import java.io.PrintWriter;

/**
 * {@code --dry-run} of the edit commands: the requests that would change the server are printed on stdout (method
 * and URL, If-Match, the JSON body) instead of sent. The reads that find what to change are still made.
 */
public class DryRunOptions {
    private final CommandContext context;

    @Option(names = "--dry-run")
    boolean dryRun;

    /** Built by the factory with the run's context. */
    public DryRunOptions(CommandContext context) {
        this.context = context;
    }

    public boolean enabled() {
        return dryRun;
    }

    /** In a dry run, makes {@code client} print its changes instead of sending them. */
    public void apply(ScimClient client) {
        if (dryRun) {
            client.dryRun(r -> print(context.out(), r));
        }
    }

    /** The note on stderr that ends a dry run. */
    public void finish(ScimClient client) {
        context.err().println("dry run: nothing was sent to " + SafeText.text(client.baseUrl().toString()));
    }

    /** After the change: in a dry run the closing note, else {@code show} (the result on stdout). Exit 0. */
    public int done(ScimClient client, Runnable show) {
        if (dryRun) {
            finish(client);
        } else {
            show.run();
        }
        return dev.scimctl.ExitCode.OK;
    }

    private static void print(PrintWriter out, PlannedRequest r) {
        out.println(SafeText.text(r.method() + " " + r.uri()));
        if (r.ifMatch() != null) {
            out.println(SafeText.text("If-Match: " + r.ifMatch()));
        }
        if (r.body() != null) {
            JsonOutput.pretty(out, r.body());
        }
        out.println();
        out.flush();
    }
}
