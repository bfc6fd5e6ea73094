package dev.scimctl.scim;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.scimctl.Setting;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimctl.scim.model.PatchOp;
import dev.scimctl.scim.model.ServiceProviderConfig;
import dev.scimctl.scim.net.HttpClientShutdown;
import dev.scimctl.scim.net.Network;
import dev.scimctl.scim.net.ProxyRoute;
import dev.scimctl.scim.net.TunnelBasicAuth;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * The one piece of scimctl that speaks HTTP. One instance per run, shared by all commands and threads: it holds one
 * {@link HttpClient} (and so one connection pool), sends the bearer token, retries what is safe to retry, refuses
 * cross-origin redirects, and turns every failure into a typed {@link ScimException}.
 */
public final class ScimClient implements AutoCloseable {
    private static final int MAX_SAME_ORIGIN_REDIRECTS = 5;

    static {
        TunnelBasicAuth.enable();
    }

    private final ScimClientConfig config;
    private final Network network;
    private final HttpClient http;
    private final ExchangeLog log;
    private volatile Optional<ServiceProviderConfig> serviceProviderConfig;
    private volatile Optional<JsonNode> schemas;
    private final DiscoveryCache discoveryCache;
    private volatile Optional<DiscoveryCache.Entry> saved;
    /** The SPC document as asked this run (empty: not served); null when not asked this run. */
    private volatile Optional<JsonNode> spcDocument;
    private volatile Optional<Boolean> caseExact;
    /** Whether the scheme is known to fit the port: an answer came, or the port was asked once already. */
    private volatile boolean schemeSettled;
    /** Where changes go instead of the server in a dry run; null when they are sent. */
    private volatile java.util.function.Consumer<PlannedRequest> dryRun;

    /** A client that connects directly and trusts the JDK's CAs. */
    public ScimClient(ScimClientConfig config) {
        this(config, Network.direct());
    }

    /** A client that reaches the server through {@code network}: its proxies (with their credentials) and its CAs. */
    public ScimClient(ScimClientConfig config, Network network) {
        this(config, network, network.httpClientBuilder(config.connectTimeout()));
    }

    /**
     * For callers that must shape the HttpClient further; redirects stay off whatever they set. A proxy set on this
     * builder gets no credentials: use {@link #ScimClient(ScimClientConfig, Network)} for that.
     */
    public ScimClient(ScimClientConfig config, HttpClient.Builder builder) {
        this(config, Network.direct(), builder);
    }

    private ScimClient(ScimClientConfig config, Network network, HttpClient.Builder builder) {
        this.config = config;
        this.network = network;
        this.http = builder.followRedirects(HttpClient.Redirect.NEVER).build();
        if ("https".equalsIgnoreCase(config.baseUrl().getScheme())) {
            network.trust().extraCertificates(); // a bad CA file is reported now, not from inside the first handshake
        }
        this.log = new ExchangeLog(config.listener(), config.token(), network);
        this.discoveryCache = config.discoveryCacheDir() == null ? null
                : new DiscoveryCache(config.discoveryCacheDir(), config.baseUrl(), config.clock());
    }

    /** How the user of this client names the settings (for advice in messages built on its answers). */
    public Setting.Names names() {
        return config.names();
    }

    public URI baseUrl() {
        return config.baseUrl();
    }

    /**
     * From now on, requests that change something (every method but GET) are handed to {@code planned} and not sent;
     * reads still go to the server, so that what is changed can be found. A create then returns null.
     */
    public void dryRun(java.util.function.Consumer<PlannedRequest> planned) {
        this.dryRun = planned;
    }

    public boolean isDryRun() {
        return dryRun != null;
    }

    /** The proxies and CAs this client uses. */
    public Network network() {
        return network;
    }

    // ---- discovery -------------------------------------------------------------------------------------------

    /** The server's /ServiceProviderConfig, or empty when it does not serve one (a 404 is not a failure). Cached. */
    public Optional<ServiceProviderConfig> serviceProviderConfig() {
        Optional<ServiceProviderConfig> known = serviceProviderConfig;
        if (known == null) {
            Optional<DiscoveryCache.Entry> saved = savedDiscovery();
            JsonNode document;
            if (saved.isPresent() && saved.get().spcKnown()) {
                document = saved.get().serviceProviderConfig();
            } else {
                document = optional("ServiceProviderConfig").orElse(null);
                spcDocument = Optional.ofNullable(document);
                saveDiscovery();
            }
            known = Optional.ofNullable(document).map(n -> {
                ServiceProviderConfig plain = ServiceProviderConfig.readPlain(n);
                return plain != null ? plain : convert(n, ServiceProviderConfig.class, "ServiceProviderConfig");
            });
            serviceProviderConfig = known;
        }
        return known;
    }

    /** What an earlier run saved for this base URL, read once per run. */
    private Optional<DiscoveryCache.Entry> savedDiscovery() {
        if (discoveryCache == null) {
            return Optional.empty();
        }
        Optional<DiscoveryCache.Entry> s = saved;
        if (s == null) {
            s = discoveryCache.read();
            saved = s;
        }
        return s;
    }

    /** Saves what this run asked the server, keeping what an earlier run saved for the rest. */
    private void saveDiscovery() {
        if (discoveryCache == null) {
            return;
        }
        Optional<DiscoveryCache.Entry> before = savedDiscovery();
        Optional<JsonNode> spc = spcDocument;
        boolean spcKnown = spc != null || before.map(DiscoveryCache.Entry::spcKnown).orElse(false);
        JsonNode spcValue = spc != null ? spc.orElse(null) : before.map(DiscoveryCache.Entry::serviceProviderConfig)
                .orElse(null);
        Optional<Boolean> ce = caseExact;
        boolean ceKnown = ce != null || before.map(DiscoveryCache.Entry::caseExactKnown).orElse(false);
        Boolean ceValue = ce != null ? ce.orElse(null) : before.map(DiscoveryCache.Entry::userNameCaseExact).orElse(null);
        DiscoveryCache.Entry entry = new DiscoveryCache.Entry(spcValue, spcKnown, ceValue, ceKnown);
        discoveryCache.write(entry);
        saved = Optional.of(entry);
    }

    /**
     * Drops what earlier runs saved about this server: it contradicted it (refused a PATCH or a filter it said it
     * takes), or it is being checked afresh ({@code test-connection}). The next run asks again.
     */
    public void forgetDiscovery() {
        if (discoveryCache != null) {
            discoveryCache.forget();
            saved = Optional.empty();
        }
    }

    public Optional<JsonNode> schemas() {
        Optional<JsonNode> cached = schemas;
        if (cached == null) {
            cached = optional("Schemas");
            schemas = cached;
        }
        return cached;
    }

    /** /ServiceProviderConfig as the server sent it (for showing it), or empty when it is not served. */
    public Optional<JsonNode> serviceProviderConfigDocument() {
        return optional("ServiceProviderConfig");
    }

    /** False only when /ServiceProviderConfig says {@code filter.supported: false}; such servers ignore filters. */
    public boolean filterSupported() {
        Optional<ServiceProviderConfig> spc = serviceProviderConfig();
        return spc.isEmpty() || spc.get().filter() == null || !Boolean.FALSE.equals(spc.get().filter().supported());
    }

    /**
     * What the server's /Schemas says of userName's {@code caseExact}: true, false, or null when it does not say
     * (or serves no /Schemas). A failure to read /Schemas is "does not say": discovery never stops a command.
     */
    public Boolean userNameCaseExact() {
        Optional<Boolean> known = caseExact;
        if (known == null) {
            Optional<DiscoveryCache.Entry> s = savedDiscovery();
            if (s.isPresent() && s.get().caseExactKnown()) {
                known = Optional.ofNullable(s.get().userNameCaseExact());
                caseExact = known;
            } else {
                known = Optional.ofNullable(readUserNameCaseExact());
                caseExact = known;
                saveDiscovery();
            }
        }
        return known.orElse(null);
    }

    private Boolean readUserNameCaseExact() {
        return schemaAttribute(ScimJson.CORE_USER, "userName").map(a -> a.path("caseExact"))
                .filter(JsonNode::isBoolean).map(JsonNode::booleanValue).orElse(null);
    }

    /**
     * One attribute's definition as the server's /Schemas gives it, or empty where it does not (or serves no /Schemas,
     * or fails to): discovery is a help, never a reason to stop.
     */
    public Optional<JsonNode> schemaAttribute(String schemaId, String attributeName) {
        Optional<JsonNode> all;
        try {
            all = schemas();
        } catch (ScimErrorException e) {
            return Optional.empty();
        }
        if (all.isEmpty()) {
            return Optional.empty();
        }
        JsonNode list = all.get().has("Resources") ? all.get().get("Resources") : all.get();
        if (!list.isArray()) {
            return Optional.empty();
        }
        for (JsonNode schema : list) {
            if (!schemaId.equals(schema.path("id").asText())) {
                continue;
            }
            for (JsonNode attribute : schema.path("attributes")) {
                if (attributeName.equalsIgnoreCase(attribute.path("name").asText())) {
                    return Optional.of(attribute);
                }
            }
        }
        return Optional.empty();
    }

    /** Tells the person running the command something on stderr (a fallback that costs time, a server's fault). */
    void notice(String message) {
        config.listener().notice(message);
    }

    public Optional<JsonNode> resourceTypes() {
        return optional("ResourceTypes");
    }

    /** GETs an endpoint that servers may not implement: 404, 405 and 501 mean "not served". */
    private Optional<JsonNode> optional(String path) {
        try {
            return Optional.ofNullable(send(ScimRequest.get(path)).body());
        } catch (ScimException e) {
            if (e.isNotServed()) { // a SCIM error or a framework's page; never a dropped connection or a redirect
                return Optional.empty();
            }
            throw e;
        }
    }

    // ---- resources --------------------------------------------------------------------------------------------

    /**
     * Lists a resource endpoint lazily, in the server's order: one page in memory at a time, or, with
     * {@link ListQuery#parallelism()} above 1, a bounded window of pages fetched ahead ({@link ConcurrentPager}).
     * Close the stream (try-with-resources) when stopping early, so that pages in flight are cancelled.
     */
    public Stream<JsonNode> list(String resource, ListQuery query) {
        return list(resource, query, () -> {
        });
    }

    /**
     * As {@link #list(String, ListQuery)}, running {@code beforeWait} on the reading thread whenever the next resource
     * is not yet in memory: the place to flush output, so that a reader downstream gets each page as it arrives.
     */
    public Stream<JsonNode> list(String resource, ListQuery query, Runnable beforeWait) {
        if (query.parallelism() > 1) {
            ConcurrentPager pager = new ConcurrentPager(this, resource, query, config.listener(), beforeWait);
            return Pager.stream(pager).onClose(pager::close);
        }
        return new Pager(this, resource, query, config.listener(), beforeWait).stream();
    }

    /**
     * As {@link #list(String, ListQuery, Runnable)}, but the query's filter is applied here where the server cannot:
     * see {@link LocalFiltering}.
     */
    public Stream<JsonNode> listFiltered(String resource, ListQuery query, Runnable beforeWait) {
        return new LocalFiltering(this, config.listener()).list(resource, query, beforeWait);
    }

    public JsonNode get(String resource, String id) {
        return requireBody(send(ScimRequest.get(resource + "/" + encodePath(id))), resource);
    }

    /** totalResults of a one-item listing of {@code resource}, or -1 when the server does not say. */
    public long count(String resource) {
        return page(resource, Map.of("startIndex", "1", "count", "1")).total();
    }

    /**
     * GETs one page of a listing, its resources checked and parsed one by one as they are read ({@link ListShape}).
     * Safe to call from several threads.
     */
    Pager.Page page(String resource, Map<String, String> query) {
        URI uri = resolve(resource, query);
        Pager.Page page = ResponseReader.interpretPage(sendWithRetries("GET", uri, null, Map.of(), true), resource);
        config.listener().received(page.resources());
        return page;
    }

    /** POSTs a new resource. Not repeated after a dropped connection unless {@code repeatable}: it may have been created. */
    public JsonNode create(String resource, JsonNode body, boolean repeatable) {
        ScimResponse created = send(ScimRequest.post(resource, body).repeatable(repeatable));
        return isDryRun() ? null : requireBody(created, resource);
    }

    public JsonNode replace(String resource, String id, JsonNode body, String ifMatch) {
        return send(ScimRequest.put(resource + "/" + encodePath(id), body, ifMatch)).body();
    }

    /** PATCHes a resource; returns the resource when the server sends it back (200), else null (204). */
    public JsonNode patch(String resource, String id, PatchOp op, String ifMatch, boolean repeatable) {
        return send(ScimRequest.patch(resource + "/" + encodePath(id), op, ifMatch).repeatable(repeatable)).body();
    }

    public void delete(String resource, String id) {
        send(ScimRequest.delete(resource + "/" + encodePath(id)));
    }

    public <T> T convert(JsonNode node, Class<T> type, String where) {
        try {
            return ScimJson.mapper().treeToValue(node, type);
        } catch (JsonProcessingException e) {
            throw unreadable(type, where, e.getOriginalMessage(), e);
        } catch (IllegalArgumentException e) {
            throw unreadable(type, where, e.getMessage(), e);
        }
    }

    private ScimProtocolException unreadable(Class<?> type, String where, String why, Exception e) {
        return new ScimProtocolException(resolve(where, Map.of()),
                "the server sent a " + type.getSimpleName() + " that scimctl cannot read from " + where + ": " + why, e);
    }

    private JsonNode requireBody(ScimResponse r, String where) {
        if (r.body() == null) {
            throw new ScimProtocolException(r.uri(), "the server answered " + r.status() + " with an empty body from "
                    + r.uri() + " where a SCIM " + where + " resource was expected", null);
        }
        return r.body();
    }

    // ---- the exchange -----------------------------------------------------------------------------------------

    /** Sends one request, with retries, and returns the 2xx response, or throws a {@link ScimException}. */
    public ScimResponse send(ScimRequest request) {
        URI uri = resolve(request.path(), request.query());
        java.util.function.Consumer<PlannedRequest> planned = dryRun;
        if (planned != null && !"GET".equals(request.method())) {
            JsonNode body = request.body() == null ? null : ScimJson.mapper().valueToTree(request.body());
            planned.accept(new PlannedRequest(request.method(), uri, request.ifMatch(), body));
            return new ScimResponse(uri, 0, java.net.http.HttpHeaders.of(Map.of(), (n, v) -> true), null);
        }
        HttpResponse<Body> response = sendWithRetries(request.method(), uri, serialise(request.body()),
                request.ifMatch() == null ? Map.of() : Map.of("If-Match", request.ifMatch()), request.repeatable());
        ScimResponse answer = ResponseReader.interpret(request.method(), response);
        if (answer.body() != null) {
            config.listener().received(answer.body());
        }
        return answer;
    }

    /**
     * Sends a request as a person wrote it ({@code scimctl api}): its own path and query, extra headers, the body's
     * bytes as given. Retries, redirects, the token and the proxy are as for {@link #send}; any status comes back,
     * so that the caller can show it before {@link RawResponse#checked()} turns an error into an exception.
     */
    public RawResponse exchange(RawRequest request) {
        URI uri = resolveTarget(request.target());
        HttpResponse<Body> response = sendWithRetries(request.method(), uri, request.body(), request.headers(),
                request.repeatable());
        return new RawResponse(request.method(), response.uri(),
                response.version() == HttpClient.Version.HTTP_2 ? "HTTP/2" : "HTTP/1.1", response.statusCode(),
                response.headers(),
                response.body() == null ? new byte[0] : response.body().bytes());
    }

    private HttpResponse<Body> sendWithRetries(String method, URI uri, byte[] body, Map<String, String> headers,
                                                 boolean repeatable) {
        RetryPolicy retry = config.retry();
        for (int attempt = 1; ; attempt++) {
            HttpResponse<Body> response;
            try {
                response = exchange(method, uri, body, headers);
            } catch (ScimConnectionException e) {
                if (attempt == 1 && e.kind() == ScimConnectionException.Kind.RESET && network.route(uri).isDirect()) {
                    // An http:// URL to a TLS port is cut off at once; retrying would only repeat it.
                    ScimConnectionException mixup = SchemeMixup.tlsOnPlainUrl(uri, config.baseUrl(), probeMillis());
                    if (mixup != null) {
                        throw mixup;
                    }
                }
                if (attempt < retry.maxAttempts() && repeatable
                        && e.kind() == ScimConnectionException.Kind.RESET) {
                    pause(retry.backoff(attempt), method, uri, e.kind().text(), attempt);
                    continue;
                }
                throw e;
            }
            int status = response.statusCode();
            if (attempt < retry.maxAttempts() && isRetryable(status, repeatable)) {
                Optional<Duration> asked = RetryAfter.parse(response.headers().firstValue("Retry-After").orElse(null),
                        config.clock());
                if (asked.isEmpty() || asked.get().compareTo(retry.maxRetryAfter()) <= 0) {
                    // The backoff is a floor: a server that refuses with "Retry-After: 0" and is asked again at once
                    // refuses again, and five attempts are spent in a few milliseconds.
                    Duration backoff = retry.backoff(attempt);
                    Duration wait = asked.filter(a -> a.compareTo(backoff) > 0).orElse(backoff);
                    pause(wait, method, uri, status, status + " " + HttpStatus.reason(status), attempt);
                    continue;
                }
                config.listener().notice("the server asked to wait " + asked.get().toSeconds()
                        + " s before retrying, longer than scimctl waits (" + retry.maxRetryAfter().toSeconds() + " s)");
            }
            return response;
        }
    }

    /** 429 means the server refused before acting, so any method may repeat; a 5xx may have acted half-way. */
    private static boolean isRetryable(int status, boolean repeatable) {
        if (status == 429) {
            return true;
        }
        return (status == 502 || status == 503 || status == 504) && repeatable;
    }

    private void pause(Duration wait, String method, URI uri, String why, int attempt) {
        pause(wait, method, uri, 0, why, attempt);
    }

    private void pause(Duration wait, String method, URI uri, int status, String why, int attempt) {
        config.listener().retrying(method, uri, status, wait);
        config.listener().notice(String.format(Locale.ROOT, "%s %s: %s; retrying in %.1f s (attempt %d of %d)",
                method, uri.getRawPath(), why, wait.toMillis() / 1000.0, attempt + 1,
                config.retry().maxAttempts()));
        try {
            config.sleeper().sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while waiting to retry");
        }
    }

    /** One HTTP exchange, following redirects only within the same origin. */
    private HttpResponse<Body> exchange(String method, URI uri, byte[] body, Map<String, String> headers) {
        URI current = uri;
        for (int hop = 0; ; hop++) {
            HttpResponse<Body> response = sendOnce(method, current, body, headers);
            int status = response.statusCode();
            boolean redirect = status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
            Optional<String> location = response.headers().firstValue("Location");
            if (!redirect || location.isEmpty()) {
                return response;
            }
            URI target = current.resolve(location.get().strip());
            if (!Origin.of(target).equals(Origin.of(current))) {
                if (SchemeMixup.isUpgrade(current, target)) {
                    throw ScimRedirectException.toHttps(current, target, SchemeMixup.upgraded(config.baseUrl(), target));
                }
                throw new ScimRedirectException(current, target);
            }
            if (hop >= MAX_SAME_ORIGIN_REDIRECTS) {
                throw new ScimProtocolException(current, "more than " + MAX_SAME_ORIGIN_REDIRECTS
                        + " redirects starting at " + uri + ": is the base URL right?", null);
            }
            if (status == 303) {
                method = "GET";
                body = null;
            }
            current = target;
        }
    }

    private HttpResponse<Body> sendOnce(String method, URI uri, byte[] body, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri)
                .timeout(config.requestTimeout())
                .header("Authorization", "Bearer " + config.token().reveal());
        // Accept, User-Agent and Content-Type are ours unless the caller (scimctl api -H) set them.
        Map<String, String> named = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        named.putAll(headers);
        if (!named.containsKey("Accept")) {
            b.header("Accept", ScimJson.MEDIA_TYPE + ", application/json;q=0.9");
        }
        if (!named.containsKey("User-Agent")) {
            b.header("User-Agent", config.userAgent());
        }
        for (Map.Entry<String, String> h : headers.entrySet()) {
            b.header(h.getKey(), h.getValue());
        }
        String proxyAuthorization = network.proxyAuthorization(uri);
        if (proxyAuthorization != null) {
            b.header("Proxy-Authorization", proxyAuthorization);
        }
        if (body != null) {
            if (!named.containsKey("Content-Type")) {
                b.header("Content-Type", ScimJson.MEDIA_TYPE);
            }
            b.method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpRequest httpRequest = b.build();
        log.request(httpRequest, body == null ? 0 : body.length);
        long started = System.nanoTime();
        CompletableFuture<HttpResponse<Body>> future =
                http.sendAsync(httpRequest, Body.handler(config.maxResponseBytes()));
        try {
            // The request timeout bounds the whole exchange, body included, so a server that trickles never hangs us.
            HttpResponse<Body> response = awaitResponse(future, uri, started);
            schemeSettled = true;
            log.response(response, System.nanoTime() - started);
            ProxyRoute route = network.route(uri);
            if (response.statusCode() == 407 && !route.isDirect()) {
                // The proxy's answer, not the server's: a SCIM server never asks for proxy authentication.
                throw Failures.proxyRefused(uri, route, 407, null);
            }
            return response;
        } catch (TimeoutException e) {
            future.cancel(true);
            log.failure(httpRequest, "timed out", System.nanoTime() - started);
            throw Failures.timeout(uri, config.requestTimeout(), config.names());
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            log.failure(httpRequest, cause.getClass().getSimpleName(), System.nanoTime() - started);
            Body.TooLargeException tooLarge = Failures.find(cause, Body.TooLargeException.class);
            if (tooLarge != null) {
                throw tooLarge(method, uri, tooLarge, config.names());
            }
            java.net.ProtocolException protocol = Failures.find(cause, java.net.ProtocolException.class);
            String refused = protocol == null ? "" : String.valueOf(protocol.getMessage());
            if (refused.startsWith("Invalid header")) {
                // The JDK quotes the whole header, value and all: it may be a session cookie, so only its name is said,
                // and the JDK's exception is not kept as the cause (--debug would print it).
                int quote = refused.indexOf('"');
                int colon = refused.indexOf(':', quote + 1);
                String name = quote >= 0 && colon > quote ? " (" + refused.substring(quote + 1, colon) + ")" : "";
                throw new ScimProtocolException(uri, method + " " + uri + ": the server sent a response header" + name
                        + " Java's HTTP client refuses as malformed (a control character in it): a misconfigured "
                        + "server or proxy is in the way", null);
            }
            if (refused.toLowerCase(Locale.ROOT).contains("header")) {
                throw new ScimProtocolException(uri, method + " " + uri + ": the server's response headers are "
                        + "larger than Java's HTTP client accepts (" + protocol.getMessage() + "): a misconfigured "
                        + "server or proxy (huge cookies?) is in the way", protocol);
            }
            if (cause instanceof IOException io) {
                if (Failures.isNotTls(io) && network.route(uri).isDirect()) {
                    // An https request answered with something that is not TLS: most likely plain HTTP.
                    ScimConnectionException mixup = SchemeMixup.plainHttpOnTlsUrl(uri, config.baseUrl(), probeMillis());
                    if (mixup != null) {
                        throw mixup;
                    }
                }
                throw Failures.classify(io, uri, config.requestTimeout(), network, config.names());
            }
            throw new ScimProtocolException(uri, "the HTTP exchange with " + uri + " failed: " + cause, cause);
        }
    }

    private static ScimProtocolException tooLarge(String method, URI uri, Body.TooLargeException e,
                                                  Setting.Names names) {
        String size = e.declared > 0 ? "of " + e.declared + " bytes (its Content-Length)" : "of more than " + e.limit
                + " bytes";
        return new ScimProtocolException(uri, method + " " + uri + " answered with a body " + size + ", past the "
                + "limit of " + e.limit + " bytes (" + (e.limit / (1024 * 1024)) + " MiB) that scimctl reads; it "
                + "stopped reading. A SCIM page is far smaller: ask for smaller pages (" + names.of(Setting.PAGE_SIZE) + "), or raise the "
                + "limit with SCIMCTL_MAX_RESPONSE_SIZE if the answer is genuine", e);
    }

    /**
     * Waits for the response. An https request still silent after a moment may be a TLS handshake that a plain-HTTP
     * port will never answer: that is asked of the port once, so the mix-up is named at once, not after the timeout.
     */
    private HttpResponse<Body> awaitResponse(CompletableFuture<HttpResponse<Body>> future, URI uri, long started)
            throws InterruptedException, ExecutionException, TimeoutException {
        long limit = config.requestTimeout().toMillis() + 250;
        if (!"https".equalsIgnoreCase(uri.getScheme()) || schemeSettled || limit <= SchemeMixup.STALL_MILLIS
                || !network.route(uri).isDirect()) {
            return future.get(limit, TimeUnit.MILLISECONDS);
        }
        try {
            return future.get(SchemeMixup.STALL_MILLIS, TimeUnit.MILLISECONDS);
        } catch (TimeoutException stalled) {
            schemeSettled = true;
            ScimConnectionException mixup = SchemeMixup.plainHttpOnTlsUrl(uri, config.baseUrl(), probeMillis());
            if (mixup != null) {
                future.cancel(true);
                throw mixup;
            }
            long left = limit - (System.nanoTime() - started) / 1_000_000;
            return future.get(Math.max(1, left), TimeUnit.MILLISECONDS);
        }
    }

    private int probeMillis() {
        return (int) Math.min(config.connectTimeout().toMillis(), 3000);
    }

    private byte[] serialise(Object body) {
        if (body == null) {
            return null;
        }
        try {
            return ScimJson.mapper().writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise request body", e);
        }
    }

    /** Joins a path below the base URL and encodes the query; values are encoded with %20, never '+'. */
    URI resolve(String path, Map<String, String> query) {
        String base = config.baseUrl().toString();
        StringBuilder b = new StringBuilder(base);
        if (!base.endsWith("/")) {
            b.append('/');
        }
        b.append(path.startsWith("/") ? path.substring(1) : path);
        String sep = "?";
        for (Map.Entry<String, String> e : query.entrySet()) {
            b.append(sep).append(encodeQuery(e.getKey())).append('=').append(encodeQuery(e.getValue()));
            sep = "&";
        }
        return URI.create(b.toString());
    }

    /**
     * The URL of a path a person wrote ({@code Users?filter=userName eq "a"}), below the base URL. Characters a URL
     * cannot hold (spaces, quotes, non-ASCII) are percent-encoded; what is already encoded stays as it is.
     */
    URI resolveTarget(String target) {
        String base = config.baseUrl().toString();
        StringBuilder b = new StringBuilder(base);
        if (!base.endsWith("/")) {
            b.append('/');
        }
        String relative = target.startsWith("/") ? target.substring(1) : target;
        byte[] bytes = relative.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            int c = bytes[i] & 0xff;
            boolean encodedAlready = c == '%' && i + 2 < bytes.length && isHex(bytes[i + 1]) && isHex(bytes[i + 2]);
            if (encodedAlready || c > 0x20 && c < 0x7f && "\"<>\\^`{|}[] ".indexOf(c) < 0) {
                b.append((char) c);
            } else {
                b.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return URI.create(b.toString());
    }

    private static boolean isHex(byte c) {
        return Character.digit(c, 16) >= 0;
    }

    private static String encodeQuery(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static String encodePath(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Query parameters for one page of a listing. */
    static Map<String, String> pageQuery(ListQuery q, long startIndex, int count) {
        Map<String, String> params = new LinkedHashMap<>();
        if (q.filter() != null) {
            params.put("filter", q.filter().expression());
        }
        if (!q.attributes().isEmpty()) {
            params.put("attributes", String.join(",", q.attributes()));
        }
        if (q.sortBy() != null) {
            params.put("sortBy", q.sortBy());
            params.put("sortOrder", q.descending() ? "descending" : "ascending");
        }
        params.put("startIndex", Long.toString(startIndex));
        params.put("count", Integer.toString(count));
        return params;
    }

    /** A JSON object node, for commands that build request bodies. */
    public ObjectNode newObject() {
        return JsonNodeFactory.instance.objectNode();
    }

    @Override
    public void close() {
        // HttpClient has no close() before Java 21; its selector thread would hold the JVM's exit for 300 ms.
        HttpClientShutdown.closeSelector(http);
    }
}
