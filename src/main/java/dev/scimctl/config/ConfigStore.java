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
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * Profiles and tokens on disk: {@code config.json} (profiles and the current one) and {@code credentials.json}
 * (tokens). The folder is 0700 and both files 0600 whatever the umask; both are written atomically, in a stable
 * order so that they diff well. A document of the wrong shape, or larger than any real one, is refused with its
 * file, line and column rather than half-read. Every change reads, changes and writes a file under a lock on the
 * folder, so two scimctls at once (a script's loop in the background, two terminals) each keep their change instead
 * of the last writer's copy dropping the other's profile or token.
 */
public final class ConfigStore {
    static final String CONFIG_FILE = "config.json";
    static final String CREDENTIALS_FILE = "credentials.json";

    /** Hand-made profiles for a few servers take a few KiB; a megabyte is not a settings file. */
    static final int MAX_BYTES = Sizes.MIB;

    /** The lock file beside the settings; a change holds it for milliseconds. */
    static final String LOCK_FILE = ".lock";
    /** How long a change waits for another's: far longer than any change takes, short of a hang. */
    static final Duration LOCK_WAIT = Duration.ofSeconds(10);
    /**
     * The threads of this JVM that change a folder: the operating system's lock is per process (a second channel of the
     * same process would get OverlappingFileLockException), so threads queue here first.
     */
    private static final Map<Path, ReentrantLock> CHANGING_HERE = new ConcurrentHashMap<>();
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

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
        changing(credentialsFile(), () -> {
            CredentialsDocument creds = readCredentials();
            boolean changed = password == null ? creds.proxyPasswords().remove(profile) != null
                    : !password.equals(creds.proxyPasswords().put(profile, password));
            if (changed) {
                writeCredentials(creds);
            }
            return null;
        });
    }

    public void putProfile(String name, Profile profile) {
        editProfile(name, current -> profile);
    }

    /**
     * Changes a profile as {@code edit} says, given the profile as it is now (null: there is none yet), all under the
     * lock: a change to one setting made meanwhile by another scimctl is kept, not overwritten with what was read before.
     */
    public void editProfile(String name, UnaryOperator<Profile> edit) {
        changing(configFile(), () -> {
            ConfigDocument doc = readConfig();
            doc.profiles().put(name, edit.apply(doc.profiles().get(name)));
            String current = doc.current() == null ? name : doc.current();
            writeConfig(new ConfigDocument(1, current, doc.profiles()));
            return null;
        });
    }

    public void use(String name) {
        changing(configFile(), () -> {
            ConfigDocument doc = readConfig();
            if (!doc.profiles().containsKey(name)) {
                throw new IllegalArgumentException(name);
            }
            writeConfig(new ConfigDocument(1, name, doc.profiles()));
            return null;
        });
    }

    /** Removes a profile and its token; returns whether it existed. */
    public boolean delete(String name) {
        return changing(configFile(), () -> {
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
        });
    }

    public void putToken(String profile, StoredToken token) {
        changing(credentialsFile(), () -> {
            CredentialsDocument creds = readCredentials();
            creds.tokens().put(profile, token);
            writeCredentials(creds);
            return null;
        });
    }

    /**
     * Runs a read-change-write of the settings while holding the folder's lock: first among this JVM's threads, then
     * the operating system's lock on {@link #LOCK_FILE}, which goes with its process however that ends. It waits up
     * to {@link #LOCK_WAIT} for another change to finish.
     *
     * @param target the file the change writes (the first, for a change of both), named when the lock cannot be made
     */
    private <T> T changing(Path target, Supplier<T> change) {
        try {
            PrivateFolders.create(dir);
        } catch (IOException e) {
            throw new InputException(FileProblems.describe(Operation.CREATE, target, e));
        }
        Path lockFile = dir.resolve(LOCK_FILE);
        ReentrantLock here = CHANGING_HERE.computeIfAbsent(lockFile.toAbsolutePath().normalize(), k -> new ReentrantLock());
        long deadline = System.nanoTime() + LOCK_WAIT.toNanos();
        try {
            if (!here.tryLock(LOCK_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw busy(lockFile);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw busy(lockFile);
        }
        try (FileChannel channel = openLockFile(lockFile)) {
            FileLock lock = channel.tryLock();
            while (lock == null) {
                if (System.nanoTime() > deadline) {
                    throw busy(lockFile);
                }
                Thread.sleep(10);
                lock = channel.tryLock();
            }
            try {
                return change.get();
            } finally {
                lock.release();
            }
        } catch (IOException e) {
            // Told as a problem with the file to change: the lock file sits beside it, and writing it (through a
            // temporary file beside it) would fail for the same reason.
            throw new InputException(FileProblems.describe(Files.exists(target) ? Operation.WRITE : Operation.CREATE,
                    target, e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw busy(lockFile);
        } finally {
            here.unlock();
        }
    }

    /** Exit 3, as for files that cannot be written: the code every config command already declares for it. */
    private static InputException busy(Path lockFile) {
        return new InputException("the settings in " + lockFile.getParent() + " are being changed by another scimctl "
                + "that has not finished in " + LOCK_WAIT.toSeconds() + " s: let it finish (or stop it), then run this "
                + "again (lock file " + lockFile + ")");
    }

    /** The lock file is created 0600 whatever the umask, as everything in the folder is; it holds nothing. */
    private static FileChannel openLockFile(Path lockFile) throws IOException {
        // Never through a link: the lock file is ours to create, not a way to make a file elsewhere.
        Set<OpenOption> options = Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
        if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return FileChannel.open(lockFile, options);
        }
        FileChannel channel = FileChannel.open(lockFile, options, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        Files.setPosixFilePermissions(lockFile, OWNER_ONLY);
        return channel;
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
