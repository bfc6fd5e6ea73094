package dev.scimctl.cli.options;

import dev.scimctl.cli.ExitCodes;
import dev.scimctl.cli.completion.ProfileCandidates;
import dev.scimctl.config.Durations;
import dev.scimctl.config.SettingsResolver;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;

import java.time.Duration;

/** How a command reaches the SCIM server. The token is never an option value: only a file (or - for stdin). */
@ExitCodes(details = {ConnectionOptions.NO_URL_OR_TOKEN, ConnectionOptions.UNREADABLE})
public class ConnectionOptions {
    /** Exit 2 where the settings are resolved; a command with more to say about 2 names this among its details. */
    public static final String NO_URL_OR_TOKEN = "2:a wrong option or argument, or no URL or token";
    /** Exit 3 where the settings are resolved (the token and CA files they name, the saved profiles). */
    public static final String UNREADABLE = "3:the token file, the CA file or the config files cannot be read";

    @Option(names = "--url", paramLabel = "URL",
            description = "SCIM base URL (the API endpoint URL the NinjaOne console shows). Default: $SCIMCTL_URL, then the profile.")
    String url;

    @Option(names = "--token-file", paramLabel = "FILE",
            description = "Read the bearer token from FILE, or from stdin with '-'. Default: $SCIMCTL_TOKEN, then the profile.")
    String tokenFile;

    @Option(names = {"-p", "--profile"}, paramLabel = "NAME", completionCandidates = ProfileCandidates.class,
            description = "Use the saved profile NAME. Default: $SCIMCTL_PROFILE, then the current profile.")
    String profile;

    @Option(names = "--connect-timeout", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Give up connecting after this long (e.g. 10s, 500ms). Default: 10s.")
    Duration connectTimeout;

    @Option(names = "--timeout", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Give up on one request after this long. Default: 60s.")
    Duration requestTimeout;

    @Option(names = "--proxy", paramLabel = "URL",
            description = "HTTP proxy, http://[user:password@]host:port. Default: the profile's, then $HTTPS_PROXY "
                    + "(or $HTTP_PROXY for http URLs). $NO_PROXY still applies. --proxy '' uses no proxy at all, as curl's does.")
    String proxy;

    @Option(names = "--cacert", paramLabel = "FILE",
            description = "Also trust the CA certificates in this PEM file (e.g. your TLS inspection's CA), on top of "
                    + "Java's own. Default: the profile's, then $SSL_CERT_FILE and $SSL_CERT_DIR.")
    String caCert;

    public SettingsResolver.Flags flags() {
        return new SettingsResolver.Flags(url, tokenFile, profile, connectTimeout, requestTimeout, proxy, caCert);
    }

    /** Reads "30", "30s", "500ms", "2m". */
    public static final class DurationConverter implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            return Durations.parse(value);
        }
    }

    /** The --token-file given, or null; "-" means stdin. */
    public String tokenFile() {
        return tokenFile;
    }
}
