package dev.scimctl.testing;

import java.net.URI;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.scimctl.sandbox.SandboxServer;
import dev.scimctl.sandbox.SandboxStore;

/**
 * A {@link SandboxServer} for a test class: started on a free port with a random token before the first test,
 * emptied before each test, closed after the last.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final ScimServerExtension scim = ScimServerExtension.create();
 *
 * @Test
 * void lists_users() {
 *     scim.seedUsers(3);
 *     ... client.connect(scim.baseUrl(), scim.token()) ...
 * }
 * }</pre>
 *
 * Registered on an instance field instead, it starts and closes a server around each test. Outside JUnit, use
 * {@link #start()} and {@link #close()}.
 */
public final class ScimServerExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
        AfterEachCallback, AutoCloseable {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Consumer<SandboxServer.Builder> settings;
    private final String fixedToken;
    private SandboxServer server;
    private String token;
    private boolean perTest;

    private ScimServerExtension(Consumer<SandboxServer.Builder> settings, String fixedToken) {
        this.settings = settings;
        this.fixedToken = fixedToken;
    }

    /** A server with the sandbox's defaults. */
    public static ScimServerExtension create() {
        return new ScimServerExtension(builder -> {
        }, null);
    }

    /** A server with settings of the test's choosing, e.g. {@code b -> b.patch(false).maxPageSize(10)}. */
    public static ScimServerExtension create(Consumer<SandboxServer.Builder> settings) {
        return new ScimServerExtension(settings, null);
    }

    /**
     * A server with the sandbox's defaults that accepts this token, not a random one: for output kept exactly (golden
     * files), where the token's last four characters are shown.
     */
    public static ScimServerExtension withToken(String token) {
        return new ScimServerExtension(builder -> {
        }, token);
    }

    /** Starts the server (JUnit does this itself). */
    public ScimServerExtension start() {
        if (server == null) {
            token = fixedToken != null ? fixedToken : randomToken();
            SandboxServer.Builder builder = SandboxServer.builder().token(token);
            settings.accept(builder);
            server = builder.build().start();
        }
        return this;
    }

    @Override
    public void close() {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (server == null) {
            perTest = true;
            start();
        }
        reset();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (perTest) {
            close();
        }
    }

    /** The SCIM base URL, e.g. {@code http://127.0.0.1:41234/scim/v2}. */
    public String baseUrl() {
        return running().baseUrl();
    }

    /** The base URL with a path appended: {@code uri("/Users")}. */
    public URI uri(String path) {
        return URI.create(baseUrl() + path);
    }

    /** The bearer token the server accepts. */
    public String token() {
        running();
        return token;
    }

    public SandboxServer server() {
        return running();
    }

    public SandboxStore store() {
        return running().store();
    }

    /** Removes all users and groups. */
    public void reset() {
        store().clear();
    }

    /**
     * Adds {@code count} users straight into the store: {@code user0001@example.com} and so on, with a name, a
     * work e-mail and NinjaOne's extension (every third a technician, the rest end users of organization 1).
     *
     * @return their ids, in order
     */
    public List<String> seedUsers(int count) {
        List<String> ids = new ArrayList<>(count);
        int first = store().userCount() + 1;
        for (int i = first; i < first + count; i++) {
            String userName = String.format(Locale.ROOT, "user%04d@example.com", i);
            ObjectNode user = user(userName, "Given" + i, "Family" + i);
            ObjectNode extension = user.putObject("urn:ietf:params:scim:schemas:extension:ninjaone:2.0:User");
            if (i % 3 == 0) {
                extension.put("userType", "technician");
            } else {
                extension.put("userType", "endUser");
                extension.put("organizationId", "1");
            }
            ids.add(store().createUser(user).get("id").asText());
        }
        return ids;
    }

    /** Adds one user with this userName (and a name and work e-mail made from it); returns its id. */
    public String seedUser(String userName) {
        return store().createUser(user(userName, "Given", "Family")).get("id").asText();
    }

    /** Adds a user given as SCIM JSON, as is (no NinjaOne rules are applied); returns its id. */
    public String seedUser(ObjectNode user) {
        return store().createUser(user).get("id").asText();
    }

    /** Adds a group with these members (ids of users or groups); returns its id. */
    public String seedGroup(String displayName, String... memberIds) {
        ObjectNode group = JsonNodeFactory.instance.objectNode();
        group.putArray("schemas").add("urn:ietf:params:scim:schemas:core:2.0:Group");
        group.put("displayName", displayName);
        var members = group.putArray("members");
        for (String id : memberIds) {
            String type = store().resourceTypeOf(id).orElse("User");
            members.addObject().put("value", id).put("type", type);
        }
        return store().createGroup(group).get("id").asText();
    }

    private static ObjectNode user(String userName, String givenName, String familyName) {
        ObjectNode user = JsonNodeFactory.instance.objectNode();
        user.putArray("schemas").add("urn:ietf:params:scim:schemas:core:2.0:User");
        user.put("userName", userName);
        user.putObject("name").put("givenName", givenName).put("familyName", familyName);
        user.putArray("emails").addObject().put("value", userName).put("type", "work").put("primary", true);
        user.put("active", true);
        return user;
    }

    private SandboxServer running() {
        if (server == null) {
            throw new IllegalStateException("the SCIM test server is not running (register the extension with"
                    + " @RegisterExtension, or call start())");
        }
        return server;
    }

    private static String randomToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
