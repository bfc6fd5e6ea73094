package dev.scimctl.config;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.scimctl.InputException;
import dev.scimctl.io.AtomicFile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Profiles and tokens on disk: {@code config.json} (profiles and the current one) and {@code credentials.json}
 * (tokens, mode 0600). Both are written atomically, in a stable order so that they diff well.
 */
public final class ConfigStore {
    static final String CONFIG_FILE = "config.json";
    static final String CREDENTIALS_FILE = "credentials.json";

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private final Path dir;

    public ConfigStore(Path dir) {
        this.dir = dir;
    }

    /** The config folder: $SCIMCTL_CONFIG_DIR, else $XDG_CONFIG_HOME/scimctl, else ~/.config/scimctl. */
    public static Path directory(Map<String, String> env) {
        String own = env.get("SCIMCTL_CONFIG_DIR");
        if (own != null && !own.isBlank()) {
            return Path.of(own);
        }
        String xdg = env.get("XDG_CONFIG_HOME");
        if (xdg != null && !xdg.isBlank()) {
            return Path.of(xdg, "scimctl");
        }
        String home = env.getOrDefault("HOME", System.getProperty("user.home"));
        return Path.of(home, ".config", "scimctl");
    }

    public Path dir() {
        return dir;
    }

    public Path configFile() {
        return dir.resolve(CONFIG_FILE);
    }

    public Path credentialsFile() {
        return dir.resolve(CREDENTIALS_FILE);
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ConfigDocument(int version, String current, TreeMap<String, Profile> profiles) {
        ConfigDocument {
            profiles = profiles == null ? new TreeMap<>() : new TreeMap<>(profiles);
        }
    }

    /** Tokens, and the passwords of profiles' proxies: both secret, so both here and not in config.json. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record CredentialsDocument(int version, TreeMap<String, StoredToken> tokens,
                               @JsonInclude(JsonInclude.Include.NON_EMPTY) TreeMap<String, String> proxyPasswords) {
        CredentialsDocument {
            tokens = tokens == null ? new TreeMap<>() : new TreeMap<>(tokens);
            proxyPasswords = proxyPasswords == null ? new TreeMap<>() : new TreeMap<>(proxyPasswords);
        }
    }

    public Map<String, Profile> profiles() {
        return readConfig().profiles();
    }

    public Optional<Profile> profile(String name) {
        return Optional.ofNullable(readConfig().profiles().get(name));
    }

    public Optional<String> currentProfile() {
        return Optional.ofNullable(readConfig().current());
    }

    public Optional<StoredToken> token(String profile) {
        return Optional.ofNullable(readCredentials().tokens().get(profile));
    }

    /** The password of a profile's proxy, kept apart from its URL so that config.json holds no secret. */
    public Optional<String> proxyPassword(String profile) {
        return Optional.ofNullable(readCredentials().proxyPasswords().get(profile));
    }

    /** Stores (or, with null, removes) the password of a profile's proxy, in the 0600 credentials file. */
    public void putProxyPassword(String profile, String password) {
        CredentialsDocument creds = readCredentials();
        boolean changed = password == null ? creds.proxyPasswords().remove(profile) != null
                : !password.equals(creds.proxyPasswords().put(profile, password));
        if (changed) {
            writeCredentials(creds);
        }
    }

    public void putProfile(String name, Profile profile) {
        ConfigDocument doc = readConfig();
        doc.profiles().put(name, profile);
        String current = doc.current() == null ? name : doc.current();
        writeConfig(new ConfigDocument(1, current, doc.profiles()));
    }

    public void use(String name) {
        ConfigDocument doc = readConfig();
        if (!doc.profiles().containsKey(name)) {
            throw new IllegalArgumentException(name);
        }
        writeConfig(new ConfigDocument(1, name, doc.profiles()));
    }

    /** Removes a profile and its token; returns whether it existed. */
    public boolean delete(String name) {
        ConfigDocument doc = readConfig();
        boolean existed = doc.profiles().remove(name) != null;
        String current = name.equals(doc.current()) ? null : doc.current();
        writeConfig(new ConfigDocument(1, current, doc.profiles()));
        CredentialsDocument creds = readCredentials();
        boolean hadToken = creds.tokens().remove(name) != null;
        boolean hadProxyPassword = creds.proxyPasswords().remove(name) != null;
        if (hadToken || hadProxyPassword) {
            writeCredentials(creds);
            existed = true;
        }
        return existed;
    }

    public void putToken(String profile, StoredToken token) {
        CredentialsDocument creds = readCredentials();
        creds.tokens().put(profile, token);
        writeCredentials(creds);
    }

    private ConfigDocument readConfig() {
        return read(configFile(), ConfigDocument.class, new ConfigDocument(1, null, null));
    }

    private CredentialsDocument readCredentials() {
        return read(credentialsFile(), CredentialsDocument.class, new CredentialsDocument(1, null, null));
    }

    private void writeConfig(ConfigDocument doc) {
        write(configFile(), doc, false);
    }

    private void writeCredentials(CredentialsDocument doc) {
        write(credentialsFile(), doc, true);
    }

    private static <T> T read(Path file, Class<T> type, T empty) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            T doc = JSON.readValue(bytes, type);
            return doc == null ? empty : doc;
        } catch (NoSuchFileException e) {
            return empty;
        } catch (JsonProcessingException e) {
            var loc = e.getLocation();
            String where = loc == null ? "" : ":" + loc.getLineNr() + ":" + loc.getColumnNr();
            throw new InputException(file + where + ": the settings file is not valid JSON (" + e.getOriginalMessage()
                    + "); fix it by hand or delete it and set the profile up again");
        } catch (IOException e) {
            throw new InputException("cannot read " + file + ": " + e.getMessage());
        }
    }

    private static void write(Path file, Object doc, boolean secret) {
        try {
            byte[] bytes = JSON.writeValueAsBytes(doc);
            AtomicFile.write(file, bytes, secret);
        } catch (IOException e) {
            throw new InputException("cannot write " + file + ": " + e.getMessage());
        }
    }
}
