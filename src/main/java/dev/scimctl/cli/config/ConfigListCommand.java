package dev.scimctl.cli.config;

import dev.scimctl.cli.ExitCodes;
import dev.scimctl.ExitCode;
import dev.scimctl.cli.CommandContext;
import dev.scimctl.config.ConfigStore;
import dev.scimctl.config.Profile;
import dev.scimctl.config.StoredToken;
import dev.scimctl.output.TablePrinter;
import dev.scimctl.scim.Secret;
import picocli.CommandLine.Command;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code scimctl config list}: the profiles, the current one marked, tokens shown by their last four characters. */
@Command(name = "list", aliases = "ls",
        description = {"List the profiles. Columns: current (*), name, URL, token (last four), token set on.",
                "On a terminal, a table; piped, tab-separated lines without a header (see 'scimctl help formats')."},
        footerHeading = "%nExamples:%n",
        footer = {"  scimctl config list", "  scimctl config list | cut -f2      # the profile names"})
@ExitCodes(value = {ExitCode.OK, ExitCode.USAGE, ExitCode.INPUT},
        details = {"0:listed (also when there are no profiles)",
                "3:the config files cannot be read"})
final class ConfigListCommand implements Callable<Integer> {
    private final CommandContext context;

    ConfigListCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        ConfigStore store = context.configStore();
        String current = store.currentProfile().orElse(null);
        TablePrinter table = new TablePrinter(List.of("", "name", "url", "token", "token set"));
        for (Map.Entry<String, Profile> e : store.profiles().entrySet()) {
            StoredToken t = store.token(e.getKey()).orElse(null);
            String last4 = t == null || t.token() == null || t.token().isBlank() ? "none" : new Secret(t.token()).lastFour();
            table.row(e.getKey().equals(current) ? "*" : "", e.getKey(), e.getValue().url(), last4,
                    t == null || t.setAt() == null ? "" : t.setAt().substring(0, Math.min(10, t.setAt().length())));
        }
        if (table.size() == 0) {
            context.err().println("no profiles yet; create one with 'scimctl config set-profile NAME --url URL'");
            return ExitCode.OK;
        }
        table.print(context.out(), context.terminals().stdout(), context.ansi(true));
        return ExitCode.OK;
    }
}
