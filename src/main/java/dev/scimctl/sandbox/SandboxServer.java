package dev.scimctl.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;

import javax.net.ssl.SSLContext;

import de.captaingoldfish.scim.sdk.common.constants.ClassPathReferences;
import de.captaingoldfish.scim.sdk.common.resources.ServiceProvider;
import de.captaingoldfish.scim.sdk.common.resources.complex.BulkConfig;
import de.captaingoldfish.scim.sdk.common.resources.complex.ChangePasswordConfig;
import de.captaingoldfish.scim.sdk.common.resources.complex.ETagConfig;
import de.captaingoldfish.scim.sdk.common.resources.complex.FilterConfig;
import de.captaingoldfish.scim.sdk.common.resources.complex.PatchConfig;
import de.captaingoldfish.scim.sdk.common.resources.complex.SortConfig;
import de.captaingoldfish.scim.sdk.common.resources.multicomplex.AuthenticationScheme;
import de.captaingoldfish.scim.sdk.common.utils.JsonHelper;
import de.captaingoldfish.scim.sdk.server.endpoints.EndpointDefinition;
import de.captaingoldfish.scim.sdk.server.endpoints.ResourceEndpoint;
import de.captaingoldfish.scim.sdk.server.schemas.ResourceType;
import de.captaingoldfish.scim.sdk.server.schemas.custom.ETagFeature;
import de.captaingoldfish.scim.sdk.server.schemas.custom.ResourceTypeFeatures;

/**
 * A SCIM 2.0 service provider that follows RFC 7643/7644 and behaves like NinjaOne as far as it is known: Users
 * with NinjaOne's extension and its value rules, Groups, bearer-token authentication. It runs on the JDK's HTTP server, for
 * tests (port 0) and for {@code scimctl sandbox}.
 *
 * <pre>{@code
 * try (SandboxServer server = SandboxServer.builder().token(token).build().start()) {
 *     URI users = URI.create(server.baseUrl() + "/Users");
 * }
 * }</pre>
 *
 * <p>Capabilities that NinjaOne may or may not have can be switched off; {@code /ServiceProviderConfig} then says
 * so and the server behaves as the SDK does for an unsupported feature: PATCH is refused with 501, a
 * {@code filter} or {@code sortBy} parameter is ignored (the full, unsorted list comes back), and no ETags are
 * issued or checked.
 */
public final class SandboxServer implements AutoCloseable {

    static {
        // The SDK logs through SLF4J; with no binding on the class path SLF4J warns on stderr at first use.
        if (System.getProperty("slf4j.internal.verbosity") == null) {
            System.setProperty("slf4j.internal.verbosity", "ERROR");
        }
    }

    private static final String USER_RESOURCE_TYPE = "/dev/scimctl/sandbox/user-resource-type.json";
    private static final String GROUP_RESOURCE_TYPE = "/dev/scimctl/sandbox/group-resource-type.json";
    private static final String NINJAONE_EXTENSION = "/dev/scimctl/sandbox/ninjaone-user-extension.json";
    private static final Duration SAVE_INTERVAL = Duration.ofSeconds(1);

    private final Builder options;
    private final SandboxStore store = new SandboxStore();
    private SandboxHttpServer httpServer;
    private ScheduledExecutorService saver;
    private String baseUrl;
    private boolean closed;

    private SandboxServer(Builder options) {
        this.options = options;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Loads the data file (if any), binds the port and starts answering.
     *
     * @return this server, started
     * @throws UncheckedIOException if the port cannot be bound or the data file cannot be read
     */
    public synchronized SandboxServer start() {
        if (httpServer != null || closed) {
            throw new IllegalStateException(closed ? "the sandbox server is closed" : "the sandbox server is running");
        }
        if (options.dataFile != null) {
            store.load(options.dataFile);
        }
        ScimExchangeHandler handler = new ScimExchangeHandler(resourceEndpoint(), store, options.patch,
                options.tls != null, options.basePath, options.token, options.latency, options.failRate,
                options.requestListener, new DiscoveryDocuments(options.enterpriseExtension, options.libraryDiscovery));
        try {
            InetSocketAddress address = new InetSocketAddress(InetAddress.getByName(options.host), options.port);
            httpServer = new SandboxHttpServer(address, options.tls, options.tlsProtocols, handler, options.limits,
                    ScimExchangeHandler.MAX_BODY_BYTES).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + options.host + ":" + options.port + ": " + e.getMessage(), e);
        }
        baseUrl = (options.tls == null ? "http://" : "https://") + urlHost(httpServer.address()) + ":"
                + httpServer.address().getPort() + options.basePath;
        if (options.dataFile != null) {
            saver = Executors.newSingleThreadScheduledExecutor(daemonThreads("scimctl-sandbox-save-"));
            saver.scheduleWithFixedDelay(this::saveIfChanged, SAVE_INTERVAL.toMillis(), SAVE_INTERVAL.toMillis(),
                    TimeUnit.MILLISECONDS);
        }
        return this;
    }

    /** The SCIM base URL, e.g. {@code http://127.0.0.1:41234/scim/v2} ({@code https://} with {@link Builder#tls}). */
    public String baseUrl() {
        if (baseUrl == null) {
            throw new IllegalStateException("the sandbox server has not been started");
        }
        return baseUrl;
    }

    /** The port the server listens on (the one the system chose when port 0 was asked for). */
    public int port() {
        return httpServer.address().getPort();
    }

    /** The users and groups, for seeding and inspecting them without HTTP. */
    public SandboxStore store() {
        return store;
    }

    /** Writes the data file now (a no-op without one). Changes are also written within a second, and on close. */
    public void save() {
        if (options.dataFile != null) {
            store.save(options.dataFile);
        }
    }

    /** Stops answering at once (open connections are dropped) and writes the data file. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (saver != null) {
            saver.shutdownNow();
        }
        if (httpServer != null) {
            httpServer.close();
        }
        if (options.dataFile != null && httpServer != null) {
            store.save(options.dataFile);
        }
    }

    private void saveIfChanged() {
        try {
            if (store.isDirty()) {
                store.save(options.dataFile);
            }
        } catch (RuntimeException e) {
            // Keep trying on the next tick (a full disk may clear); close() reports a failure that persists.
        }
    }

    private ResourceEndpoint resourceEndpoint() {
        ServiceProvider serviceProvider = ServiceProvider.builder()
                .filterConfig(FilterConfig.builder().supported(options.filter).maxResults(options.maxPageSize).build())
                .sortConfig(SortConfig.builder().supported(options.sort).build())
                .patchConfig(PatchConfig.builder().supported(options.patch).build())
                .eTagConfig(ETagConfig.builder().supported(options.etag).build())
                .changePasswordConfig(ChangePasswordConfig.builder().supported(false).build())
                .bulkConfig(BulkConfig.builder().supported(false).maxOperations(0).maxPayloadSize(0L).build())
                .authenticationSchemes(List.of(AuthenticationScheme.builder()
                        .name("OAuth Bearer Token")
                        .description("The secret token shown when SCIM is enabled, sent as 'Authorization: Bearer <token>'")
                        .type("oauthbearertoken")
                        .primary(true)
                        .build()))
                .build();
        ResourceEndpoint endpoint = new ResourceEndpoint(serviceProvider);
        ResourceType users = endpoint.registerEndpoint(new EndpointDefinition(
                userResourceType(),
                userSchemaWithoutCoreUserType(),
                userExtensions(),
                new UserHandler(store, options.softDelete, options.etag)));
        users.setFeatures(features());
        ResourceType groups = endpoint.registerEndpoint(new EndpointDefinition(
                JsonHelper.loadJsonDocument(GROUP_RESOURCE_TYPE),
                JsonHelper.loadJsonDocument(ClassPathReferences.GROUP_SCHEMA_JSON),
                List.of(),
                new GroupHandler(store, options.etag)));
        groups.setFeatures(features());
        return endpoint;
    }

    /** NinjaOne's extension, and RFC 7643's enterprise extension when asked for. */
    private List<JsonNode> userExtensions() {
        List<JsonNode> extensions = new ArrayList<>();
        extensions.add(JsonHelper.loadJsonDocument(NINJAONE_EXTENSION));
        if (options.enterpriseExtension) {
            extensions.add(JsonHelper.loadJsonDocument(ClassPathReferences.ENTERPRISE_USER_SCHEMA_JSON));
        }
        return extensions;
    }

    private JsonNode userResourceType() {
        JsonNode resourceType = JsonHelper.loadJsonDocument(USER_RESOURCE_TYPE);
        if (options.enterpriseExtension) {
            ((ArrayNode) resourceType.get("schemaExtensions")).addObject()
                    .put("schema", DiscoveryDocuments.ENTERPRISE_USER).put("required", false);
        }
        return resourceType;
    }

    private ResourceTypeFeatures features() {
        // The handlers filter, sort and page themselves (see Listing), so that a page costs its size, not the store's.
        return ResourceTypeFeatures.builder()
                .autoFiltering(false)
                .autoSorting(false)
                // The service provider's ETag switch alone is not enough: the SDK also asks each resource type.
                .eTagFeature(ETagFeature.builder().enabled(options.etag).build())
                .build();
    }

    /**
     * The RFC 7643 User schema without its core {@code userType}. NinjaOne's {@code userType} lives in its
     * extension; with the core attribute gone, a bare {@code userType} in a filter or PATCH path means
     * NinjaOne's, which is what a client writing one means.
     */
    private static JsonNode userSchemaWithoutCoreUserType() {
        JsonNode schema = JsonHelper.loadJsonDocument(ClassPathReferences.USER_SCHEMA_JSON);
        for (Iterator<JsonNode> it = ((ArrayNode) schema.get("attributes")).elements(); it.hasNext();) {
            if ("userType".equals(it.next().path("name").asText())) {
                it.remove();
            }
        }
        return schema;
    }

    private static String urlHost(InetSocketAddress address) {
        InetAddress bound = address.getAddress();
        if (bound.isAnyLocalAddress()) {
            return "127.0.0.1"; // listening everywhere: loopback is one address that surely reaches it
        }
        String host = bound.getHostAddress();
        return host.contains(":") ? "[" + host + "]" : host;
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** The sandbox's settings. Only the token is required. */
    public static final class Builder {

        private String host = "127.0.0.1";
        private int port = 0;
        private String basePath = "/scim/v2";
        private String token;
        private Path dataFile;
        private boolean softDelete;
        private boolean enterpriseExtension;
        private boolean libraryDiscovery;
        private Duration latency = Duration.ZERO;
        private double failRate;
        private boolean patch = true;
        private boolean filter = true;
        private boolean etag = true;
        private boolean sort = true;
        private int maxPageSize = 100;
        private SandboxHttpServer.Limits limits = SandboxHttpServer.Limits.DEFAULT;
        private Consumer<SandboxRequest> requestListener;
        private SSLContext tls;
        private List<String> tlsProtocols = List.of();

        private Builder() {
        }

        /** Serve HTTPS with this context (its key manager holds the server's key and certificate chain). */
        public Builder tls(SSLContext context) {
            this.tls = Objects.requireNonNull(context, "context");
            return this;
        }

        /** Accept only these TLS protocol versions (e.g. an old server's TLSv1.1); default: the context's. */
        public Builder tlsProtocols(String... protocols) {
            this.tlsProtocols = List.of(protocols);
            return this;
        }

        /** The address to listen on; default 127.0.0.1. */
        public Builder host(String host) {
            this.host = Objects.requireNonNull(host, "host");
            return this;
        }

        /** The port; 0 (the default) lets the system pick a free one. */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be 0..65535, not " + port);
            }
            this.port = port;
            return this;
        }

        /** The path of the SCIM base URL; default {@code /scim/v2}. */
        public Builder basePath(String basePath) {
            String path = Objects.requireNonNull(basePath, "basePath").strip();
            while (path.endsWith("/")) {
                path = path.substring(0, path.length() - 1);
            }
            this.basePath = path.startsWith("/") || path.isEmpty() ? path : "/" + path;
            return this;
        }

        /** The bearer token clients must send. Required. */
        public Builder token(String token) {
            if (token == null || token.isBlank() || token.strip().length() != token.length()) {
                throw new IllegalArgumentException("the token must be non-blank, without surrounding spaces");
            }
            this.token = token;
            return this;
        }

        /** A JSON file the data is loaded from at start and saved to (atomically) while running and on close. */
        public Builder dataFile(Path dataFile) {
            this.dataFile = dataFile;
            return this;
        }

        /**
         * Whether DELETE /Users/{id} only sets active=false and keeps the user listed, as NinjaOne does with users
         * removed at the IdP. By default it removes the user, as RFC 7644 section 3.6 says (later reads get 404).
         */
        public Builder softDelete(boolean softDelete) {
            this.softDelete = softDelete;
            return this;
        }

        /**
         * Whether the User resource type declares RFC 7643's enterprise extension
         * ({@code urn:ietf:params:scim:schemas:extension:enterprise:2.0:User}, section 4.3), so that section 8.3's
         * example can be sent. Off by default: NinjaOne is not known to declare it.
         */
        public Builder enterpriseExtension(boolean enterpriseExtension) {
            this.enterpriseExtension = enterpriseExtension;
            return this;
        }

        /**
         * Whether {@code /Schemas} and {@code /ResourceTypes} are served as the server library makes them: its own
         * discovery endpoints listed as resource types and its undeclared {@code ResourceTypeFeatures} extension
         * kept. Off by default, since strict clients reject those documents.
         */
        public Builder libraryDiscovery(boolean libraryDiscovery) {
            this.libraryDiscovery = libraryDiscovery;
            return this;
        }

        /** A delay added to every request. */
        public Builder latency(Duration latency) {
            if (latency == null || latency.isNegative()) {
                throw new IllegalArgumentException("latency must be zero or positive");
            }
            this.latency = latency;
            return this;
        }

        /** The fraction (0..1) of requests answered 429 or 503 with {@code Retry-After: 1} instead of being served. */
        public Builder failRate(double failRate) {
            if (!(failRate >= 0 && failRate <= 1)) {
                throw new IllegalArgumentException("the fail rate must be between 0 and 1, not " + failRate);
            }
            this.failRate = failRate;
            return this;
        }

        /** Whether PATCH is supported (default true); without it PATCH gets 501. */
        public Builder patch(boolean patch) {
            this.patch = patch;
            return this;
        }

        /** Whether filtering is supported (default true); without it a {@code filter} parameter is ignored. */
        public Builder filter(boolean filter) {
            this.filter = filter;
            return this;
        }

        /** Whether ETags are supported (default true); without them no meta.version is sent and If-Match is ignored. */
        public Builder etag(boolean etag) {
            this.etag = etag;
            return this;
        }

        /** Whether sorting is supported (default true); without it {@code sortBy} is ignored. */
        public Builder sort(boolean sort) {
            this.sort = sort;
            return this;
        }

        /** The most resources one list response holds (filter.maxResults); a larger {@code count} is cut to it. */
        public Builder maxPageSize(int maxPageSize) {
            if (maxPageSize < 1) {
                throw new IllegalArgumentException("the maximum page size must be at least 1");
            }
            this.maxPageSize = maxPageSize;
            return this;
        }

        /**
         * How long a client may take to send a request's head (from its first byte, or from connecting) and its
         * body, and how long a kept-alive connection may idle; a client slower than that is disconnected.
         * Defaults: 10 s, 30 s, 30 s.
         */
        public Builder timeouts(Duration head, Duration body, Duration idle) {
            for (Duration timeout : new Duration[] {head, body, idle}) {
                if (timeout == null || timeout.isNegative() || timeout.isZero()) {
                    throw new IllegalArgumentException("timeouts must be positive");
                }
            }
            this.limits = new SandboxHttpServer.Limits(head, body, idle, limits.connectionsPerClient(),
                    limits.connections());
            return this;
        }

        /** How many connections one client address may hold open at once (default 64); more are refused with 503. */
        public Builder connectionsPerClient(int connectionsPerClient) {
            if (connectionsPerClient < 1) {
                throw new IllegalArgumentException("connections per client must be at least 1");
            }
            this.limits = new SandboxHttpServer.Limits(limits.headTimeout(), limits.bodyTimeout(), limits.idleTimeout(),
                    connectionsPerClient, Math.max(limits.connections(), connectionsPerClient));
            return this;
        }

        /** Called after each request is answered, on the thread that answered it. */
        public Builder requestListener(Consumer<SandboxRequest> requestListener) {
            this.requestListener = requestListener;
            return this;
        }

        /** A server with these settings, not yet started. */
        public SandboxServer build() {
            if (token == null) {
                throw new IllegalStateException("a sandbox server needs a bearer token");
            }
            Builder copy = new Builder();
            copy.host = host;
            copy.port = port;
            copy.basePath = basePath;
            copy.token = token;
            copy.dataFile = dataFile;
            copy.softDelete = softDelete;
            copy.enterpriseExtension = enterpriseExtension;
            copy.libraryDiscovery = libraryDiscovery;
            copy.latency = latency;
            copy.failRate = failRate;
            copy.patch = patch;
            copy.filter = filter;
            copy.etag = etag;
            copy.sort = sort;
            copy.maxPageSize = maxPageSize;
            copy.limits = limits;
            copy.requestListener = requestListener;
            copy.tls = tls;
            copy.tlsProtocols = tlsProtocols;
            return new SandboxServer(copy);
        }
    }
}
