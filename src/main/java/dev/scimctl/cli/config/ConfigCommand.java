package dev.scimctl.cli.config;

import picocli.CommandLine.Command;

/** {@code scimctl config}: profiles (base URL and token) saved in the config folder. */
@Command(name = "config",
        description = {"Manage profiles: a saved SCIM base URL and token.",
                "Profiles live in $SCIMCTL_CONFIG_DIR, else $XDG_CONFIG_HOME/scimctl, else ~/.config/scimctl; "
                        + "tokens in credentials.json there, mode 0600."},
        footerHeading = "%nExamples:%n",
        footer = {"  scimctl config set-profile prod --url https://eu.ninjarmm.com/…/scim/v2",
                "  scimctl config set-token prod",
                "  scimctl config list"},
        subcommands = {
                ConfigSetProfileCommand.class,
                ConfigSetTokenCommand.class,
                ConfigUseCommand.class,
                ConfigListCommand.class,
                ConfigShowCommand.class,
                ConfigDeleteCommand.class,
        })
public final class ConfigCommand {
}
