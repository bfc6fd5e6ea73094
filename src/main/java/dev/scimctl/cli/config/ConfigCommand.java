package dev.scimctl.cli.config;

import dev.scimctl.cli.Subcommands;
import picocli.CommandLine.Command;

import java.util.Map;

/** {@code scimctl config}: profiles (base URL and token) saved in the config folder. */
@Command(name = "config")
public final class ConfigCommand {
    /** Exit 2 of a command that names a saved profile, as an {@code @ExitCodes} detail. */
    static final String NO_PROFILE = "2:no profile of that name";
    /** Exit 3 of a command that changes the saved profiles. */
    static final String FILES = "3:the config files cannot be read or written";

    /** Its commands, in the order --help lists them (see {@link Subcommands}). */
    public static final Map<String, Class<?>> COMMANDS = Subcommands.of(
            Map.entry("set-profile", ConfigSetProfileCommand.class),
            Map.entry("set-token", ConfigSetTokenCommand.class),
            Map.entry("use", ConfigUseCommand.class),
            Map.entry("list", ConfigListCommand.class),
            Map.entry("show", ConfigShowCommand.class),
            Map.entry("delete", ConfigDeleteCommand.class));
}
