package dev.scimctl.cli;

import dev.scimctl.Version;
import dev.scimctl.cli.config.ConfigCommand;
import dev.scimctl.cli.groups.GroupsCommand;
import dev.scimctl.cli.users.UsersCommand;
import dev.scimctl.cli.mapgroups.MapGroupsCommand;
import dev.scimctl.cli.support.SupportCommand;
import dev.scimctl.cli.table.CommandTable;
import dev.scimctl.output.ColorMode;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** {@code scimctl}: the root of the command tree, holding the options every command shares. */
@Command(name = "scimctl",
        // INHERIT gives every subcommand -h/--help (and -V/--version) without repeating it on each.
        scope = ScopeType.INHERIT,
        mixinStandardHelpOptions = true,
        versionProvider = RootCommand.VersionProvider.class)
public final class RootCommand implements Runnable {
    private static final String CONVERTER_EXCLUDES = "picocli.converters.excludes";
    private static final String DISABLE_CLOSURES = "picocli.disable.closures";

    /**
     * The commands, by name, in the order --help lists them. Registered here rather than in {@code @Command} so that a
     * run builds only the command it runs: picocli reflects over (and instantiates) every registered class, and that
     * is most of the start-up time of a CLI invoked in a shell loop.
     */
    public static final Map<String, Class<?>> COMMANDS = commands();

    static {
        // Every CommandLine registers picocli's reflective converters for java.time and java.sql (Class.forName and a
        // method look-up for each of 18 types): no option of ours uses them (durations have their own converter), and
        // skipping them saves start-up time in each run (issue #18). picocli checks 19 names against this pattern,
        // those and java.nio.file.Path (which our options need), and compiles it again for each in every CommandLine:
        // "java\\.[st].*" made the first CommandLine about 8 ms cheaper here than "java\\.(sql|time)\\..*".
        if (System.getProperty(CONVERTER_EXCLUDES) == null) {
            System.setProperty(CONVERTER_EXCLUDES, "java\\.[st].*");
        }
        // picocli's default factory looks for Groovy's Closure class when it is first used, and the class loader's
        // search and the ClassNotFoundException that ends it cost start-up time in each run; no command is Groovy.
        if (System.getProperty(DISABLE_CLOSURES) == null) {
            System.setProperty(DISABLE_CLOSURES, "true");
        }
    }

    private static Map<String, Class<?>> commands() {
        return Subcommands.of(
                Map.entry("help", HelpCommand.class),
                Map.entry("config", ConfigCommand.class),
                Map.entry("test-connection", TestConnectionCommand.class),
                Map.entry("validate", ValidateCommand.class),
                Map.entry("users", UsersCommand.class),
                Map.entry("groups", GroupsCommand.class),
                Map.entry("import", ImportCommand.class),
                Map.entry("sandbox", SandboxCommand.class),
                Map.entry("map-groups", MapGroupsCommand.class),
                Map.entry("api", dev.scimctl.cli.api.ApiCommand.class),
                Map.entry("probe", ProbeCommand.class),
                Map.entry("schemas", dev.scimctl.cli.discovery.SchemasCommand.class),
                Map.entry("resource-types", dev.scimctl.cli.discovery.ResourceTypesCommand.class),
                Map.entry("service-provider-config", dev.scimctl.cli.discovery.ServiceProviderConfigCommand.class),
                Map.entry("completion", CompletionCommand.class),
                Map.entry("support", SupportCommand.class));
    }

    /** A command's own commands ({@code users get}), by name in --help's order; empty for a command without any. */
    static Map<String, Class<?>> subcommands(String command) {
        return switch (command) {
            case "config" -> ConfigCommand.COMMANDS;
            case "users" -> UsersCommand.COMMANDS;
            case "groups" -> GroupsCommand.COMMANDS;
            case "import" -> ImportCommand.COMMANDS;
            case "map-groups" -> MapGroupsCommand.COMMANDS;
            case "support" -> SupportCommand.COMMANDS;
            default -> Map.of();
        };
    }

    private final CommandContext context;

    @Spec
    CommandSpec spec;

    public RootCommand(CommandContext context) {
        this.context = context;
    }

    @Option(names = "--color", scope = ScopeType.INHERIT, paramLabel = "WHEN")
    void setColor(ColorMode mode) {
        context.setColorMode(mode);
        // The scheme was set when the tree was built, before this option was parsed; help printed later must follow it.
        spec.root().commandLine().setColorScheme(CommandLine.Help.defaultColorScheme(context.ansi(true)));
    }

    @Option(names = "--debug", scope = ScopeType.INHERIT)
    void setDebug(boolean debug) {
        context.setDebug(debug);
    }

    @Override
    public void run() {
        // Bare 'scimctl': a short overview to start from, not the whole help and an error.
        java.io.PrintWriter out = spec.commandLine().getOut();
        out.println("scimctl: check, load and inspect a SCIM 2.0 service provider.");
        out.println();
        out.println("Commands:");
        HelpLayout.commandList(spec.commandLine()).forEach(out::println);
        out.println();
        out.println("Start with:");
        out.println("  scimctl sandbox                    a local NinjaOne-like server to try");
        out.println("  scimctl config set-profile NAME    save the base URL (--url), then the token");
        out.println("  scimctl test-connection            check the URL and token step by step");
        out.println("  scimctl validate users.csv         check a Duo export before importing it");
        out.println();
        out.println("Run 'scimctl COMMAND --help' for a command, 'scimctl --help' for the global");
        out.println("options, 'scimctl help TOPIC' for environment, exit-codes and formats.");
        out.flush();
    }

    /**
     * Builds the whole command tree with its help text (for completion and documentation, which read the text without
     * printing usage).
     */
    public static CommandLine commandLine(CommandContext context) {
        CommandLine cl = build(context, COMMANDS.keySet(), null, CommandTable.shared());
        HelpText.attach(cl);
        return cl;
    }

    /**
     * The whole tree as picocli's reflection builds it from the annotations: what the build compiles into the command
     * table, and what a test holds the table's tree equal to.
     */
    public static CommandLine annotatedCommandLine(CommandContext context) {
        CommandLine cl = build(context, COMMANDS.keySet(), null, null);
        HelpText.attach(cl);
        return cl;
    }

    /**
     * The whole tree from the command table alone, failing where the table fails (a run would read the annotations
     * then): what a test holds equal to {@link #annotatedCommandLine}.
     */
    public static CommandLine compiledCommandLine(CommandContext context, CommandTable table) {
        CommandLine cl = assemble(context, COMMANDS.keySet(), null,
                java.util.Objects.requireNonNull(table, "no command table in the build"));
        HelpText.attach(cl);
        return cl;
    }

    /**
     * Builds the tree that {@code args} need: the one command they name, and under it the one subcommand that follows
     * it ({@code users get}); all of them when the arguments name none or ask for help, so that usage, "did you mean"
     * and help see every command.
     */
    public static CommandLine commandLine(CommandContext context, String... args) {
        return commandLine(context, CommandTable.shared(), args);
    }

    /** As {@link #commandLine(CommandContext, String...)}, from this command table (null: the annotations). */
    static CommandLine commandLine(CommandContext context, CommandTable table, String... args) {
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--")) {
                break;
            }
            if (COMMANDS.containsKey(arg)) {
                if (arg.equals("help")) {
                    return build(context, COMMANDS.keySet(), null, table);
                }
                String next = i + 1 < args.length ? args[i + 1] : "";
                return build(context, Set.of(arg), subcommands(arg).containsKey(next) ? next : null,
                        table);
            }
        }
        // --version needs no command; anything else at the root (usage, "did you mean") needs them all.
        boolean versionOnly = args.length > 0 && Arrays.stream(args).allMatch(a -> a.equals("-V") || a.equals("--version"));
        return build(context, versionOnly ? Set.of() : COMMANDS.keySet(), null, table);
    }

    /**
     * @param onlySubcommand the one subcommand to build under the named command, or null for all of them
     * @param table          the compiled commands, or null to read the annotations
     */
    private static CommandLine build(CommandContext context, Collection<String> names, String onlySubcommand,
                                     CommandTable table) {
        if (table != null) {
            try {
                return assemble(context, names, onlySubcommand, table);
            } catch (RuntimeException stale) {
                // A table that does not fit the classes (written before a change, or cut short) is no reason to fail
                // a run with a stack trace: the annotations say the same, only slower.
            }
        }
        return assemble(context, names, onlySubcommand, null);
    }

    private static CommandLine assemble(CommandContext context, Collection<String> names, String onlySubcommand,
                                        CommandTable table) {
        ContextFactory factory = new ContextFactory(context);
        CommandLine cl = command(RootCommand.class, factory, table);
        for (Map.Entry<String, Class<?>> command : COMMANDS.entrySet()) {
            if (names.contains(command.getKey())) {
                CommandLine c = command(command.getValue(), factory, table);
                subcommands(command.getKey()).forEach((name, type) -> {
                    if (onlySubcommand == null || onlySubcommand.equals(name)) {
                        c.addSubcommand(name, command(type, factory, table));
                    }
                });
                if (table != null) {
                    table.inheritFromRoot(cl.getCommandSpec(), c, factory);
                }
                cl.addSubcommand(command.getKey(), c);
            }
        }
        HelpLayout.apply(cl);
        ErrorHandler handler = new ErrorHandler(context);
        cl.setOut(context.out());
        cl.setErr(context.err());
        cl.setExecutionExceptionHandler(handler);
        cl.setParameterExceptionHandler(handler);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setColorScheme(CommandLine.Help.defaultColorScheme(context.ansi(true)));
        cl.setExitCodeExceptionMapper(handler);
        FormatHelp.own(cl);
        // No help text yet: HelpLayout attaches it when usage is printed (HelpText), so a run that prints none does
        // not read it.
        return cl;
    }

    private static CommandLine command(Class<?> type, ContextFactory factory, CommandTable table) {
        return table != null ? table.commandLine(type, factory) : new CommandLine(type, factory);
    }

    /** The version Maven stamped, plus the Java runtime: the two facts a bug report needs. */
    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[]{"scimctl " + Version.get(),
                    "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"};
        }
    }

    /** Creates commands with the run's context when they take one; picocli's default otherwise. */
    static final class ContextFactory implements CommandLine.IFactory {
        private final CommandContext context;
        private final CommandLine.IFactory fallback = CommandLine.defaultFactory();

        ContextFactory(CommandContext context) {
            this.context = context;
        }

        @Override
        public <K> K create(Class<K> type) throws Exception {
            // A scan, not getDeclaredConstructor(CommandContext.class): most classes (mixins, converters, version
            // providers) have no such constructor, and the NoSuchMethodException that tells so costs start-up time.
            for (var ctor : type.getDeclaredConstructors()) {
                if (ctor.getParameterCount() == 1 && ctor.getParameterTypes()[0] == CommandContext.class) {
                    ctor.setAccessible(true);
                    return type.cast(ctor.newInstance(context));
                }
            }
            return fallback.create(type);
        }
    }
}
