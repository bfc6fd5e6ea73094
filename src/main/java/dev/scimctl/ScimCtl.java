package dev.scimctl;

import dev.scimctl.cli.CommandContext;
import dev.scimctl.cli.RootCommand;
import dev.scimctl.output.Terminals;
import dev.scimctl.scim.net.TunnelBasicAuth;

import java.io.BufferedWriter;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

/** The entry point: wires the real streams and environment into {@link #run}, then exits with its code. */
public final class ScimCtl {
    static {
        // Before any HttpClient exists: the JDK reads this once, and without it proxy passwords never reach a tunnel.
        TunnelBasicAuth.enable();
    }

    private ScimCtl() {
    }

    public static void main(String[] args) {
        // stdout is buffered (data can be large) and flushed by run(); stderr is for people, so it flushes at once.
        PrintWriter out = new PrintWriter(new BufferedWriter(new OutputStreamWriter(
                new FileOutputStream(FileDescriptor.out), StandardCharsets.UTF_8), 1 << 16), false);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(
                new FileOutputStream(FileDescriptor.err), StandardCharsets.UTF_8), true);
        CommandContext context = new CommandContext(out, err, System.in, System.getenv(), Terminals.detect(),
                Clock.systemUTC());
        System.exit(run(context, args));
    }

    /** Runs one command line. Tests call this with their own writers, environment and terminal flags. */
    public static int run(CommandContext context, String... args) {
        try {
            return RootCommand.commandLine(context, args).execute(args);
        } finally {
            context.close();
        }
    }
}
