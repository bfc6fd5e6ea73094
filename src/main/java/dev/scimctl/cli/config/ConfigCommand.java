package dev.scimctl.cli.config;

import dev.scimctl.cli.Subcommands;
import picocli.CommandLine.Command;

import java.util.Map;

/** {@code scimctl config}: profiles (base URL and token) saved in the config folder. */
@Command(name = "config")
public final class ConfigCommand {
    /** Its commands, in the order --help lists them (see {@link Subcommands}). */
    public static final Map<String, Class<?>> COMMANDS = Subcommands.of(
            Map.entry("set-profile", ConfigSetProfileCommand.class),
            Map.entry("set-token", ConfigSetTokenCommand.class),
            Map.entry("use", ConfigUseCommand.class),
            Map.entry("list", ConfigListCommand.class),
            Map.entry("show", ConfigShowCommand.class),
            Map.entry("delete", ConfigDeleteCommand.class));
}
