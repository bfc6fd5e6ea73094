package dev.scimctl.cli.config;

import dev.scimctl.ExitCode;
import dev.scimctl.cli.CommandContext;
import dev.scimctl.cli.ExitCodes;
import dev.scimctl.cli.options.ConnectionOptions;
import dev.scimctl.cli.options.OptionNames;
import dev.scimctl.config.ConfigStore;
import dev.scimctl.config.Profile;
import dev.scimctl.config.SettingsResolver;
import dev.scimctl.scim.net.ProxyEndpoint;
import dev.scimctl.scim.net.TrustSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;

/** {@code scimctl config set-profile NAME --url URL}: creates or updates a profile. */
@Command(name = "set-profile")
@ExitCodes(ExitCode.INPUT)
final class ConfigSetProfileCommand implements Callable<Integer> {
    @Mixin
    ProfileParameter profile;

    @Option(names = "--url", paramLabel = "URL")
    String url;

    @Option(names = "--connect-timeout", paramLabel = "DURATION", converter = ConnectionOptions.DurationConverter.class)
    Duration connectTimeout;

    @Option(names = "--timeout", paramLabel = "DURATION", converter = ConnectionOptions.DurationConverter.class)
    Duration timeout;

    @Option(names = "--proxy", paramLabel = "URL")
    String proxy;

    @Option(names = "--cacert", paramLabel = "FILE")
    String caCert;

    @Override
    public Integer call() {
        CommandContext context = profile.context();
        String name = profile.name;
        ProfileNames.check(name);
        ConfigStore store = context.configStore();
        String newUrl = url == null ? null : SettingsResolver.parseUrl(url, "--url", OptionNames.INSTANCE).toString();
        String newProxy = null;
        String proxyPassword = null;
        if (proxy != null) {
            ProxyEndpoint parsed = proxy.isBlank() ? null : SettingsResolver.parseProxy(proxy, "--proxy");
            newProxy = parsed == null ? null : parsed.urlWithoutPassword();
            proxyPassword = parsed == null || parsed.password() == null ? null : parsed.password().reveal();
        }
        String newCaCert = null;
        if (caCert != null && !caCert.isBlank()) {
            // Checked now, so that a wrong path shows here rather than at the next connection; stored absolute.
            newCaCert = TrustSettings.withExtraCas(Path.of(caCert).toAbsolutePath(), "--cacert").caFile().toString();
        }
        String proxyUrl = newProxy;
        String caFile = newCaCert;
        // Only what was given changes; the rest is taken from the profile as it is when written, under the lock.
        store.editProfile(name, old -> {
            Profile current = old == null ? new Profile(null, null, null, null, null) : old;
            return new Profile(newUrl == null ? current.url() : newUrl,
                    connectTimeout == null ? current.connectTimeoutSeconds() : Double.valueOf(connectTimeout.toMillis() / 1000.0),
                    timeout == null ? current.timeoutSeconds() : Double.valueOf(timeout.toMillis() / 1000.0),
                    proxy == null ? current.proxy() : proxyUrl, caCert == null ? current.caCert() : caFile);
        });
        if (proxy != null) {
            store.putProxyPassword(name, proxyPassword);
        }
        context.err().println("profile \"" + name + "\" saved in " + store.configFile()
                + (store.token(name).isEmpty() ? "; now run 'scimctl config set-token " + name + "'" : ""));
        return ExitCode.OK;
    }
}
