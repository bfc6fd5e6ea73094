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
    private static final String FORK_JOIN_PARALLELISM = "java.util.concurrent.ForkJoinPool.common.parallelism";

    static {
        // Before any HttpClient exists: the JDK reads this once, and without it proxy passwords never reach a tunnel.
        TunnelBasicAuth.enable();
        // The JDK's HttpClient hands every answer to sendAsync to CompletableFuture's default executor. On a machine with
        // two cores or fewer the common pool has one thread, and that executor then starts a new thread per answer:
        // 5,000 thread starts in an import of 5,000 users. Two common-pool threads make it reuse them instead.
        if (System.getProperty(FORK_JOIN_PARALLELISM) == null && Runtime.getRuntime().availableProcessors() <= 2) {
            System.setProperty(FORK_JOIN_PARALLELISM, "2");
        }
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
