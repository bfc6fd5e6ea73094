package dev.scimctl.scim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimctl.io.AtomicFile;
import dev.scimctl.io.PrivateFolders;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;

/**
 * What a server said about itself (its /ServiceProviderConfig, and userName's caseExact from /Schemas), kept between
 * runs per base URL, so that a look-up in a shell loop is one request, not three. An entry expires after
 * {@link #MAX_AGE}, and is dropped when the server contradicts it (it refuses a PATCH or a filter it said it takes)
 * and whenever {@code test-connection} runs. It holds no token and nothing about users: only what any client of that
 * URL would be told. A cache that cannot be read or written is no cache; it never stops a command.
 *
 * <p>What it says decides how scimctl writes (PATCH or PUT, whether a missed userName is asked again in another case,
 * which a duplicate user hangs on), so it is kept as the settings are: a 0700 folder and 0600 files whatever the umask,
 * and an entry that another account could have written (the file or folder writable by others, or theirs) is not
 * believed.
 */
final class DiscoveryCache {
    static final Duration MAX_AGE = Duration.ofHours(24);

    /** One base URL's entry: the SPC document (null: not served) and caseExact (null: not said). */
    record Entry(JsonNode serviceProviderConfig, boolean spcKnown, Boolean userNameCaseExact, boolean caseExactKnown) {
    }

    private final Path file;
    private final URI baseUrl;
    private final Clock clock;

    DiscoveryCache(Path dir, URI baseUrl, Clock clock) {
        this.file = dir.resolve(key(baseUrl) + ".json");
        this.baseUrl = baseUrl;
        this.clock = clock;
    }

    /**
     * A file name for the base URL: two 64-bit FNV-1a hashes (different offsets) of its text. Not SHA-256: the JCA
     * provider set-up behind MessageDigest costs every run start-up time (issue #18), and a collision costs nothing
     * but a cache miss, since {@link #read()} checks the base URL stored in the file.
     */
    private static String key(URI baseUrl) {
        String s = baseUrl.toString();
        long a = 0xcbf29ce484222325L;
        long b = 0x84222325cbf29ce4L;
        for (int i = 0; i < s.length(); i++) {
            a = (a ^ s.charAt(i)) * 0x100000001b3L;
            b = (b ^ s.charAt(i)) * 0x100000001b3L;
        }
        return "discovery-" + HexFormat.of().toHexDigits(a) + HexFormat.of().toHexDigits(b);
    }

    Optional<Entry> read() {
        try {
            if (!Files.isRegularFile(file) || PrivateFolders.writableByOthers(file.getParent()).isPresent()
                    || PrivateFolders.writableByOthers(file).isPresent()) {
                return Optional.empty();
            }
            JsonNode n;
            try (InputStream in = Files.newInputStream(file)) {
                n = JsonTrees.read(in);
            }
            if (!baseUrl.toString().equals(n.path("baseUrl").asText())
                    || clock.millis() - n.path("savedAt").asLong(0) > MAX_AGE.toMillis()
                    || clock.millis() < n.path("savedAt").asLong(0)) {
                return Optional.empty();
            }
            JsonNode spc = n.get("serviceProviderConfig");
            JsonNode ce = n.get("userNameCaseExact");
            return Optional.of(new Entry(spc == null || spc.isNull() ? null : spc, n.has("serviceProviderConfig"),
                    ce == null || ce.isNull() ? null : ce.asBoolean(), n.has("userNameCaseExact")));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Saves what is known now; a part not known (not asked this run) is kept from the entry read, if any. */
    void write(Entry entry) {
        ObjectNode n = ScimJson.mapper().createObjectNode();
        n.put("baseUrl", baseUrl.toString());
        n.put("savedAt", clock.millis());
        if (entry.spcKnown()) {
            n.set("serviceProviderConfig", entry.serviceProviderConfig());
        }
        if (entry.caseExactKnown()) {
            if (entry.userNameCaseExact() == null) {
                n.putNull("userNameCaseExact");
            } else {
                n.put("userNameCaseExact", entry.userNameCaseExact());
            }
        }
        try {
            PrivateFolders.create(file.getParent());
            AtomicFile.write(file, ScimJson.mapper().writeValueAsBytes(n), true);
        } catch (IOException | RuntimeException e) {
            // No cache this time: the next run asks the server again.
        }
    }

    void forget() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // Expires on its own.
        }
    }
}
