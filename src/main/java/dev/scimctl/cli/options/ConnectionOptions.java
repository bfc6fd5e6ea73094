package dev.scimctl.cli.options;

import dev.scimctl.ExitCode;
import dev.scimctl.cli.ExitCodes;
import dev.scimctl.cli.completion.ProfileCandidates;
import dev.scimctl.config.Durations;
import dev.scimctl.config.SettingsResolver;
import picocli.CommandLine;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;

import java.time.Duration;

/** How a command reaches the SCIM server. The token is never an option value: only a file (or - for stdin). */
@ExitCodes(ExitCode.INPUT)
public class ConnectionOptions {
    @Option(names = "--url", paramLabel = "URL")
    String url;

    @Option(names = "--token-file", paramLabel = "FILE")
    String tokenFile;

    @Option(names = {"-p", "--profile"}, paramLabel = "NAME", completionCandidates = ProfileCandidates.class)
    String profile;

    @Option(names = "--connect-timeout", paramLabel = "DURATION", converter = DurationConverter.class)
    Duration connectTimeout;

    @Option(names = "--timeout", paramLabel = "DURATION", converter = DurationConverter.class)
    Duration requestTimeout;

    @Option(names = "--proxy", paramLabel = "URL")
    String proxy;

    @Option(names = "--cacert", paramLabel = "FILE")
    String caCert;

    public SettingsResolver.Flags flags() {
        return new SettingsResolver.Flags(url, tokenFile, profile, connectTimeout, requestTimeout, proxy, caCert);
    }

    /** Reads "30", "30s", "500ms", "2m". */
    public static final class DurationConverter implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            try {
                return Durations.parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException("'" + value + "': " + e.getMessage());
            }
        }
    }

    /** The --token-file given, or null; "-" means stdin. */
    public String tokenFile() {
        return tokenFile;
    }
}
