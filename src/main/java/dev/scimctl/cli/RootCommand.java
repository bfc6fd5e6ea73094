package dev.scimctl.cli;

import dev.scimctl.Version;
import dev.scimctl.cli.config.ConfigCommand;
import dev.scimctl.output.ColorMode;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** {@code scimctl}: the root of the command tree, holding the options every command shares. */
@Command(name = "scimctl",
        mixinStandardHelpOptions = true,
        versionProvider = RootCommand.VersionProvider.class,
        description = {"Check, load and inspect a SCIM 2.0 service provider: Duo Security to NinjaOne, and beyond."},
        footerHeading = "%nSee 'scimctl help exit-codes' and 'scimctl help environment'.%n",
        footer = "",
        subcommands = {
                HelpCommand.class,
                ConfigCommand.class,
                TestConnectionCommand.class,
                ValidateCommand.class,
        })
public final class RootCommand implements Runnable {
    private final CommandContext context;

    @Spec
    CommandSpec spec;

    public RootCommand(CommandContext context) {
        this.context = context;
    }

    @Option(names = "--debug", scope = ScopeType.INHERIT,
            description = "Print each HTTP exchange (token redacted) and stack traces to stderr.")
    void setDebug(boolean debug) {
        context.setDebug(debug);
    }

    @Option(names = "--color", scope = ScopeType.INHERIT, paramLabel = "WHEN",
            description = "Colour output: ${COMPLETION-CANDIDATES}. Default: auto (terminals only; honours NO_COLOR).")
    void setColor(ColorMode mode) {
        context.setColorMode(mode);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr(), context.ansi(false));
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
    }

    /** Builds the command tree for one run, wired to the context's streams and the shared error handling. */
    public static CommandLine commandLine(CommandContext context) {
        CommandLine cl = new CommandLine(RootCommand.class, new ContextFactory(context));
        ErrorHandler handler = new ErrorHandler(context);
        cl.setOut(context.out());
        cl.setErr(context.err());
        cl.setExecutionExceptionHandler(handler);
        cl.setParameterExceptionHandler(handler);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setColorScheme(CommandLine.Help.defaultColorScheme(context.ansi(true)));
        cl.setExitCodeExceptionMapper(handler);
        return cl;
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
            try {
                var ctor = type.getDeclaredConstructor(CommandContext.class);
                ctor.setAccessible(true);
                return ctor.newInstance(context);
            } catch (NoSuchMethodException e) {
                return fallback.create(type);
            }
        }
    }
}
