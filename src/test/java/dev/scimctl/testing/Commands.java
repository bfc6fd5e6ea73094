package dev.scimctl.testing;

import dev.scimctl.cli.CommandContext;
import dev.scimctl.cli.RootCommand;
import dev.scimctl.output.Terminals;
import picocli.CommandLine;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The whole command tree, for tests that must hold for every command (help, completion, man pages, colour). */
public final class Commands {
    private Commands() {
    }

    /** The root and every command under it, parents before children. */
    public static List<CommandLine> all() {
        List<CommandLine> all = new ArrayList<>();
        collect(RootCommand.commandLine(quietContext()), all);
        return all;
    }

    /** The commands that run (they have no subcommands). */
    public static List<CommandLine> leaves() {
        return all().stream().filter(c -> c.getSubcommands().isEmpty()).toList();
    }

    /** "scimctl config set-token" and the like. */
    public static String name(CommandLine c) {
        return c.getCommandSpec().qualifiedName();
    }

    public static CommandContext quietContext() {
        return new CommandContext(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
                new ByteArrayInputStream(new byte[0]), Map.of(), Terminals.NONE, Clock.systemUTC());
    }

    private static void collect(CommandLine c, List<CommandLine> out) {
        out.add(c);
        // Aliases appear as extra keys for the same command: visit each command once.
        c.getSubcommands().values().stream().distinct().forEach(sub -> collect(sub, out));
    }
}
