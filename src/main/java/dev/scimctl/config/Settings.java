package dev.scimctl.config;

import dev.scimctl.scim.Secret;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;

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
 * @param proxy          an explicit proxy URL, or null
 * @param caCert         an extra CA file, or null
 */
public record Settings(String profile, URI url, String urlSource, Secret token, String tokenSource, Instant tokenSetAt,
                       Duration connectTimeout, Duration requestTimeout, String proxy, String caCert) {
}
