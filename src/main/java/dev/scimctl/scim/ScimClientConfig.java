package dev.scimctl.scim;

import dev.scimctl.Setting;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Everything the client needs, resolved by the caller (flags, environment, profile): the core never reads settings.
 *
 * @param baseUrl        the SCIM base URL, e.g. {@code https://eu.ninjarmm.com/…/scim/v2}
 * @param token          the bearer token
 * @param connectTimeout how long a TCP/TLS connect may take
 * @param requestTimeout how long one request may take, response body included
 * @param retry          the retry policy
 * @param userAgent      the User-Agent header
 * @param listener       where debug lines and retry notices go
 * @param clock          for Retry-After dates
 * @param sleeper        how to wait between retries (tests pass a fast one)
 * @param maxResponseBytes the most a response body may hold; enforced while reading (0: the default)
 * @param discoveryCacheDir where what servers say about themselves is kept between runs; null for nowhere
 * @param names            words the failures' advice that points at a setting (the CLI: its options); null for plain
 */
public record ScimClientConfig(URI baseUrl, Secret token, Duration connectTimeout, Duration requestTimeout,
                               RetryPolicy retry, String userAgent, ClientListener listener, Clock clock,
                               Sleeper sleeper, long maxResponseBytes, java.nio.file.Path discoveryCacheDir,
                               Setting.Names names) {
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(60);
    /** Generous: a page of 1,000 full users is a few MB; a group of 100,000 members about 6 MB. */
    public static final long DEFAULT_MAX_RESPONSE_BYTES = 32L * 1024 * 1024;

    public ScimClientConfig {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(token, "token");
        connectTimeout = connectTimeout == null ? DEFAULT_CONNECT_TIMEOUT : connectTimeout;
        requestTimeout = requestTimeout == null ? DEFAULT_REQUEST_TIMEOUT : requestTimeout;
        retry = retry == null ? RetryPolicy.DEFAULT : retry;
        userAgent = userAgent == null ? "scimctl" : userAgent;
        listener = listener == null ? ClientListener.SILENT : listener;
        clock = clock == null ? Clock.systemUTC() : clock;
        sleeper = sleeper == null ? Sleeper.REAL : sleeper;
        maxResponseBytes = maxResponseBytes <= 0 ? DEFAULT_MAX_RESPONSE_BYTES : maxResponseBytes;
        names = names == null ? Setting.Names.PLAIN : names;
    }

    /** A config with defaults for everything but the URL and token. */
    public static ScimClientConfig of(URI baseUrl, Secret token) {
        return new ScimClientConfig(baseUrl, token, null, null, null, null, null, null, null, 0, null, null);
    }

    public ScimClientConfig withRetry(RetryPolicy policy) {
        return new ScimClientConfig(baseUrl, token, connectTimeout, requestTimeout, policy, userAgent, listener, clock,
                sleeper, maxResponseBytes, discoveryCacheDir, names);
    }

    public ScimClientConfig withListener(ClientListener l) {
        return new ScimClientConfig(baseUrl, token, connectTimeout, requestTimeout, retry, userAgent, l, clock,
                sleeper, maxResponseBytes, discoveryCacheDir, names);
    }

    public ScimClientConfig withTimeouts(Duration connect, Duration request) {
        return new ScimClientConfig(baseUrl, token, connect, request, retry, userAgent, listener, clock, sleeper,
                maxResponseBytes, discoveryCacheDir, names);
    }

    public ScimClientConfig withMaxResponseBytes(long max) {
        return new ScimClientConfig(baseUrl, token, connectTimeout, requestTimeout, retry, userAgent, listener, clock,
                sleeper, max, discoveryCacheDir, names);
    }

    public ScimClientConfig withDiscoveryCache(java.nio.file.Path dir) {
        return new ScimClientConfig(baseUrl, token, connectTimeout, requestTimeout, retry, userAgent, listener, clock,
                sleeper, maxResponseBytes, dir, names);
    }

    public ScimClientConfig withNames(Setting.Names words) {
        return new ScimClientConfig(baseUrl, token, connectTimeout, requestTimeout, retry, userAgent, listener, clock,
                sleeper, maxResponseBytes, discoveryCacheDir, words);
    }
}
