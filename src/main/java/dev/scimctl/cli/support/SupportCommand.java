package dev.scimctl.cli.support;

import picocli.CommandLine.Command;

/** {@code scimctl support}: what to hand a vendor's support desk. */
@Command(name = "support",
        description = {"Gather what a support desk needs, without the token.", "See docs/support.md."},
        subcommands = {SupportBundleCommand.class})
public final class SupportCommand {
}
