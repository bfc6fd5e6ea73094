package dev.scimctl.cli.mapgroups;

import dev.scimctl.ExitCode;
import dev.scimctl.cli.CommandContext;
import dev.scimctl.cli.ExitCodes;
import dev.scimctl.cli.Subcommands;
import dev.scimctl.cli.options.ConnectionOptions;
import dev.scimctl.io.RunLock;
import dev.scimctl.mapping.GroupDirectory;
import dev.scimctl.mapping.MappingSession;
import dev.scimctl.mapping.RoleCatalog;
import dev.scimctl.scim.Secret;
import org.jline.terminal.Terminal;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code scimctl map-groups}: the Duo-group → NinjaOne-role mapping as a checked file. Without a subcommand, on a
 * terminal, it opens the interactive editor.
 */
@Command(name = "map-groups")
@ExitCodes(ExitCode.PROBLEMS)
public final class MapGroupsCommand implements Callable<Integer> {
    /** Its commands, in the order --help lists them (see {@link Subcommands}). */
    public static final Map<String, Class<?>> COMMANDS = Subcommands.of(
            Map.entry("list", MapGroupsListCommand.class),
            Map.entry("set", MapGroupsSetCommand.class),
            Map.entry("unset", MapGroupsUnsetCommand.class),
            Map.entry("check", MapGroupsCheckCommand.class),
            Map.entry("explain", MapGroupsExplainCommand.class));

    @Spec
    CommandSpec spec;

    @Mixin
    MappingOptions files;

    @Mixin
    ConnectionOptions connection;

    @Override
    public Integer call() throws Exception {
        CommandContext context = files.context();
        if (!context.terminals().stdin() || !context.terminals().stdout()) {
            spec.commandLine().usage(context.err(), context.ansi(false));
            throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required: the interactive "
                    + "editor needs a terminal");
        }
        try (RunLock lock = files.lock("map-groups (the editor)")) {
            return edit();
        }
    }

    private int edit() throws Exception {
        MappingSession session = MappingSession.open(files.file());
        RoleCatalog catalog = files.catalog();
        CommandContext context = files.context();
        context.err().flush();
        try (Terminal terminal = context.terminalOpener().open()) {
            MappingEditor editor = new MappingEditor(terminal, session, catalog,
                    () -> GroupDirectory.fetch(context.client(connection), true), serverName(), context.ansi(true),
                    this::scrub);
            int code = editor.run();
            terminal.writer().flush();
            return code;
        }
    }

    private String scrub(String message) {
        Secret token = files.context().knownToken();
        return token == null || message == null ? message : token.scrub(message);
    }

    /** The server's URL if the settings resolve, for the editor's messages; resolving fails later, with its reason. */
    private String serverName() {
        try {
            return files.context().settings(connection).url().toString();
        } catch (RuntimeException e) {
            return "the SCIM server";
        }
    }
}
