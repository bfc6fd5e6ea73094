package dev.scimctl.cli.support;

import dev.scimctl.cli.Subcommands;
import picocli.CommandLine.Command;

import java.util.Map;

/** {@code scimctl support}: what to hand a vendor's support desk. */
@Command(name = "support")
public final class SupportCommand {
    /** Its commands, in the order --help lists them (see {@link Subcommands}). */
    public static final Map<String, Class<?>> COMMANDS = Subcommands.of(
            Map.entry("bundle", SupportBundleCommand.class));
}
