package dev.scimctl.cli.config;

import dev.scimctl.ExitCode;
import dev.scimctl.cli.CommandContext;
import dev.scimctl.cli.completion.ProfileCandidates;
import dev.scimctl.config.ConfigStore;
import dev.scimctl.config.Profile;
import dev.scimctl.config.SettingsResolver;
import dev.scimctl.cli.options.ConnectionOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.time.Duration;
import java.util.concurrent.Callable;

/** {@code scimctl config set-profile NAME --url URL}: creates or updates a profile. */
@Command(name = "set-profile", description = "Create or update a profile. The first profile becomes the current one.",
        footerHeading = "%nExamples:%n",
        footer = {"  scimctl config set-profile prod --url https://eu.ninjarmm.com/…/scim/v2",
                "  scimctl config set-profile prod --timeout 2m"},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:saved", "2:not a valid profile name, URL or duration",
                "3:the config files cannot be read or written"})
final class ConfigSetProfileCommand implements Callable<Integer> {
    private final CommandContext context;

    @Parameters(paramLabel = "NAME", completionCandidates = ProfileCandidates.class,
            description = "Profile name: a new one, or one to update.")
    String name;

    @Option(names = "--url", paramLabel = "URL", description = "SCIM base URL (the API endpoint URL from the NinjaOne console).")
    String url;

    @Option(names = "--connect-timeout", paramLabel = "DURATION", converter = ConnectionOptions.DurationConverter.class,
            description = "Connect timeout for this profile.")
    Duration connectTimeout;

    @Option(names = "--timeout", paramLabel = "DURATION", converter = ConnectionOptions.DurationConverter.class,
            description = "Per-request timeout for this profile.")
    Duration timeout;

    ConfigSetProfileCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        ProfileNames.check(name);
        ConfigStore store = context.configStore();
        Profile current = store.profile(name).orElse(new Profile(null, null, null, null, null));
        String newUrl = url == null ? current.url() : SettingsResolver.parseUrl(url, "--url").toString();
        Profile updated = new Profile(newUrl,
                connectTimeout == null ? current.connectTimeoutSeconds() : Double.valueOf(connectTimeout.toMillis() / 1000.0),
                timeout == null ? current.timeoutSeconds() : Double.valueOf(timeout.toMillis() / 1000.0),
                current.proxy(), current.caCert());
        store.putProfile(name, updated);
        context.err().println("profile \"" + name + "\" saved in " + store.configFile()
                + (store.token(name).isEmpty() ? "; now run 'scimctl config set-token " + name + "'" : ""));
        return ExitCode.OK;
    }
}
