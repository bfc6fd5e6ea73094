package dev.scimctl.config;

import dev.scimctl.InputException;
import dev.scimctl.Setting;
import dev.scimctl.UsageException;
import dev.scimctl.io.BoundedFiles;
import dev.scimctl.io.FileProblems;
import dev.scimctl.io.Sizes;
import dev.scimctl.scim.Origin;
import dev.scimctl.scim.ScimClientConfig;
import dev.scimctl.scim.Secret;
import dev.scimctl.scim.net.ProxyEndpoint;
import dev.scimctl.scim.net.ProxySettings;
import dev.scimctl.scim.net.TrustSettings;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Resolves the connection settings: a flag wins over the environment, which wins over the profile. The token is never
 * taken from the command line, where {@code ps} would show it: only from a file, stdin, the environment or a profile.
 */
public final class SettingsResolver {
    /** Tokens are at most a few KiB; a larger file is the wrong file (or /dev/zero), not read whole into memory. */
    static final int MAX_TOKEN_BYTES = 64 * Sizes.KIB;

    /**
     * What the command line said; null where it said nothing. {@code tokenFile} may be "-" for stdin; {@code proxy} is
     * a proxy URL, {@code caCert} a PEM file of extra CAs.
     */
    public record Flags(String url, String tokenFile, String profile, Duration connectTimeout, Duration requestTimeout,
                        String proxy, String caCert) {
        public static final Flags NONE = new Flags(null, null, null, null, null, null, null);
    }

    private final Map<String, String> env;
    private final ConfigStore store;
    private final InputStream stdin;
    private final Setting.Names names;

    /** {@code names} are the words for the settings where the user gives them (the command line's options). */
    public SettingsResolver(Map<String, String> env, ConfigStore store, InputStream stdin, Setting.Names names) {
        this.env = env;
        this.store = store;
        this.stdin = stdin;
        this.names = names;
    }

    private String flag(Setting setting) {
        return names.of(setting);
    }

    /** The profile in effect: --profile, else SCIMCTL_PROFILE, else the current one; null when there is none. */
    public String profileName(Flags flags) {
        if (flags.profile() != null) {
            requireProfile(flags.profile(), flag(Setting.PROFILE));
            return flags.profile();
        }
        String fromEnv = env(EnvVars.PROFILE);
        if (fromEnv != null) {
            requireProfile(fromEnv, EnvVars.PROFILE);
            return fromEnv;
        }
        return store.currentProfile().filter(p -> store.profile(p).isPresent()).orElse(null);
    }

    private void requireProfile(String name, String source) {
        if (store.profile(name).isEmpty()) {
            throw new UsageException("no profile named \"" + name + "\" (from " + source
                    + "); 'scimctl config list' shows the profiles, 'scimctl config set-profile' makes one");
        }
    }

    /**
     * Resolves everything, the token included. A token from a profile goes only to that profile's server: with a URL
     * from a flag or the environment naming another, this refuses rather than send it there.
     */
    public Settings resolve(Flags flags) {
        String profileName = profileName(flags);
        Profile profile = profileName == null ? null : store.profile(profileName).orElse(null);
        String profileSource = "profile \"" + profileName + "\"";
        if (profile != null) {
            store.requirePrivate();
        }
        List<String> warnings = new ArrayList<>();

        String urlText;
        String urlSource;
        if (flags.url() != null) {
            urlText = flags.url();
            urlSource = flag(Setting.BASE_URL);
        } else if (env(EnvVars.URL) != null) {
            urlText = env(EnvVars.URL);
            urlSource = EnvVars.URL;
        } else if (profile != null && profile.url() != null) {
            urlText = profile.url();
            urlSource = profileSource;
        } else {
            throw noUrl(profileName);
        }
        URI url = parseUrl(urlText, urlSource, names);

        Secret token;
        String tokenSource;
        Instant setAt = null;
        if (flags.tokenFile() != null) {
            token = readTokenFile(flags.tokenFile());
            tokenSource = flag(Setting.TOKEN_FILE) + " " + ("-".equals(flags.tokenFile()) ? "- (stdin)" : flags.tokenFile());
        } else if (env(EnvVars.TOKEN) != null) {
            token = checkedToken(env(EnvVars.TOKEN), EnvVars.TOKEN, false);
            tokenSource = EnvVars.TOKEN;
        } else if (env(EnvVars.TOKEN_FILE) != null) {
            token = readTokenFile(env(EnvVars.TOKEN_FILE));
            tokenSource = EnvVars.TOKEN_FILE + " (" + env(EnvVars.TOKEN_FILE) + ")";
        } else {
            Optional<StoredToken> stored = profileName == null ? Optional.empty() : store.token(profileName);
            if (stored.isEmpty() || stored.get().token() == null || stored.get().token().isBlank()) {
                throw new UsageException("no token: pass " + flag(Setting.TOKEN_FILE) + " FILE (or - for stdin), set " + EnvVars.TOKEN
                        + ", or store one with 'scimctl config set-token" + (profileName == null ? "" : " " + profileName) + "'");
            }
            tokenSource = profileSource + " (" + store.credentialsFile() + ")";
            token = checkedToken(stored.get().token(), tokenSource, true);
            setAt = stored.get().setAtInstant();
            requireProfileOrigin(profile, url, urlSource, tokenSource);
        }
        if (flags.profile() != null && flags.tokenFile() == null
                && (env(EnvVars.TOKEN) != null || env(EnvVars.TOKEN_FILE) != null)) {
            warnings.add(tokenSource + " is used, not the token of " + flag(Setting.PROFILE) + " " + flags.profile()
                    + ": the environment's token beats a profile's; unset " + EnvVars.TOKEN + " and "
                    + EnvVars.TOKEN_FILE + " to use the profile's");
        }

        Duration connect = first(flags.connectTimeout(), envDuration(EnvVars.CONNECT_TIMEOUT),
                profile == null ? null : seconds(profile.connectTimeoutSeconds(), profileName, "connectTimeoutSeconds"),
                ScimClientConfig.DEFAULT_CONNECT_TIMEOUT);
        Duration request = first(flags.requestTimeout(), envDuration(EnvVars.TIMEOUT),
                profile == null ? null : seconds(profile.timeoutSeconds(), profileName, "timeoutSeconds"),
                ScimClientConfig.DEFAULT_REQUEST_TIMEOUT);
        ProxySettings proxies = proxies(flags, profileName, profile, profileSource, url);
        TrustSettings trust = trust(flags, profile, profileSource, url);
        return new Settings(profileName, url, urlSource, token, tokenSource, setAt, connect, request, proxies, trust,
                List.copyOf(warnings));
    }

    /**
     * No URL anywhere, said for the case at hand: saved profiles of which none is in use (the current one was deleted)
     * need 'config use', a profile without a URL needs its URL, and only with no profile at all is one to be made.
     */
    private UsageException noUrl(String profileName) {
        String url = flag(Setting.BASE_URL);
        String elsewhere = "pass " + url + " URL or set " + EnvVars.URL;
        if (profileName != null) {
            return new UsageException("no SCIM base URL: the profile \"" + profileName + "\" has none; save it with "
                    + "'scimctl config set-profile " + profileName + " " + url + " URL', or " + elsewhere);
        }
        java.util.Set<String> saved = store.profiles().keySet();
        if (!saved.isEmpty()) {
            return new UsageException("no SCIM base URL: no profile is in use (saved: " + String.join(", ", saved)
                    + "); choose one with 'scimctl config use NAME' or " + flag(Setting.PROFILE) + " NAME, or "
                    + elsewhere);
        }
        return new UsageException("no SCIM base URL: pass " + url + " URL, set " + EnvVars.URL
                + ", or save one with 'scimctl config set-profile NAME " + url + " URL'");
    }

    /** The origin rule: a profile's token was given for the profile's server, and goes nowhere else. */
    private void requireProfileOrigin(Profile profile, URI url, String urlSource, String tokenSource) {
        URI own = null;
        if (profile != null && profile.url() != null) {
            try {
                own = new URI(profile.url().strip());
            } catch (URISyntaxException e) {
                own = null;
            }
        }
        if (own != null && own.getHost() != null && Origin.of(own).equals(Origin.of(url))) {
            return;
        }
        throw new UsageException("the token from " + tokenSource + " is sent only to the profile's server"
                + (own == null ? " (it has no URL)" : ", " + originText(own)) + ", but the URL " + url + " (from "
                + urlSource + ") is another server: give that server's token with " + flag(Setting.TOKEN_FILE) + " or " + EnvVars.TOKEN
                + ", or drop " + urlSource + " to use the profile's URL");
    }

    private static String originText(URI uri) {
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }

    /**
     * The proxy: {@code --proxy}, else the profile's (its password kept in the credentials file), else the environment's
     * {@code HTTPS_PROXY} and friends. An explicit proxy beats the environment, as curl's {@code -x} does; NO_PROXY
     * applies to both. A proxy variable that cannot be used for this URL is a usage error now, not a surprise later.
     */
    private ProxySettings proxies(Flags flags, String profileName, Profile profile, String profileSource, URI url) {
        ProxyEndpoint explicit = null;
        if (flags.proxy() != null && flags.proxy().isBlank()) {
            return ProxySettings.off(flag(Setting.PROXY) + " '' turns every proxy off");
        }
        if (flags.proxy() != null) {
            explicit = parseProxy(flags.proxy(), flag(Setting.PROXY));
        } else if (profile != null && profile.proxy() != null && !profile.proxy().isBlank()) {
            explicit = parseProxy(profile.proxy(), profileSource);
            Optional<String> password = store.proxyPassword(profileName);
            if (explicit.password() == null && password.isPresent()) {
                explicit = explicit.withPassword(new Secret(password.get()));
            }
        }
        ProxySettings proxies = ProxySettings.of(explicit, env);
        try {
            proxies.route(url);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        return proxies;
    }

    /** Parses a proxy URL; a bad one is a usage error that names its source (and never its password). */
    public static ProxyEndpoint parseProxy(String text, String source) {
        try {
            return ProxyEndpoint.parse(text, source);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /**
     * The extra CAs: {@code --cacert}, else the profile's, else {@code SSL_CERT_FILE} and {@code SSL_CERT_DIR} (for an
     * {@code https} URL); always on top of the JDK's.
     */
    private TrustSettings trust(Flags flags, Profile profile, String profileSource, URI url) {
        if (flags.caCert() != null) {
            return TrustSettings.withExtraCas(Path.of(flags.caCert()), flag(Setting.CA_CERTS));
        }
        if (profile != null && profile.caCert() != null && !profile.caCert().isBlank()) {
            return TrustSettings.withExtraCas(Path.of(profile.caCert()), profileSource);
        }
        if ("http".equalsIgnoreCase(url.getScheme())) {
            // No TLS ever (redirects are not followed): the environment's CA files, often a system folder of some
            // 300 files, are not read on every run for nothing (issue #18).
            return TrustSettings.jdkDefault();
        }
        // As OpenSSL and curl do: the file and the folder both count when both are set.
        TrustSettings trust = TrustSettings.jdkDefault();
        if (env(EnvVars.SSL_CERT_FILE) != null) {
            trust = TrustSettings.withExtraCas(Path.of(env(EnvVars.SSL_CERT_FILE)), EnvVars.SSL_CERT_FILE);
        }
        if (env(EnvVars.SSL_CERT_DIR) != null) {
            trust = trust.plus(TrustSettings.withExtraCaDir(env(EnvVars.SSL_CERT_DIR), EnvVars.SSL_CERT_DIR));
        }
        return trust;
    }

    /**
     * Checks that a base URL is an absolute http(s) URL with a host, and no user name or password in it; {@code names}
     * words the advice.
     */
    public static URI parseUrl(String text, String source, Setting.Names names) {
        String trimmed = text.strip();
        try {
            URI uri = new URI(trimmed);
            if (uri.getRawUserInfo() != null) {
                URI bare = new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), uri.getPath(), uri.getQuery(),
                        uri.getFragment());
                throw new UsageException("the base URL (from " + source + ") holds a user name"
                        + (uri.getRawUserInfo().contains(":") ? " and password" : "") + " before '@': SCIM servers take "
                        + "the bearer token instead, and a password in a URL ends up in files and shell history; use "
                        + bare + " and give the token with " + names.of(Setting.TOKEN_FILE) + ", " + EnvVars.TOKEN + " or 'scimctl config set-token'");
            }
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
                throw new UsageException("the base URL " + trimmed + " (from " + source
                        + ") is not an http(s) URL with a host name; copy the API endpoint URL from the NinjaOne console");
            }
            if (uri.getPort() > 65535) {
                throw new UsageException("the base URL " + trimmed + " (from " + source + ") has the port "
                        + uri.getPort() + ", but ports go from 1 to 65535: copy the API endpoint URL from the NinjaOne "
                        + "console");
            }
            if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
                throw new UsageException("the base URL " + trimmed + " (from " + source
                        + ") has a query or fragment; give the SCIM base URL only");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new UsageException("the base URL " + trimmed + " (from " + source + ") is not a valid URL: "
                    + e.getReason());
        }
    }

    /** Reads a token from a file, or stdin for "-". The file must hold the token and nothing else. */
    public Secret readTokenFile(String file) {
        boolean fromStdin = "-".equals(file);
        String where = fromStdin ? "stdin" : file;
        String text;
        try {
            byte[] bytes = fromStdin ? BoundedFiles.read(stdin, MAX_TOKEN_BYTES, "the token on stdin is larger than "
                    + Sizes.human(MAX_TOKEN_BYTES) + ", more than any token: check what is piped in")
                    : BoundedFiles.read(Path.of(file), MAX_TOKEN_BYTES, "the token file");
            text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (NoSuchFileException e) {
            throw new InputException("token file " + file + " does not exist");
        } catch (CharacterCodingException e) {
            throw new InputException("cannot read the token from " + where + ": it is not UTF-8 text");
        } catch (IOException e) {
            throw new InputException(fromStdin ? "cannot read the token from stdin: " + e.getMessage()
                    : "cannot read the token file " + file + ": " + FileProblems.reason(FileProblems.Operation.READ,
                    Path.of(file), e));
        }
        return parseToken(text, "-".equals(file) ? "stdin" : file, true);
    }

    /**
     * A token is one line of visible ASCII characters; anything else is refused rather than guessed at, naming the
     * character and its position, never the token: from a file exit 3 (the file is wrong), else exit 2.
     */
    public static Secret parseToken(String text, String where, boolean fromFile) {
        String token = text.strip();
        if (token.startsWith("Bearer ") || token.startsWith("bearer ")) {
            token = token.substring(7).strip();
        }
        if (token.isEmpty()) {
            throw fromFile ? new InputException("the token from " + where + " is empty")
                    : new UsageException("the token from " + where + " is empty");
        }
        return checkedToken(token, where, fromFile);
    }

    private static Secret checkedToken(String text, String where, boolean fromFile) {
        String token = text.strip();
        Optional<String> problem = TokenText.problem(token);
        if (problem.isPresent()) {
            String message = "the token from " + where + " has " + problem.get() + "; a token is visible ASCII "
                    + "characters alone on one line: copy it again from the NinjaOne console";
            throw fromFile ? new InputException(message) : new UsageException(message);
        }
        return new Secret(token);
    }

    private String env(String name) {
        String v = env.get(name);
        return v == null || v.isBlank() ? null : v;
    }

    private Duration envDuration(String name) {
        String v = env(name);
        if (v == null) {
            return null;
        }
        try {
            return Durations.parse(v);
        } catch (IllegalArgumentException e) {
            throw new UsageException(name + "=" + v + " is not a duration: " + e.getMessage());
        }
    }

    /** A profile's timeout; one that cannot be waited for (0, negative, NaN, under 1 ms) is a broken settings file. */
    private Duration seconds(Double s, String profileName, String field) {
        if (s == null) {
            return null;
        }
        try {
            return Durations.positive(s * 1000);
        } catch (IllegalArgumentException e) {
            throw new InputException(store.configFile() + ": profile \"" + profileName + "\": " + field + " " + s
                    + " " + e.getMessage() + " of waiting; correct it in the file, or set the profile's timeouts again"
                    + " with 'scimctl config set-profile " + profileName + "'");
        }
    }

    @SafeVarargs
    private static <T> T first(T... values) {
        for (T v : values) {
            if (v != null) {
                return v;
            }
        }
        return null;
    }
}
