package dev.scimctl.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import de.captaingoldfish.scim.sdk.common.constants.enums.HttpMethod;
import de.captaingoldfish.scim.sdk.common.response.ScimResponse;
import de.captaingoldfish.scim.sdk.server.endpoints.Context;
import de.captaingoldfish.scim.sdk.server.endpoints.ResourceEndpoint;

/**
 * Turns one HTTP exchange into a call of the SDK's {@link ResourceEndpoint}: adds the configured latency and
 * faults, checks the bearer token, smooths over what the SDK is stricter about than real servers, and writes
 * the SCIM response back.
 */
final class ScimExchangeHandler implements HttpHandler {

    private static final String SCIM_JSON = "application/scim+json";
    private static final int MAX_BODY_BYTES = 8 * 1024 * 1024;
    private static final Set<String> RESOURCE_ENDPOINTS = Set.of("Users", "Groups", "ServiceProviderConfig",
            "Schemas", "ResourceTypes");
    /**
     * The 401's detail. With the {@code WWW-Authenticate} realm {@value #REALM} it tells a client that it talks to
     * a sandbox, whose token is the one it printed or saved, not a NinjaOne token that expired.
     */
    static final String UNAUTHORIZED_DETAIL = "scimctl sandbox: a valid 'Authorization: Bearer <token>' header is"
            + " required; send the token this sandbox printed at start (with --data, the one saved beside its data file)";
    static final String REALM = "scimctl-sandbox";
    private static final Set<String> UNSUPPORTED_ENDPOINTS = Set.of("Bulk", "Me", ".search");

    private final ResourceEndpoint endpoint;
    private final SandboxStore store;
    private final boolean patchSupported;
    private final String basePath;
    private final byte[] expectedAuthorization;
    private final Duration latency;
    private final double failRate;
    private final Consumer<SandboxRequest> requestListener;
    /**
     * Serialises writes. The SDK reads a resource, applies a PATCH and then writes it back; without this, two
     * concurrent PATCHes of one group could each drop the other's change.
     */
    private final ReentrantLock writeLock = new ReentrantLock();

    ScimExchangeHandler(ResourceEndpoint endpoint, SandboxStore store, boolean patchSupported, String basePath,
            String token, Duration latency, double failRate, Consumer<SandboxRequest> requestListener) {
        this.endpoint = endpoint;
        this.store = store;
        this.patchSupported = patchSupported;
        this.basePath = basePath;
        this.expectedAuthorization = ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
        this.latency = latency;
        this.failRate = failRate;
        this.requestListener = requestListener;
    }

    /** One exchange being answered, reported to the listener once. (HttpExchange attributes are not per request.) */
    private static final class Call {
        final HttpExchange exchange;
        final long started = System.nanoTime();
        boolean reported;

        Call(HttpExchange exchange) {
            this.exchange = exchange;
        }
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        Call call = new Call(exchange);
        try {
            respond(call);
        } catch (IOException | RuntimeException e) {
            trySend(call, 500, SandboxJson.errorBody(500, null, "the sandbox failed: " + e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            trySend(call, 503, SandboxJson.errorBody(503, null, "the sandbox is shutting down"));
        } finally {
            exchange.close();
        }
    }

    /**
     * Tells the listener about a request just before its response goes out, so that a log line never trails the
     * response (a client that has its answer finds the line already written).
     */
    private void report(Call call, int status) {
        if (requestListener == null || call.reported) {
            return;
        }
        call.reported = true;
        HttpExchange exchange = call.exchange;
        requestListener.accept(new SandboxRequest(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                status, Duration.ofNanos(System.nanoTime() - call.started)));
    }

    private void respond(Call call) throws IOException, InterruptedException {
        HttpExchange exchange = call.exchange;
        if (!latency.isZero()) {
            Thread.sleep(latency.toMillis(), latency.toNanosPart() % 1_000_000);
        }
        byte[] body = readBody(exchange);
        if (body == null) {
            send(call, 413, SandboxJson.errorBody(413, "tooLarge", "the request body exceeds "
                    + MAX_BODY_BYTES + " bytes"));
            return;
        }
        if (failRate > 0 && ThreadLocalRandom.current().nextDouble() < failRate) {
            boolean tooMany = ThreadLocalRandom.current().nextBoolean();
            int status = tooMany ? 429 : 503;
            exchange.getResponseHeaders().set("Retry-After", "1");
            send(call, status, SandboxJson.errorBody(status, null, tooMany
                    ? "too many requests (a fault injected by the sandbox's fail rate)"
                    : "service unavailable (a fault injected by the sandbox's fail rate)"));
            return;
        }
        if (!authorized(exchange.getRequestHeaders().getFirst("Authorization"))) {
            exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer realm=\"" + REALM + "\"");
            send(call, 401, SandboxJson.errorBody(401, null, UNAUTHORIZED_DETAIL));
            return;
        }
        String rawPath = exchange.getRequestURI().getRawPath();
        String endpointName = endpointName(rawPath);
        if (endpointName == null || UNSUPPORTED_ENDPOINTS.contains(endpointName)) {
            notFoundOrUnsupported(call, rawPath, endpointName);
            return;
        }
        String notFound = notAResource(endpointName, rawPath);
        if (notFound != null) {
            send(call, 404, SandboxJson.errorBody(404, null, notFound));
            return;
        }
        HttpMethod method = httpMethod(exchange.getRequestMethod());
        if (method == null) {
            exchange.getResponseHeaders().set("Allow", "GET, POST, PUT, PATCH, DELETE");
            send(call, 405, SandboxJson.errorBody(405, null, exchange.getRequestMethod()
                    + " is not a SCIM method"));
            return;
        }
        String requestBody = body.length == 0 ? null : new String(body, StandardCharsets.UTF_8);
        if (requestBody != null && endpointName.equals("Users")) {
            requestBody = normaliseOrganizationIds(requestBody);
        }
        if (method == HttpMethod.PATCH && patchSupported && requestBody != null) {
            PatchRequests.Prepared prepared;
            try {
                prepared = PatchRequests.prepare(requestBody, storedResource(endpointName, rawPath));
            } catch (PatchRequests.Refused e) {
                send(call, 400, SandboxJson.errorBody(400, "invalidValue", e.getMessage()));
                return;
            }
            if (prepared.nothingToDo()) {
                // Removing what is not there leaves the resource as it is: answer with it, as a PATCH does.
                method = HttpMethod.GET;
                requestBody = null;
            } else {
                requestBody = prepared.body();
            }
        }
        ScimResponse response;
        if (method == HttpMethod.GET) {
            response = endpoint.handleRequest(requestUrl(exchange), method, requestBody, headers(exchange), new Context(null));
        } else {
            writeLock.lockInterruptibly();
            try {
                response = endpoint.handleRequest(requestUrl(exchange), method, requestBody, headers(exchange),
                        new Context(null));
            } finally {
                writeLock.unlock();
            }
        }
        send(call, response, endpointName, method);
    }

    /** The stored user or group a path such as {@code /scim/v2/Users/ID} names, or null. */
    private JsonNode storedResource(String endpointName, String rawPath) {
        String[] segments = rawPath.substring(basePath.length() + 1).split("/", -1);
        if (segments.length != 2) {
            return null;
        }
        String id = URLDecoder.decode(segments[1], StandardCharsets.UTF_8);
        return switch (endpointName) {
            case "Users" -> store.user(id).orElse(null);
            case "Groups" -> store.group(id).orElse(null);
            default -> null;
        };
    }

    /**
     * Why a path under an endpoint names nothing the SDK should be asked about, or null when it may. The SDK
     * answers {@code GET /Users/Users} with the user listing, so a base URL given with {@code /Users} on its end
     * would look right; and it lists resource types and schemas that the sandbox does not serve.
     */
    private String notAResource(String endpointName, String rawPath) {
        String[] segments = rawPath.substring(basePath.length() + 1).split("/", -1);
        if (segments.length == 1 || segments.length == 2 && segments[1].isEmpty()) {
            return null; // the endpoint itself, with or without a trailing slash
        }
        String id = URLDecoder.decode(segments[1], StandardCharsets.UTF_8);
        boolean oneId = segments.length == 2 && !id.isEmpty();
        boolean served = switch (endpointName) {
            case "Users", "Groups" -> oneId && !RESOURCE_ENDPOINTS.contains(id) && !UNSUPPORTED_ENDPOINTS.contains(id)
                    || oneId && id.equals(".search");
            case "Schemas", "ResourceTypes" -> oneId && DiscoveryDocuments.serves(endpointName, id);
            default -> false;
        };
        if (served) {
            return null;
        }
        String hint = RESOURCE_ENDPOINTS.contains(id)
                ? "; is /" + endpointName + " on the end of the base URL? The base URL is " + basePath
                : "";
        return "no resource at " + rawPath + hint;
    }

    /** The first path segment after the base path ("Users" for /scim/v2/Users/42), or null if outside it. */
    private String endpointName(String rawPath) {
        if (!rawPath.startsWith(basePath + "/")) {
            return null;
        }
        String rest = rawPath.substring(basePath.length() + 1);
        int slash = rest.indexOf('/');
        String name = slash < 0 ? rest : rest.substring(0, slash);
        return RESOURCE_ENDPOINTS.contains(name) || UNSUPPORTED_ENDPOINTS.contains(name) ? name : null;
    }

    private void notFoundOrUnsupported(Call call, String rawPath, String endpointName) throws IOException {
        if (endpointName != null) {
            // RFC 7644 section 3.12: 501 for an operation the service provider does not support.
            send(call, 501, SandboxJson.errorBody(501, null, "/" + endpointName
                    + " is not supported by this service provider"));
            return;
        }
        send(call, 404, SandboxJson.errorBody(404, null, "no SCIM endpoint at " + rawPath
                + "; the base URL is " + basePath));
    }

    private boolean authorized(String header) {
        if (header == null) {
            return false;
        }
        // The scheme is case-insensitive (RFC 9110); the token is compared in constant time.
        String normalised = header.regionMatches(true, 0, "Bearer ", 0, 7) ? "Bearer " + header.substring(7).strip() : header;
        return MessageDigest.isEqual(normalised.getBytes(StandardCharsets.UTF_8), expectedAuthorization);
    }

    /**
     * Request headers as the SDK wants them. The SDK refuses {@code application/json}, which RFC 7644 section
     * 8.1 allows a server to accept and which many clients send, so it is passed on as SCIM's media type.
     */
    private static Map<String, String> headers(HttpExchange exchange) {
        Map<String, String> headers = new HashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!values.isEmpty() && !name.equalsIgnoreCase("Authorization")) {
                headers.put(name, values.get(0));
            }
        });
        headers.entrySet().stream().filter(header -> header.getKey().equalsIgnoreCase("Content-Type")).findFirst()
                .ifPresent(contentType -> {
                    String mediaType = contentType.getValue().split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
                    if (mediaType.equals("application/json") || mediaType.equals(SCIM_JSON)) {
                        contentType.setValue(SCIM_JSON);
                    }
                });
        return headers;
    }

    private static String requestUrl(HttpExchange exchange) {
        String host = exchange.getRequestHeaders().getFirst("Host");
        if (host == null || host.isBlank()) {
            host = exchange.getLocalAddress().getHostString() + ":" + exchange.getLocalAddress().getPort();
        }
        String query = exchange.getRequestURI().getRawQuery();
        return "http://" + host + exchange.getRequestURI().getRawPath() + (query == null ? "" : "?" + query);
    }

    private static String normaliseOrganizationIds(String requestBody) {
        try {
            JsonNode tree = SandboxJson.MAPPER.readTree(requestBody);
            return tree != null && NinjaOneRules.organizationIdNumbersToText(tree) ? tree.toString() : requestBody;
        } catch (JsonProcessingException unparseable) {
            return requestBody; // the SDK answers it with its own invalidSyntax error
        }
    }

    private static HttpMethod httpMethod(String method) {
        return switch (method) {
            case "GET" -> HttpMethod.GET;
            case "POST" -> HttpMethod.POST;
            case "PUT" -> HttpMethod.PUT;
            case "PATCH" -> HttpMethod.PATCH;
            case "DELETE" -> HttpMethod.DELETE;
            default -> null;
        };
    }

    /** Reads the request body, or returns null if it is larger than the sandbox accepts. */
    private static byte[] readBody(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
            return body.length > MAX_BODY_BYTES ? null : body;
        }
    }

    private void send(Call call, ScimResponse response, String endpointName, HttpMethod method) throws IOException {
        Headers headers = call.exchange.getResponseHeaders();
        response.getHttpHeaders().forEach(headers::set);
        int status = response.getHttpStatus();
        String body = response.isEmpty() || status == 304 ? "" : response.toString();
        if (!body.isBlank()) {
            ObjectNode json = (ObjectNode) SandboxJson.MAPPER.readTree(body);
            if (status == 200 && method == HttpMethod.GET
                    && (endpointName.equals("Schemas") || endpointName.equals("ResourceTypes"))) {
                DiscoveryDocuments.rewrite(endpointName, json);
            }
            SandboxJson.normaliseResponse(json);
            body = json.toString();
        }
        // The SDK puts the request's ETag, not the updated resource's, on PUT responses: use meta.version.
        JsonNode version = response.path("meta").path("version");
        if (version.isTextual() && status < 300) {
            headers.set("ETag", version.textValue());
        }
        send(call, status, body);
    }

    private void send(Call call, int status, String body) throws IOException {
        HttpExchange exchange = call.exchange;
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        boolean noBody = status == 204 || status == 304 || bytes.length == 0;
        if (!noBody) {
            exchange.getResponseHeaders().set("Content-Type", SCIM_JSON);
        }
        report(call, status);
        exchange.sendResponseHeaders(status, noBody ? -1 : bytes.length);
        if (!noBody) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    private void trySend(Call call, int status, String body) {
        try {
            send(call, status, body);
        } catch (IOException | RuntimeException alreadyAnswered) {
            // Headers were sent before the failure, or the client is gone: nothing more to tell it.
        }
    }
}
