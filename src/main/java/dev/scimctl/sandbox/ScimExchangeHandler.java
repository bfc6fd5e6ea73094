package dev.scimctl.sandbox;

import dev.scimctl.scim.ScimErrorException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import de.captaingoldfish.scim.sdk.common.constants.enums.HttpMethod;
import de.captaingoldfish.scim.sdk.common.response.ScimResponse;
import de.captaingoldfish.scim.sdk.common.schemas.Schema;
import de.captaingoldfish.scim.sdk.server.endpoints.Context;
import de.captaingoldfish.scim.sdk.server.endpoints.ResourceEndpoint;
import de.captaingoldfish.scim.sdk.server.schemas.ResourceType;

import dev.scimctl.sandbox.SandboxHttpServer.Head;
import dev.scimctl.sandbox.SandboxHttpServer.Reply;

/**
 * Turns one HTTP request into a call of the SDK's {@link ResourceEndpoint}: adds the configured latency and
 * faults, checks the bearer token and the path before the body is read, smooths over what the SDK is stricter
 * about than real servers (or less strict than the RFC), and makes the SCIM response.
 */
final class ScimExchangeHandler implements SandboxHttpServer.Handler {

    static final long MAX_BODY_BYTES = 8 * 1024 * 1024;
    private static final String SCIM_JSON = "application/scim+json";
    private static final Set<String> RESOURCE_ENDPOINTS = Set.of("Users", "Groups", "ServiceProviderConfig",
            "Schemas", "ResourceTypes");
    /**
     * The 401's detail. With the {@code WWW-Authenticate} realm {@value #REALM} it tells a client that it talks to
     * a sandbox, whose token is the one it printed or saved, not a NinjaOne token that expired.
     */
    static final String UNAUTHORIZED_DETAIL = "scimctl sandbox: a valid 'Authorization: Bearer <token>' header is"
            + " required; send the token this sandbox printed at start (with --data, the one saved beside its data file)";
    static final String REALM = ScimErrorException.SANDBOX_REALM;
    private static final Set<String> UNSUPPORTED_ENDPOINTS = Set.of("Bulk", "Me", ".search");
    /** RFC 7644 section 3.12's scimType keywords. */
    private static final Set<String> RFC_SCIM_TYPES = Set.of("invalidFilter", "tooMany", "uniqueness", "mutability",
            "invalidSyntax", "invalidPath", "noTarget", "invalidValue", "invalidVers", "sensitive");
    /** An entity tag, weak or strong; group 1 is its opaque part with the quotes. */
    private static final Pattern ENTITY_TAG = Pattern.compile("(?:W/)?(\"[^\"]*\")");

    private final ResourceEndpoint endpoint;
    private final SandboxStore store;
    private final boolean patchSupported;
    private final boolean secure;
    private final String basePath;
    private final byte[] expectedAuthorization;
    private final Duration latency;
    private final double failRate;
    private final Consumer<SandboxRequest> requestListener;
    private final DiscoveryDocuments discovery;
    /** When the request on this connection's thread began, for the listener's elapsed time. */
    private final ThreadLocal<Long> started = new ThreadLocal<>();
    /**
     * Serialises writes. The SDK reads a resource, applies a PATCH and then writes it back; without this, two
     * concurrent PATCHes of one group could each drop the other's change.
     */
    private final ReentrantLock writeLock = new ReentrantLock();

    ScimExchangeHandler(ResourceEndpoint endpoint, SandboxStore store, boolean patchSupported, boolean secure,
            String basePath, String token, Duration latency, double failRate, Consumer<SandboxRequest> requestListener,
            DiscoveryDocuments discovery) {
        this.endpoint = endpoint;
        this.store = store;
        this.patchSupported = patchSupported;
        this.secure = secure;
        this.basePath = basePath;
        this.expectedAuthorization = ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
        this.latency = latency;
        this.failRate = failRate;
        this.requestListener = requestListener;
        this.discovery = discovery;
    }

    /** Everything that needs no body: latency, faults, the token, the path, the method. */
    @Override
    public Reply beforeBody(Head head) throws InterruptedException {
        started.set(System.nanoTime());
        if (!latency.isZero()) {
            Thread.sleep(latency.toMillis(), latency.toNanosPart() % 1_000_000);
        }
        if (failRate > 0 && ThreadLocalRandom.current().nextDouble() < failRate) {
            boolean tooMany = ThreadLocalRandom.current().nextBoolean();
            int status = tooMany ? 429 : 503;
            return reply(head, status, SandboxJson.errorBody(status, null, tooMany
                    ? "too many requests (a fault injected by the sandbox's fail rate)"
                    : "service unavailable (a fault injected by the sandbox's fail rate)")).header("Retry-After", "1");
        }
        if (!authorized(head.header("Authorization"))) {
            return reply(head, 401, SandboxJson.errorBody(401, null, UNAUTHORIZED_DETAIL))
                    .header("WWW-Authenticate", "Bearer realm=\"" + REALM + "\"");
        }
        String rawPath = head.uri().getRawPath();
        String endpointName = endpointName(rawPath);
        if (endpointName == null || UNSUPPORTED_ENDPOINTS.contains(endpointName)) {
            return notFoundOrUnsupported(head, rawPath, endpointName);
        }
        String notFound = notAResource(endpointName, rawPath);
        if (notFound != null) {
            return reply(head, 404, SandboxJson.errorBody(404, null, notFound));
        }
        String allowed = allowedMethods(endpointName, rawPath);
        if (httpMethod(head.method()) == null) {
            return reply(head, 405, SandboxJson.errorBody(405, null, head.method() + " is not a SCIM method"))
                    .header("Allow", allowed);
        }
        if (!List.of(allowed.split(", ")).contains(head.method())
                && !(head.method().equals("PATCH") && !patchSupported && allowed.contains("PUT"))) {
            // RFC 9110 section 15.5.6, which RFC 7644 section 3.12 leaves statuses outside its table to. The SDK
            // answered 400 with invalidParameters (no scimType of RFC 7644's) to DELETE /Users, and 501 to a POST of
            // a discovery document. A PATCH where PATCH is switched off keeps the SDK's 501 (not implemented).
            return reply(head, 405, SandboxJson.errorBody(405, null, head.method() + " " + rawPath
                    + " is not supported: " + allowed + " " + (allowed.contains(",") ? "are" : "is")
                    + " (RFC 7644 section 3)")).header("Allow", allowed);
        }
        String tooDeep = FilterDepth.problem(queryParameter(head, "filter"));
        if (tooDeep != null) {
            return reply(head, 400, SandboxJson.errorBody(400, "invalidFilter", tooDeep));
        }
        return null;
    }

    @Override
    public Reply tooLarge(long maxBytes) {
        return new Reply(413, SandboxJson.errorBody(413, "tooLarge", "the request body exceeds " + maxBytes + " bytes")
                .getBytes(StandardCharsets.UTF_8)).header("Content-Type", SCIM_JSON);
    }

    @Override
    public Reply handle(Head head, byte[] body) throws InterruptedException {
        try {
            return respond(head, body);
        } catch (StackOverflowError deep) {
            // A last resort behind FilterDepth: something nested too deep for the SDK's recursive parser.
            return reply(head, 400, SandboxJson.errorBody(400, "invalidFilter",
                    "the request is nested too deeply to be evaluated"));
        }
    }

    @Override
    public Reply failed(Head head, Throwable failure) {
        boolean classesGone = false;
        for (Throwable cause = failure; cause != null && !classesGone; cause = cause.getCause()) {
            classesGone = cause instanceof LinkageError || cause instanceof ClassNotFoundException;
        }
        return reply(head, 500, SandboxJson.errorBody(500, null, "the sandbox failed: " + failure
                + (classesGone ? "; were its classes (the scimctl jar) replaced while it ran? If so, restart the sandbox" : "")));
    }

    private Reply respond(Head head, byte[] body) throws InterruptedException {
        String rawPath = head.uri().getRawPath();
        String endpointName = endpointName(rawPath);
        HttpMethod method = httpMethod(head.method());
        String requestBody = body.length == 0 ? null : new String(body, StandardCharsets.UTF_8);
        if (requestBody != null && endpointName.equals("Users")) {
            requestBody = normaliseOrganizationIds(requestBody);
        }
        if (requestBody != null && method == HttpMethod.POST && requestBody.contains("\"meta\"")) {
            requestBody = withoutMeta(requestBody);
        }
        String schemaProblem = (method == HttpMethod.POST || method == HttpMethod.PUT) && requestBody != null
                ? schemasProblem(endpointName, rawPath, requestBody) : null;
        if (schemaProblem != null) {
            return reply(head, 400, SandboxJson.errorBody(400, "invalidSyntax", schemaProblem));
        }
        String tooDeep = requestBody == null ? null : FilterDepth.problemInBody(requestBody);
        if (tooDeep != null) {
            return reply(head, 400, SandboxJson.errorBody(400, "invalidFilter", tooDeep));
        }
        String patchSchemaProblem = method == HttpMethod.PATCH && patchSupported && requestBody != null
                ? PatchRequests.schemasProblem(requestBody) : null;
        if (patchSchemaProblem != null) {
            return reply(head, 400, SandboxJson.errorBody(400, "invalidSyntax", patchSchemaProblem));
        }
        if (method == HttpMethod.PATCH && patchSupported && requestBody != null) {
            PatchRequests.Prepared prepared;
            try {
                prepared = PatchRequests.prepare(requestBody, storedResource(endpointName, rawPath),
                        path -> defines(endpointName, path));
            } catch (PatchRequests.Refused e) {
                return reply(head, 400, SandboxJson.errorBody(400, e.scimType(), e.getMessage()));
            }
            if (prepared.nothingToDo()) {
                // Removing what is not there leaves the resource as it is: answer with it, as a PATCH does.
                method = HttpMethod.GET;
                requestBody = null;
            } else {
                requestBody = prepared.body();
            }
        }
        Map<String, String> headers = headers(head);
        if (method == HttpMethod.GET && headers.containsKey("if-none-match")
                && endpoint.getServiceProvider().getETagConfig().isSupported()) {
            ifNoneMatchForTheSdk(headers, storedResource(endpointName, rawPath));
        }
        ScimResponse response;
        if (method == HttpMethod.GET) {
            response = endpoint.handleRequest(requestUrl(head), method, requestBody, headers, new Context(null));
        } else {
            writeLock.lockInterruptibly();
            try {
                response = endpoint.handleRequest(requestUrl(head), method, requestBody, headers,
                        new Context(null));
            } finally {
                writeLock.unlock();
            }
        }
        return reply(head, response, endpointName, method);
    }

    /**
     * Why a user or group sent to be created or replaced lacks its {@code schemas}, or null. RFC 7643 section 3 makes
     * {@code schemas} required, naming the resource's core schema; the SDK filled it in, so a client that forgot it
     * was served here and refused by a stricter server.
     */
    private static String schemasProblem(String endpointName, String rawPath, String requestBody) {
        String core = switch (endpointName) {
            case "Users" -> "urn:ietf:params:scim:schemas:core:2.0:User";
            case "Groups" -> "urn:ietf:params:scim:schemas:core:2.0:Group";
            default -> null;
        };
        if (core == null || rawPath.endsWith("/.search")) {
            return null;
        }
        JsonNode tree;
        try {
            tree = SandboxJson.MAPPER.readTree(requestBody);
        } catch (JsonProcessingException unparseable) {
            return null; // the SDK answers it
        }
        if (!(tree instanceof ObjectNode resource)) {
            return null;
        }
        JsonNode schemas = resource.get("schemas");
        if (schemas instanceof ArrayNode list) {
            for (JsonNode schema : list) {
                if (schema.isTextual() && schema.textValue().equalsIgnoreCase(core)) {
                    return null;
                }
            }
        }
        return "schemas " + (schemas == null ? "is missing" : schemas + " does not name " + core)
                + ": RFC 7643 section 3 requires it; send \"schemas\": [\"" + core + "\", ...]";
    }

    /**
     * Whether the resource type behind an endpoint defines an attribute path ({@code name.givenName},
     * {@code urn:…:User:userType}, or a schema extension's URN itself), as the SDK resolves a PATCH path.
     */
    private boolean defines(String endpointName, String path) {
        String name = switch (endpointName) {
            case "Users" -> "User";
            case "Groups" -> "Group";
            default -> null;
        };
        // The SDK declares the Optional without its type argument.
        Optional<?> found = name == null ? Optional.empty() : endpoint.getResourceTypeByName(name);
        if (!(found.orElse(null) instanceof ResourceType type)) {
            return true; // not a resource with attributes: the SDK answers
        }
        for (Schema extension : type.getAllSchemaExtensions()) {
            if (extension.getNonNullId().equalsIgnoreCase(path)) {
                return true;
            }
        }
        return type.getSchemaAttribute(path).isPresent();
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
            case "Schemas", "ResourceTypes" -> oneId && discovery.serves(endpointName, id);
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

    /**
     * The methods the resource at a path takes, as an {@code Allow} header lists them: a collection is listed and
     * created in, {@code /.search} is POSTed to, a resource is read, replaced, patched (when PATCH is on) and
     * deleted, and the discovery documents are only read.
     */
    private String allowedMethods(String endpointName, String rawPath) {
        if (!endpointName.equals("Users") && !endpointName.equals("Groups")) {
            return "GET";
        }
        String[] segments = rawPath.substring(basePath.length() + 1).split("/", -1);
        if (segments.length == 1 || segments[1].isEmpty()) {
            return "GET, POST";
        }
        if (segments[1].equals(".search")) {
            return "POST";
        }
        return patchSupported ? "GET, PUT, PATCH, DELETE" : "GET, PUT, DELETE";
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

    private Reply notFoundOrUnsupported(Head head, String rawPath, String endpointName) {
        if (endpointName != null) {
            // RFC 7644 section 3.12: 501 for an operation the service provider does not support.
            return reply(head, 501, SandboxJson.errorBody(501, null, "/" + endpointName
                    + " is not supported by this service provider"));
        }
        return reply(head, 404, SandboxJson.errorBody(404, null, "no SCIM endpoint at " + rawPath
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
     * {@code If-Match: *} holds for any current version (RFC 9110 section 13.1.1), but the SDK compares it with the
     * version as if it were one, and answered 412 to every such update; it is dropped, so that a resource that is
     * there is updated and one that is not gets the 404 it would get anyway.
     */
    private static Map<String, String> headers(Head head) {
        Map<String, String> headers = new HashMap<>();
        head.headers().forEach((name, values) -> {
            if (!values.isEmpty() && !name.equals("authorization")
                    && !(name.equals("if-match") && values.get(0).strip().equals("*"))) {
                headers.put(name, values.get(0));
            }
        });
        String contentType = headers.get("content-type");
        if (contentType != null) {
            String mediaType = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
            if (mediaType.equals("application/json") || mediaType.equals(SCIM_JSON)) {
                headers.put("content-type", SCIM_JSON);
            }
        }
        return headers;
    }

    /**
     * Evaluates a GET's {@code If-None-Match} as RFC 9110 section 13.1.2 says and leaves the SDK a condition it
     * evaluates the same way: the current version when the condition matches it (the SDK answers 304), none when it
     * does not (or names nothing the sandbox can read, or there is no such resource). The SDK compared the header
     * with the version as one string, so {@code "2"} missed {@code W/"2"} (the comparison is weak), {@code *} missed
     * every version, and a list such as {@code "1", W/"2"} was a 400.
     */
    private static void ifNoneMatchForTheSdk(Map<String, String> headers, JsonNode stored) {
        String condition = headers.remove("if-none-match");
        String current = stored == null ? null : stored.path("meta").path("version").asText(null);
        if (current == null) {
            return;
        }
        boolean matches = condition.strip().equals("*");
        Matcher tag = ENTITY_TAG.matcher(condition);
        while (!matches && tag.find()) {
            matches = tag.group(1).equals(opaqueTag(current));
        }
        if (matches) {
            headers.put("if-none-match", current);
        }
    }

    /** {@code "2"} of {@code W/"2"} or of {@code "2"}: what the weak comparison compares. */
    private static String opaqueTag(String entityTag) {
        return entityTag.startsWith("W/") ? entityTag.substring(2) : entityTag;
    }

    /** The URL the client addressed (its Host), from which the SDK builds meta.location and $ref. */
    private String requestUrl(Head head) {
        String host = head.header("Host");
        if (host == null || host.isBlank()) {
            host = head.localAddress().getHostString() + ":" + head.localAddress().getPort();
        }
        String query = head.uri().getRawQuery();
        return (secure ? "https://" : "http://") + host + head.uri().getRawPath() + (query == null ? "" : "?" + query);
    }

    private static String normaliseOrganizationIds(String requestBody) {
        try {
            JsonNode tree = SandboxJson.MAPPER.readTree(requestBody);
            return tree != null && NinjaOneRules.organizationIdNumbersToText(tree) ? tree.toString() : requestBody;
        } catch (JsonProcessingException unparseable) {
            return requestBody; // the SDK answers it with its own invalidSyntax error
        }
    }

    /**
     * A new resource's body without {@code meta}, which is read-only (RFC 7643 §3.1) and the server's to set: the SDK
     * answered a create with the client's {@code meta.location}, as a file written by 'users get -o json' carries.
     */
    private static String withoutMeta(String requestBody) {
        try {
            JsonNode tree = SandboxJson.MAPPER.readTree(requestBody);
            return tree instanceof ObjectNode o && o.remove("meta") != null ? o.toString() : requestBody;
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

    private Reply reply(Head head, ScimResponse response, String endpointName, HttpMethod method) {
        int status = response.getHttpStatus();
        String body = response.isEmpty() || status == 304 ? "" : response.toString();
        if (!body.isBlank()) {
            ObjectNode json;
            try {
                json = (ObjectNode) SandboxJson.MAPPER.readTree(body);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("the SDK wrote JSON that does not parse", e);
            }
            if (status == 200 && method == HttpMethod.GET
                    && (endpointName.equals("Schemas") || endpointName.equals("ResourceTypes"))) {
                discovery.rewrite(endpointName, json);
            }
            if (method == HttpMethod.PATCH && status == 400 && json.path("scimType").asText().equals("invalidFilter")
                    && json.path("detail").asText().contains("is unknown to resource type")) {
                // The SDK calls a PATCH path to no attribute an invalid filter; RFC 7644 section 3.12 has invalidPath.
                json.put("scimType", "invalidPath");
            }
            if (status == 400) {
                json.put("scimType", rfcScimType(json, method));
            }
            SandboxJson.normaliseResponse(json);
            boolean error = json.path("schemas").toString().contains(SandboxJson.ERROR_SCHEMA);
            body = (error ? SandboxJson.plainError(json) : json).toString();
        }
        Reply reply = reply(head, status, body);
        response.getHttpHeaders().forEach((name, value) -> {
            if (!name.equalsIgnoreCase("Content-Type") && !name.equalsIgnoreCase("Content-Length")) {
                reply.header(name, value);
            }
        });
        // The SDK puts the request's ETag, not the updated resource's, on PUT responses: use meta.version.
        JsonNode version = response.path("meta").path("version");
        if (version.isTextual() && status < 300) {
            reply.headers.keySet().removeIf(name -> name.equalsIgnoreCase("ETag"));
            reply.header("ETag", version.textValue());
        }
        return reply;
    }

    /**
     * The RFC 7644 section 3.12 {@code scimType} of an SDK's 400. The SDK leaves it out for a value of the wrong type,
     * a missing required value or a query parameter it cannot parse, and has keywords of its own
     * ({@code unparseableRequest}, {@code invalidParameters}); a client that handles errors by their type learnt
     * nothing from those. Kept when it is the RFC's; else {@code invalidSyntax} for a body that is not JSON or not
     * the request message the RFC defines (its {@code urn:…:api:messages:…} schema, or not an object), and
     * {@code invalidValue} for a value that does not fit: a query parameter, or an attribute of the resource or
     * of a PATCH operation.
     */
    private static String rfcScimType(ObjectNode error, HttpMethod method) {
        String given = error.path("scimType").asText("");
        if (RFC_SCIM_TYPES.contains(given)) {
            return given;
        }
        if (given.equals("unparseableRequest")) {
            return "invalidSyntax";
        }
        String detail = error.path("detail").asText("");
        if (method == HttpMethod.GET || method == HttpMethod.DELETE) {
            return "invalidValue"; // no body: a query parameter
        }
        if (detail.contains("urn:ietf:params:scim:api:messages:")) {
            return "invalidSyntax";
        }
        if (error.path("errors").has("fieldErrors") || detail.contains("urn:ietf:params:scim:schemas:")
                || method == HttpMethod.PATCH) {
            return "invalidValue";
        }
        return "invalidSyntax";
    }

    /**
     * A reply with a SCIM JSON body (none if empty), reported to the listener now: just before it goes out, so
     * that a log line never trails the response.
     */
    private Reply reply(Head head, int status, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        Reply reply = new Reply(status, bytes);
        if (bytes.length > 0 && status != 204 && status != 304) {
            reply.header("Content-Type", SCIM_JSON);
        }
        if (requestListener != null) {
            Long since = started.get();
            requestListener.accept(new SandboxRequest(head.method(), head.uri().getRawPath(), status,
                    Duration.ofNanos(since == null ? 0 : System.nanoTime() - since)));
        }
        return reply;
    }

    /** A query parameter's decoded value, or null. */
    private static String queryParameter(Head head, String name) {
        String query = head.uri().getRawQuery();
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            String key = equals < 0 ? pair : pair.substring(0, equals);
            if (key.equalsIgnoreCase(name)) {
                try {
                    return equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException malformed) {
                    return null; // the SDK answers it
                }
            }
        }
        return null;
    }
}
