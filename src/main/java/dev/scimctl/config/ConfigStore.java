package dev.scimctl.config;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.scimctl.InputException;
import dev.scimctl.io.AtomicFile;
import dev.scimctl.io.BoundedFiles;
import dev.scimctl.io.FileProblems;
import dev.scimctl.io.FileProblems.Operation;
import dev.scimctl.io.PrivateFolders;
import dev.scimctl.io.Sizes;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Profiles and tokens on disk: {@code config.json} (profiles and the current one) and {@code credentials.json}
 * (tokens). The folder is 0700 and both files 0600 whatever the umask; both are written atomically, in a stable
 * order so that they diff well. A document of the wrong shape, or larger than any real one, is refused with its
 * file, line and column rather than half-read.
 */
public final class ConfigStore {
    static final String CONFIG_FILE = "config.json";
    static final String CREDENTIALS_FILE = "credentials.json";

    /** Hand-made profiles for a few servers take a few KiB; a megabyte is not a settings file. */
    static final int MAX_BYTES = Sizes.MIB;

    /**
     * The mapper that writes the files, made on first use: runs only read them, by hand (SettingsReader), since a
     * mapper's class initialisation (a SimpleDateFormat, so the JDK's locale data) is a tenth of a one-user look-up.
     */
    private static final class Json {
        static final ObjectMapper JSON = JsonMapper.builder()
                .enable(SerializationFeature.INDENT_OUTPUT)
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                .build();
    }

    private final Path dir;

    public ConfigStore(Path dir) {
        this.dir = dir;
    }

    /** The config folder: $SCIMCTL_CONFIG_DIR, else $XDG_CONFIG_HOME/scimctl, else ~/.config/scimctl. */
    public static Path directory(Map<String, String> env) {
        return XdgFolder.of(env, EnvVars.CONFIG_DIR, "XDG_CONFIG_HOME", ".config");
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
        return read(configFile(), SettingsReader::config, new ConfigDocument(1, null, null), false);
    }

    private CredentialsDocument readCredentials() {
        return read(credentialsFile(), SettingsReader::credentials, new CredentialsDocument(1, null, null), true);
    }

    private void writeConfig(ConfigDocument doc) {
        write(configFile(), doc);
    }

    private void writeCredentials(CredentialsDocument doc) {
        requirePrivate(); // a token written into a folder others can write is theirs to swap
        write(credentialsFile(), doc);
    }

    /**
     * Refuses to go on when another account could have changed the folder or its files: it could have pointed a
     * profile's URL at its own server, to be sent the token (the rule ssh follows for its keys).
     */
    public void requirePrivate() {
        Stream.of(dir, configFile(), credentialsFile())
                .map(PrivateFolders::writableByOthers)
                .flatMap(Optional::stream)
                .findFirst()
                .ifPresent(problem -> {
                    throw new InputException("refusing to use the saved profiles: " + problem);
                });
    }

    @FunctionalInterface
    private interface Reader<T> {
        T read(byte[] bytes) throws IOException;
    }

    /** @param secret whether the file holds tokens: then the parser's words, which may quote one, are not shown */
    private static <T> T read(Path file, Reader<T> reader, T empty, boolean secret) {
        try {
            byte[] bytes = BoundedFiles.read(file, MAX_BYTES, "the settings file");
            if (bytes.length == 0) {
                return empty;
            }
            T doc = reader.read(bytes);
            return doc == null ? empty : doc;
        } catch (NoSuchFileException e) {
            return empty;
        } catch (SettingsReader.ShapeException e) {
            throw new InputException(at(file, e.location()) + "the settings file has the wrong shape: " + e.getMessage()
                    + "; fix it by hand, or delete it and set the profile up again");
        } catch (JsonProcessingException e) {
            // "Unrecognized token 'sk_…'": a token pasted without its quotes would be printed.
            String why = secret ? "(the details are left out, as they may quote a token)"
                    : "(" + e.getOriginalMessage().lines().findFirst().orElse("") + ")";
            throw new InputException(at(file, e.getLocation()) + "the settings file is not valid JSON " + why
                    + "; fix it by hand, or delete it and set the profile up again");
        } catch (IOException e) {
            throw new InputException(FileProblems.describe(Operation.READ, file, e));
        }
    }

    private static String at(Path file, JsonLocation loc) {
        return file + (loc == null || loc.getLineNr() < 1 ? "" : ":" + loc.getLineNr() + ":" + loc.getColumnNr()) + ": ";
    }

    private void write(Path file, Object doc) {
        try {
            PrivateFolders.create(dir);
            byte[] bytes = Json.JSON.writeValueAsBytes(doc);
            AtomicFile.write(file, bytes, true);
        } catch (IOException e) {
            throw new InputException(FileProblems.describe(Files.exists(file) ? Operation.WRITE : Operation.CREATE,
                    file, e));
        }
    }
}
