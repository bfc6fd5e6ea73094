package dev.scimctl.config;

import dev.scimctl.scim.Secret;
import dev.scimctl.scim.net.Network;
import dev.scimctl.scim.net.ProxySettings;
import dev.scimctl.scim.net.TrustSettings;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The connection settings of one run, each with where it came from, so that {@code config show} and
 * {@code test-connection} can say why a value is what it is.
 *
 * @param profile        the profile in effect, or null
 * @param url            the SCIM base URL
 * @param urlSource      e.g. {@code --url}, {@code SCIMCTL_URL}, {@code profile "prod"}
 * @param token          the bearer token
 * @param tokenSource    e.g. {@code --token-file /run/secrets/scim}, {@code SCIMCTL_TOKEN}
 * @param tokenSetAt     when the token was stored, if it came from a profile
 * @param connectTimeout connect timeout
 * @param requestTimeout per-request timeout
 * @param proxies        the proxy settings: an explicit proxy ({@code --proxy}, the profile) or the environment's
 * @param trust          the CAs trusted: the JDK's, plus an extra file from {@code --cacert}, the profile or
 *                       {@code SSL_CERT_FILE}
 * @param warnings       what the person should know about how these were chosen (an environment token beating a
 *                       {@code --profile} given on the command line)
 */
public record Settings(String profile, URI url, String urlSource, Secret token, String tokenSource, Instant tokenSetAt,
                       Duration connectTimeout, Duration requestTimeout, ProxySettings proxies, TrustSettings trust,
                       List<String> warnings) {
    /** The proxies and CAs together, as the client takes them. */
    public Network network() {
        return new Network(proxies, trust);
    }

    /**
     * "the URL comes from SCIMCTL_URL, the token from profile "prod" (…)" when the two come from different kinds of
     * source (flag, environment, profile): a mix that is easy to make by accident, so --debug and test-connection say so.
     */
    public Optional<String> mixedSources() {
        if (kind(urlSource).equals(kind(tokenSource))) {
            return Optional.empty();
        }
        return Optional.of("the URL comes from " + urlSource + " (" + kind(urlSource) + "), the token from "
                + tokenSource + " (" + kind(tokenSource) + ")");
    }

    private static String kind(String source) {
        if (source.startsWith("--")) {
            return "command line";
        }
        if (source.startsWith("profile ")) {
            return "profile";
        }
        return "environment";
    }
}
