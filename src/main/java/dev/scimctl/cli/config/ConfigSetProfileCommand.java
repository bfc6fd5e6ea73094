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
        Profile current = store.profile(name).orElse(new Profile(null, null, null, null, null));
        String newUrl = url == null ? current.url() : SettingsResolver.parseUrl(url, "--url", OptionNames.INSTANCE).toString();
        String newProxy = current.proxy();
        String proxyPassword = null;
        if (proxy != null) {
            ProxyEndpoint parsed = proxy.isBlank() ? null : SettingsResolver.parseProxy(proxy, "--proxy");
            newProxy = parsed == null ? null : parsed.urlWithoutPassword();
            proxyPassword = parsed == null || parsed.password() == null ? null : parsed.password().reveal();
        }
        String newCaCert = current.caCert();
        if (caCert != null) {
            // Checked now, so that a wrong path shows here rather than at the next connection; stored absolute.
            newCaCert = caCert.isBlank() ? null
                    : TrustSettings.withExtraCas(Path.of(caCert).toAbsolutePath(), "--cacert").caFile().toString();
        }
        Profile updated = new Profile(newUrl,
                connectTimeout == null ? current.connectTimeoutSeconds() : Double.valueOf(connectTimeout.toMillis() / 1000.0),
                timeout == null ? current.timeoutSeconds() : Double.valueOf(timeout.toMillis() / 1000.0),
                newProxy, newCaCert);
        store.putProfile(name, updated);
        if (proxy != null) {
            store.putProxyPassword(name, proxyPassword);
        }
        context.err().println("profile \"" + name + "\" saved in " + store.configFile()
                + (store.token(name).isEmpty() ? "; now run 'scimctl config set-token " + name + "'" : ""));
        return ExitCode.OK;
    }
}
