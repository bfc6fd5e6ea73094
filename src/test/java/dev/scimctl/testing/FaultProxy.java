package dev.scimctl.testing;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small HTTP/1.1 reverse proxy on 127.0.0.1 that puts scripted faults between a client and a SCIM server.
 *
 * <p>For each request a {@link Rule} picks a {@link Fault}: pass it on, answer 429/5xx/302/HTML/broken JSON
 * itself, delay it, or drop the connection before or after the server has acted. Requests are counted per
 * method and path so a test can assert how often a client retried. Keep-alive clients are served on one
 * connection until they close it.
 *
 * <pre>{@code
 * try (FaultProxy proxy = FaultProxy.start(server.baseUrl())) {
 *     proxy.rule(request -> request.attempt() <= 2 ? Fault.tooManyRequests("1") : Fault.forward());
 *     // point the client at proxy.baseUrl() ...
 *     assertThat(proxy.count("GET", "/scim/v2/Users")).isEqualTo(3);
 * }
 * }</pre>
 *
 * <p>Bounded: at most {@value #MAX_CONNECTIONS} connections at once (more are refused), request bodies up to
 * 16 MiB, idle connections closed after 30 s, and the proxy closes itself after {@link #MAX_LIFETIME} in case a
 * test forgets to.
 */
public final class FaultProxy implements AutoCloseable {

    static final int MAX_CONNECTIONS = 64;
    static final Duration MAX_LIFETIME = Duration.ofMinutes(10);
    private static final int MAX_BODY_BYTES = 16 * 1024 * 1024;
    private static final int IDLE_TIMEOUT_MILLIS = 30_000;
    /** Hop-by-hop headers (RFC 9110 section 7.6.1) and those java.net.http sets itself. */
    private static final Set<String> NOT_FORWARDED = Set.of("connection", "keep-alive", "proxy-connection",
            "proxy-authenticate", "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade", "host",
            "content-length", "expect");

    /** Decides what happens to one request. */
    @FunctionalInterface
    public interface Rule {
        Fault apply(ProxiedRequest request);
    }

    /**
     * A request as the proxy saw it. {@code attempt} counts requests with the same method and path (query
     * excluded), from 1: "fail the first two tries" is {@code attempt() <= 2}.
     */
    public record ProxiedRequest(String method, String target, String path, Map<String, List<String>> headers,
            byte[] body, int attempt) {

        public String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null || values.isEmpty() ? null : values.get(0);
        }

        public String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** What the proxy does with a request. */
    public sealed interface Fault {

        /** Pass the request to the server and its response to the client. */
        static Fault forward() {
            return Forward.INSTANCE;
        }

        /** 429 with {@code Retry-After} as given: seconds ("5") or an HTTP date. */
        static Fault tooManyRequests(String retryAfter) {
            return new Respond(429, Map.of("Retry-After", retryAfter, "Content-Type", "application/scim+json"),
                    scimError(429, "too many requests").getBytes(StandardCharsets.UTF_8));
        }

        /** 429 with {@code Retry-After} as an HTTP date, the form some gateways send. */
        static Fault tooManyRequestsUntil(ZonedDateTime until) {
            return tooManyRequests(DateTimeFormatter.RFC_1123_DATE_TIME.format(until.withZoneSameInstant(ZoneOffset.UTC)));
        }

        /** A bare status without a body, as a load balancer sends a 502/503/504. */
        static Fault status(int status) {
            return new Respond(status, Map.of(), new byte[0]);
        }

        /** A status with a SCIM error body. */
        static Fault statusWithScimError(int status, String detail) {
            return new Respond(status, Map.of("Content-Type", "application/scim+json"),
                    scimError(status, detail).getBytes(StandardCharsets.UTF_8));
        }

        /** A status with an HTML page, as a gateway or CDN sends one. */
        static Fault statusWithHtml(int status) {
            String html = "<!DOCTYPE html>\n<html><head><title>" + status + " Error</title></head>"
                    + "<body><h1>" + status + " Error</h1><p>The upstream server did not answer.</p></body></html>\n";
            return new Respond(status, Map.of("Content-Type", "text/html; charset=utf-8"),
                    html.getBytes(StandardCharsets.UTF_8));
        }

        /** 200 with an HTML page where JSON was expected: a login page or a captive portal. */
        static Fault htmlPage() {
            String html = "<!DOCTYPE html>\n<html><head><title>Sign in</title></head>"
                    + "<body><form method=\"post\"><input name=\"user\"><input name=\"password\" type=\"password\">"
                    + "</form></body></html>\n";
            return new Respond(200, Map.of("Content-Type", "text/html; charset=utf-8"),
                    html.getBytes(StandardCharsets.UTF_8));
        }

        /** 200 with a SCIM content type and a JSON body cut off in the middle (a complete HTTP message). */
        static Fault truncatedJson() {
            String cut = "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:ListResponse\"],\"totalResults\":2,"
                    + "\"Resources\":[{\"id\":\"2819c223-7f76-453a-919d-4139";
            return new Respond(200, Map.of("Content-Type", "application/scim+json"), cut.getBytes(StandardCharsets.UTF_8));
        }

        /** A 302 redirect to the given URL. */
        static Fault redirect(String location) {
            return new Respond(302, Map.of("Location", location), new byte[0]);
        }

        /** Any response. */
        static Fault respond(int status, Map<String, String> headers, String body) {
            return new Respond(status, headers, body.getBytes(StandardCharsets.UTF_8));
        }

        /**
         * A body of {@code bytes} bytes written as it goes, never held in memory: {@code start}, then the letter 'a'
         * over and over. With {@code declareLength} it carries a Content-Length, else it is sent chunked.
         */
        static Fault hugeBody(String contentType, String start, long bytes, boolean declareLength) {
            return new Huge(contentType, start.getBytes(StandardCharsets.UTF_8), bytes, declareLength);
        }

        /** Forward, and rewrite the server's JSON body before it reaches the client (a server with a bug). */
        static Fault transformJson(java.util.function.UnaryOperator<String> change) {
            return new Transform(change);
        }

        /**
         * Forward, and set one header of the server's response to {@code value} (null removes it): a 401 with
         * another server's {@code WWW-Authenticate}, say.
         */
        static Fault responseHeader(String name, String value) {
            return new SetHeader(name, value);
        }

        /** Close the connection without forwarding: the server never sees the request. */
        static Fault dropBeforeForwarding() {
            return new Drop(false);
        }

        /** Forward, then close the connection without answering: the server acted, the client does not know. */
        static Fault dropAfterForwarding() {
            return new Drop(true);
        }

        /** Wait, then forward. */
        static Fault delay(Duration delay) {
            return new Delay(delay, forward());
        }

        /** Wait, then do what {@code then} says. */
        static Fault delay(Duration delay, Fault then) {
            return new Delay(delay, then);
        }
    }

    private enum Forward implements Fault {
        INSTANCE
    }

    private record Respond(int status, Map<String, String> headers, byte[] body) implements Fault {
    }

    private record Drop(boolean afterForwarding) implements Fault {
    }

    private record Transform(java.util.function.UnaryOperator<String> change) implements Fault {
    }

    private record SetHeader(String name, String value) implements Fault {
    }

    private record Huge(String contentType, byte[] start, long bytes, boolean declareLength) implements Fault {
    }

    private record Delay(Duration delay, Fault then) implements Fault {
    }

    private final URI target;
    private final String targetOrigin;
    private final ServerSocket serverSocket;
    private final ExecutorService connections;
    private final Set<Socket> openSockets = ConcurrentHashMap.newKeySet();
    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
    private final HttpClient client;
    private final Thread acceptor;
    private final Thread watchdog;
    private volatile Rule rule = request -> Fault.forward();
    private volatile boolean closed;

    private FaultProxy(URI target) throws IOException {
        this.target = target;
        this.targetOrigin = origin(target);
        this.serverSocket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.connections = new ThreadPoolExecutor(0, MAX_CONNECTIONS, 30, TimeUnit.SECONDS, new SynchronousQueue<>(),
                runnable -> daemon(runnable, "fault-proxy-connection"));
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
        this.acceptor = daemon(this::acceptLoop, "fault-proxy-accept");
        this.watchdog = daemon(this::closeAfterLifetime, "fault-proxy-watchdog");
    }

    /**
     * Starts a proxy in front of the given base URL (only its scheme, host and port matter: paths pass through
     * unchanged).
     */
    public static FaultProxy start(String targetBaseUrl) {
        try {
            FaultProxy proxy = new FaultProxy(URI.create(targetBaseUrl));
            proxy.acceptor.start();
            proxy.watchdog.start();
            return proxy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sets the rule for the requests from now on. The default forwards everything. */
    public FaultProxy rule(Rule rule) {
        this.rule = rule;
        return this;
    }

    /** The target base URL with the proxy's origin: what a client under test should be given. */
    public String baseUrl() {
        String path = target.getRawPath() == null ? "" : target.getRawPath();
        return origin() + path;
    }

    /** {@code http://127.0.0.1:PORT}. */
    public String origin() {
        return "http://127.0.0.1:" + serverSocket.getLocalPort();
    }

    public int port() {
        return serverSocket.getLocalPort();
    }

    /** How many requests came in with this method and path (without the query string), whatever the fault. */
    public int count(String method, String path) {
        AtomicInteger count = counts.get(method + " " + path);
        return count == null ? 0 : count.get();
    }

    /** All requests so far. */
    public int totalCount() {
        return counts.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    /** The counts by "METHOD path", sorted. */
    public Map<String, Integer> counts() {
        Map<String, Integer> snapshot = new TreeMap<>();
        counts.forEach((key, value) -> snapshot.put(key, value.get()));
        return snapshot;
    }

    /** Forgets the counts (and so restarts {@link ProxiedRequest#attempt()} from 1). */
    public void resetCounts() {
        counts.clear();
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            serverSocket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        openSockets.forEach(FaultProxy::closeQuietly);
        connections.shutdownNow();
        watchdog.interrupt();
        // The JDK releases a listening socket only once the thread blocked in accept() has left it; until then the
        // kernel still completes connections. Wait for the acceptor so that "closed" means closed.
        if (Thread.currentThread() != acceptor) {
            try {
                acceptor.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    // ---------------------------------------------------------------- connection handling

    private void acceptLoop() {
        while (!closed) {
            Socket socket;
            try {
                socket = serverSocket.accept();
            } catch (IOException e) {
                return; // closed
            }
            try {
                openSockets.add(socket);
                connections.execute(() -> serve(socket));
            } catch (RejectedExecutionException full) {
                openSockets.remove(socket);
                closeQuietly(socket);
            }
        }
    }

    private void closeAfterLifetime() {
        try {
            Thread.sleep(MAX_LIFETIME.toMillis());
            close();
        } catch (InterruptedException closedNormally) {
            Thread.currentThread().interrupt();
        }
    }

    /** Serves requests on one connection until the client closes it, a fault drops it, or the proxy closes. */
    private void serve(Socket socket) {
        try (socket) {
            socket.setSoTimeout(IDLE_TIMEOUT_MILLIS);
            socket.setTcpNoDelay(true);
            InputStream in = new BufferedInputStream(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            while (!closed) {
                RawRequest raw = RawRequest.read(in, out);
                if (raw == null) {
                    return; // the client closed the connection between requests
                }
                String path = raw.target.contains("?") ? raw.target.substring(0, raw.target.indexOf('?')) : raw.target;
                int attempt = counts.computeIfAbsent(raw.method + " " + path, key -> new AtomicInteger()).incrementAndGet();
                ProxiedRequest request = new ProxiedRequest(raw.method, raw.target, path, raw.headers, raw.body, attempt);
                if (!handle(request, socket, out) || raw.clientWantsClose()) {
                    return;
                }
            }
        } catch (IOException | InterruptedException | RuntimeException e) {
            // A broken or timed-out connection, or the proxy closing: the connection ends here.
        } finally {
            openSockets.remove(socket);
        }
    }

    /** Carries out the rule's fault. Returns whether the connection stays open. */
    private boolean handle(ProxiedRequest request, Socket socket, OutputStream out)
            throws IOException, InterruptedException {
        Fault fault = rule.apply(request);
        while (fault instanceof Delay delay) {
            Thread.sleep(delay.delay().toMillis());
            fault = delay.then();
        }
        if (fault instanceof Respond respond) {
            writeResponse(out, respond.status(), respond.headers(), respond.body());
            return true;
        }
        if (fault instanceof Huge huge) {
            writeHuge(out, huge);
            return false;
        }
        if (fault instanceof Drop drop) {
            if (drop.afterForwarding()) {
                forward(request);
            }
            socket.setSoLinger(true, 0); // an abortive close (RST), as a crashed gateway gives
            return false;
        }
        Respond response = forward(request);
        if (fault instanceof Transform t) {
            byte[] changed = t.change().apply(new String(response.body(), StandardCharsets.UTF_8))
                    .getBytes(StandardCharsets.UTF_8);
            response = new Respond(response.status(), response.headers(), changed);
        }
        if (fault instanceof SetHeader set) {
            Map<String, String> headers = new LinkedHashMap<>(response.headers());
            headers.keySet().removeIf(name -> name.equalsIgnoreCase(set.name()));
            if (set.value() != null) {
                headers.put(set.name(), set.value());
            }
            response = new Respond(response.status(), headers, response.body());
        }
        writeResponse(out, response.status(), response.headers(), response.body());
        return true;
    }

    private Respond forward(ProxiedRequest request) throws IOException, InterruptedException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(targetOrigin + request.target()))
                .timeout(Duration.ofSeconds(30))
                .method(request.method(), request.body().length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(request.body()));
        request.headers().forEach((name, values) -> {
            if (!NOT_FORWARDED.contains(name)) {
                values.forEach(value -> builder.header(name, value));
            }
        });
        HttpResponse<byte[]> response = client.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
        Map<String, String> headers = new LinkedHashMap<>();
        response.headers().map().forEach((name, values) -> {
            if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT)) && !name.equalsIgnoreCase("date")
                    && !values.isEmpty()) {
                headers.put(name, rewriteOrigin(values.get(0)));
            }
        });
        byte[] body = response.body();
        String contentType = response.headers().firstValue("Content-Type").orElse("");
        if (contentType.contains("json") || contentType.startsWith("text/")) {
            body = rewriteOrigin(new String(body, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
        }
        return new Respond(response.statusCode(), headers, body);
    }

    /** Points absolute URLs of the server (Location, meta.location, $ref) at the proxy, as a reverse proxy does. */
    private String rewriteOrigin(String text) {
        return text.replace(targetOrigin, origin());
    }

    private static void writeResponse(OutputStream out, int status, Map<String, String> headers, byte[] body)
            throws IOException {
        StringBuilder head = new StringBuilder("HTTP/1.1 ").append(status).append(' ').append(reason(status)).append("\r\n");
        headers.forEach((name, value) -> {
            if (!name.equalsIgnoreCase("Content-Length")) {
                head.append(name).append(": ").append(value).append("\r\n");
            }
        });
        boolean bodyless = status == 204 || status == 304;
        if (!bodyless) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        head.append("\r\n");
        out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        if (!bodyless) {
            out.write(body);
        }
        out.flush();
    }

    /** Writes a huge body until it is all sent or the client hangs up (the usual end: it stops reading). */
    private static void writeHuge(OutputStream out, Huge huge) throws IOException {
        StringBuilder head = new StringBuilder("HTTP/1.1 200 OK\r\nContent-Type: ").append(huge.contentType())
                .append("\r\n");
        head.append(huge.declareLength() ? "Content-Length: " + huge.bytes() : "Transfer-Encoding: chunked")
                .append("\r\nConnection: close\r\n\r\n");
        out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        byte[] filler = new byte[64 * 1024];
        java.util.Arrays.fill(filler, (byte) 'a');
        long left = huge.bytes();
        byte[] first = huge.start();
        while (left > 0) {
            byte[] chunk = first != null ? first : filler;
            int n = (int) Math.min(chunk.length, left);
            if (!huge.declareLength()) {
                out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            }
            out.write(chunk, 0, n);
            if (!huge.declareLength()) {
                out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
            }
            left -= n;
            first = null;
        }
        if (!huge.declareLength()) {
            out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        }
        out.flush();
    }

    private static String reason(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 201 -> "Created";
            case 204 -> "No Content";
            case 302 -> "Found";
            case 304 -> "Not Modified";
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 409 -> "Conflict";
            case 412 -> "Precondition Failed";
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 501 -> "Not Implemented";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> "Status " + status;
        };
    }

    private static String scimError(int status, String detail) {
        return "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:Error\"],\"status\":\"" + status
                + "\",\"detail\":\"" + detail + "\"}";
    }

    private static String origin(URI uri) {
        int port = uri.getPort() == -1 ? ("https".equals(uri.getScheme()) ? 443 : 80) : uri.getPort();
        return uri.getScheme() + "://" + uri.getHost() + ":" + port;
    }

    private static Thread daemon(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already gone
        }
    }

    // ---------------------------------------------------------------- HTTP/1.1 request parsing

    /** A request read off the wire: request line, headers (names lower-cased), and the whole body. */
    private record RawRequest(String method, String target, String version, Map<String, List<String>> headers,
            byte[] body) {

        boolean clientWantsClose() {
            List<String> connection = headers.get("connection");
            if (connection != null && connection.stream().anyMatch(value -> value.equalsIgnoreCase("close"))) {
                return true;
            }
            return version.equals("HTTP/1.0");
        }

        /** Reads the next request, or returns null if the connection was closed before one began. */
        static RawRequest read(InputStream in, OutputStream out) throws IOException {
            String requestLine = readLine(in);
            while (requestLine != null && requestLine.isEmpty()) {
                requestLine = readLine(in); // tolerate stray CRLFs between requests (RFC 9112 section 2.2)
            }
            if (requestLine == null) {
                return null;
            }
            String[] parts = requestLine.split(" ");
            if (parts.length != 3) {
                throw new IOException("not an HTTP request line: " + requestLine);
            }
            Map<String, List<String>> headers = new LinkedHashMap<>();
            for (String line = readLine(in); line != null && !line.isEmpty(); line = readLine(in)) {
                int colon = line.indexOf(':');
                if (colon > 0) {
                    headers.computeIfAbsent(line.substring(0, colon).strip().toLowerCase(Locale.ROOT),
                            key -> new ArrayList<>()).add(line.substring(colon + 1).strip());
                }
            }
            List<String> expect = headers.get("expect");
            if (expect != null && expect.stream().anyMatch(value -> value.equalsIgnoreCase("100-continue"))) {
                out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
            }
            return new RawRequest(parts[0], parts[1], parts[2], headers, readBody(in, headers));
        }

        private static byte[] readBody(InputStream in, Map<String, List<String>> headers) throws IOException {
            List<String> encoding = headers.get("transfer-encoding");
            if (encoding != null && encoding.stream().anyMatch(value -> value.toLowerCase(Locale.ROOT).contains("chunked"))) {
                ByteArrayOutputStream body = new ByteArrayOutputStream();
                while (true) {
                    String sizeLine = readLine(in);
                    if (sizeLine == null) {
                        throw new IOException("connection closed inside a chunked body");
                    }
                    int size = Integer.parseInt(sizeLine.split(";", 2)[0].strip(), 16);
                    if (size == 0) {
                        for (String trailer = readLine(in); trailer != null && !trailer.isEmpty(); trailer = readLine(in)) {
                            // trailers are not forwarded
                        }
                        return body.toByteArray();
                    }
                    if (body.size() + size > MAX_BODY_BYTES) {
                        throw new IOException("request body too large");
                    }
                    body.write(in.readNBytes(size));
                    readLine(in);
                }
            }
            List<String> length = headers.get("content-length");
            if (length == null) {
                return new byte[0];
            }
            int size = Integer.parseInt(length.get(0));
            if (size > MAX_BODY_BYTES) {
                throw new IOException("request body too large");
            }
            byte[] body = in.readNBytes(size);
            if (body.length < size) {
                throw new IOException("connection closed inside the body");
            }
            return body;
        }

        private static String readLine(InputStream in) throws IOException {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            int b;
            try {
                while ((b = in.read()) != -1) {
                    if (b == '\n') {
                        byte[] bytes = line.toByteArray();
                        int end = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                        return new String(bytes, 0, end, StandardCharsets.ISO_8859_1);
                    }
                    if (line.size() > 64 * 1024) {
                        throw new IOException("header line too long");
                    }
                    line.write(b);
                }
            } catch (SocketException closed) {
                return null;
            }
            return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
        }
    }
}
