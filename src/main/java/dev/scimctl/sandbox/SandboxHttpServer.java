package dev.scimctl.sandbox;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;

/**
 * The sandbox's HTTP/1.1 server: a thread per connection, so that a slow or silent client holds only its own
 * thread, never the one a well-behaved client needs.
 *
 * <p>The JDK's {@code HttpServer} it replaces read each request on a fixed pool of threads without a deadline:
 * sixteen clients that sent their headers slowly, or announced a body and never sent it, stopped it from
 * serving anyone. Here the head of a request must arrive within {@link Limits#headTimeout} and its body within
 * {@link Limits#bodyTimeout} (whole deadlines, not per-read ones, so a byte every few seconds does not keep a
 * connection alive); the handler sees the head before the body is read, so a request without the token is
 * refused unread; and one client address may hold at most {@link Limits#connectionsPerClient} connections.
 */
final class SandboxHttpServer implements AutoCloseable {

    /** The limits that keep one client from holding the server. */
    record Limits(Duration headTimeout, Duration bodyTimeout, Duration idleTimeout, int connectionsPerClient,
            int connections) {
        static final Limits DEFAULT = new Limits(Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(30),
                64, 512);
    }

    /** The request line and headers, which the handler sees before the body is read. */
    record Head(String method, URI uri, String version, Map<String, List<String>> headers,
            InetSocketAddress localAddress, InetSocketAddress remoteAddress) {

        /** The first value of a header, its name matched ignoring case; null if absent. */
        String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null || values.isEmpty() ? null : values.get(0);
        }
    }

    /** A response: status, headers in order, body (empty for none). */
    static final class Reply {
        final int status;
        final Map<String, String> headers = new java.util.LinkedHashMap<>();
        final byte[] body;

        Reply(int status, byte[] body) {
            this.status = status;
            this.body = body;
        }

        Reply header(String name, String value) {
            headers.put(name, value);
            return this;
        }
    }

    interface Handler {
        /** A reply to send instead of reading the body (which then is never read), or null to go on. */
        Reply beforeBody(Head head) throws InterruptedException;

        Reply handle(Head head, byte[] body) throws InterruptedException;

        /** The reply to a body larger than {@code maxBytes}. */
        Reply tooLarge(long maxBytes);

        /** The reply to a request whose {@link #beforeBody} or {@link #handle} threw {@code failure}. */
        Reply failed(Head head, Throwable failure);
    }

    /**
     * The reply when even {@link Handler#failed} fails: made before any request, so that it needs no class that
     * might be gone by then.
     */
    private static final byte[] LAST_RESORT = ("{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:Error\"],"
            + "\"status\":\"500\",\"detail\":\"scimctl sandbox: the request failed inside the sandbox; if its jar"
            + " was rebuilt while it ran, restart it\"}").getBytes(StandardCharsets.UTF_8);

    private static final int MAX_HEAD_BYTES = 64 * 1024;
    private static final int MAX_HEADERS = 200;

    private final ServerSocket serverSocket;
    private final Handler handler;
    private final Limits limits;
    private final long maxBodyBytes;
    private final ExecutorService connectionThreads;
    private final Thread acceptor;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final Map<InetAddress, Set<Connection>> perClient = new HashMap<>();
    private volatile boolean closed;

    SandboxHttpServer(InetSocketAddress address, SSLContext tls, List<String> tlsProtocols, Handler handler,
            Limits limits, long maxBodyBytes) throws IOException {
        this.handler = handler;
        this.limits = limits;
        this.maxBodyBytes = maxBodyBytes;
        if (tls == null) {
            serverSocket = new ServerSocket();
        } else {
            SSLServerSocket secure = (SSLServerSocket) tls.getServerSocketFactory().createServerSocket();
            if (!tlsProtocols.isEmpty()) {
                secure.setEnabledProtocols(tlsProtocols.toArray(new String[0]));
            }
            serverSocket = secure;
        }
        serverSocket.setReuseAddress(true);
        serverSocket.bind(address, 128);
        AtomicInteger count = new AtomicInteger();
        connectionThreads = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "scimctl-sandbox-http-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        acceptor = new Thread(this::acceptLoop, "scimctl-sandbox-accept");
        acceptor.setDaemon(true);
    }

    SandboxHttpServer start() {
        acceptor.start();
        return this;
    }

    InetSocketAddress address() {
        return (InetSocketAddress) serverSocket.getLocalSocketAddress();
    }

    /** Stops accepting and drops every open connection at once. */
    @Override
    public void close() {
        closed = true;
        closeQuietly(serverSocket);
        open.forEach(SandboxHttpServer::closeQuietly);
        connectionThreads.shutdownNow();
        try {
            // The listening socket is released for good once the thread blocked in accept() has left it.
            acceptor.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void acceptLoop() {
        while (!closed) {
            Socket socket;
            try {
                socket = serverSocket.accept();
            } catch (IOException e) {
                if (closed) {
                    return;
                }
                continue; // e.g. too many open files: the next accept may succeed once connections close
            }
            Connection connection = new Connection(socket);
            if (!admit(connection)) {
                refuse(socket);
                continue;
            }
            try {
                connectionThreads.execute(() -> serve(connection));
            } catch (RejectedExecutionException shuttingDown) {
                forget(connection);
                closeQuietly(socket);
            }
        }
    }

    /**
     * Takes a connection in if its client holds fewer than the limit. At the limit, an idle kept-alive connection
     * of the same client is closed to make room (clients keep idle connections in pools for minutes, and a pool
     * notices a closed one); if none is idle, the client is busy enough and is refused.
     */
    private boolean admit(Connection connection) {
        synchronized (perClient) {
            if (open.size() >= limits.connections()) {
                return false;
            }
            Set<Connection> held = perClient.computeIfAbsent(connection.client, client -> new HashSet<>());
            if (held.size() >= limits.connectionsPerClient()) {
                Connection idle = held.stream().filter(c -> c.idle).findFirst().orElse(null);
                if (idle == null) {
                    return false;
                }
                held.remove(idle);
                open.remove(idle.socket);
                closeQuietly(idle.socket);
            }
            held.add(connection);
            open.add(connection.socket);
            return true;
        }
    }

    private void forget(Connection connection) {
        synchronized (perClient) {
            open.remove(connection.socket);
            Set<Connection> held = perClient.get(connection.client);
            if (held != null && held.remove(connection) && held.isEmpty()) {
                perClient.remove(connection.client);
            }
        }
    }

    /** An open connection, and whether it is waiting, kept alive, for its next request. */
    private static final class Connection {
        final Socket socket;
        final InetAddress client;
        volatile boolean idle;

        Connection(Socket socket) {
            this.socket = socket;
            this.client = socket.getInetAddress();
        }
    }

    /** Over the limit: a plain-HTTP client is told so (a few bytes that fit in the socket buffer), then closed. */
    private void refuse(Socket socket) {
        if (!(serverSocket instanceof SSLServerSocket)) {
            try {
                socket.getOutputStream().write(("HTTP/1.1 503 Service Unavailable\r\nRetry-After: 1\r\n"
                        + "Content-Length: 0\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            } catch (IOException ignored) {
                // it is being refused anyway
            }
        }
        closeQuietly(socket);
    }

    private void serve(Connection connection) {
        Socket socket = connection.socket;
        try {
            socket.setTcpNoDelay(true);
            DeadlineInputStream deadlines = new DeadlineInputStream(socket);
            InputStream in = new BufferedInputStream(deadlines, 16 * 1024);
            OutputStream out = socket.getOutputStream();
            boolean first = true;
            while (!closed) {
                // A new connection must send its request within the head timeout; a kept-alive one may idle longer.
                deadlines.firstByteWithin(first ? limits.headTimeout() : limits.idleTimeout(), limits.headTimeout());
                connection.idle = !first;
                first = false;
                if (!exchange(in, out, deadlines, socket, connection)) {
                    return;
                }
            }
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
        } catch (Throwable dropped) {
            // The client went away, timed out or spoke no HTTP, or the answer could not be written: its connection
            // ends, nobody else is affected, and nothing is printed (an uncaught error would print a stack trace).
        } finally {
            forget(connection);
            closeQuietly(socket);
        }
    }

    /** Reads and answers one request; whether the connection stays open for another. */
    private boolean exchange(InputStream in, OutputStream out, DeadlineInputStream deadlines, Socket socket,
            Connection connection) throws IOException, InterruptedException {
        Head head;
        try {
            head = readHead(in, socket, connection);
        } catch (SocketTimeoutException slow) {
            if (deadlines.started()) {
                write(out, new Reply(408, new byte[0]), false, true);
            }
            return false;
        } catch (BadRequest e) {
            write(out, new Reply(e.status, e.getMessage().getBytes(StandardCharsets.UTF_8))
                    .header("Content-Type", "text/plain; charset=utf-8"), false, true);
            return false;
        }
        if (head == null) {
            return false; // closed between requests
        }
        boolean headOnly = head.method().equals("HEAD");
        boolean keepAlive = keepAlive(head);
        boolean hasBody = head.header("Transfer-Encoding") != null
                || head.header("Content-Length") != null && !head.header("Content-Length").strip().equals("0");
        Reply early;
        try {
            early = handler.beforeBody(head);
        } catch (InterruptedException stopping) {
            throw stopping;
        } catch (Throwable e) {
            early = failed(head, e);
        }
        if (early == null) {
            long declared = declaredLength(head);
            if (declared > maxBodyBytes) {
                early = handler.tooLarge(maxBodyBytes);
            }
        }
        if (early != null) {
            // The body, if any, stays unread: the connection cannot carry another request after it.
            write(out, early, headOnly, !keepAlive || hasBody);
            return keepAlive && !hasBody;
        }
        if ("100-continue".equalsIgnoreCase(head.header("Expect"))) {
            out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }
        byte[] body;
        deadlines.within(limits.bodyTimeout());
        try {
            body = readBody(in, head);
        } catch (SocketTimeoutException slow) {
            write(out, new Reply(408, new byte[0]), false, true);
            return false;
        } catch (BadRequest e) {
            write(out, e.status == 413 ? handler.tooLarge(maxBodyBytes)
                    : new Reply(e.status, e.getMessage().getBytes(StandardCharsets.UTF_8)), false, true);
            return false;
        }
        deadlines.none();
        Reply reply;
        try {
            reply = handler.handle(head, body);
        } catch (InterruptedException stopping) {
            throw stopping;
        } catch (Throwable e) {
            reply = failed(head, e);
        }
        write(out, reply, headOnly, !keepAlive);
        return keepAlive;
    }

    /**
     * The handler's reply to its own failure. Any {@link Throwable}, not only an exception: a sandbox whose jar is
     * rebuilt while it runs meets a {@link NoClassDefFoundError} at the first class it had not loaded yet, and the
     * connection was dropped without an answer (and a stack trace printed) where a client expects a SCIM error.
     */
    private Reply failed(Head head, Throwable failure) {
        try {
            return handler.failed(head, failure);
        } catch (Throwable again) {
            return new Reply(500, LAST_RESORT).header("Content-Type", "application/scim+json");
        }
    }

    private static boolean keepAlive(Head head) {
        String connection = head.header("Connection");
        if (connection != null && connection.toLowerCase(Locale.ROOT).contains("close")) {
            return false;
        }
        return head.version().equals("HTTP/1.1")
                || connection != null && connection.toLowerCase(Locale.ROOT).contains("keep-alive");
    }

    private Head readHead(InputStream in, Socket socket, Connection connection) throws IOException {
        int[] budget = {MAX_HEAD_BYTES};
        int firstByte = in.read();
        if (firstByte < 0) {
            return null;
        }
        connection.idle = false; // a request has begun: its connection is no longer one to evict
        String requestLine = "";
        if (firstByte != '\n') {
            String rest = readLine(in, budget);
            requestLine = (firstByte == '\r' ? "" : String.valueOf((char) firstByte)) + (rest == null ? "" : rest);
        }
        while (requestLine != null && requestLine.isEmpty()) {
            requestLine = readLine(in, budget); // RFC 9112 section 2.2: ignore empty lines before a request
        }
        if (requestLine == null) {
            return null;
        }
        String[] parts = requestLine.split(" ");
        if (parts.length != 3 || !parts[2].startsWith("HTTP/1.")) {
            throw new BadRequest(400, "a request line is 'METHOD /path HTTP/1.1'");
        }
        URI uri;
        try {
            URI target = new URI(parts[1]);
            // The absolute form (a proxy's) names the same resource as the origin form.
            uri = target.isAbsolute()
                    ? new URI(target.getRawPath() + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery()))
                    : target;
        } catch (URISyntaxException e) {
            throw new BadRequest(400, "the request target is not a valid URI: " + e.getReason());
        }
        Map<String, List<String>> headers = new java.util.HashMap<>();
        int count = 0;
        for (String line = readLine(in, budget); !line.isEmpty(); line = readLine(in, budget)) {
            int colon = line.indexOf(':');
            if (colon <= 0 || ++count > MAX_HEADERS) {
                throw new BadRequest(count > MAX_HEADERS ? 431 : 400, "a malformed or excessive header");
            }
            headers.computeIfAbsent(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), name -> new ArrayList<>())
                    .add(line.substring(colon + 1).strip());
        }
        return new Head(parts[0], uri, parts[2], headers, (InetSocketAddress) socket.getLocalSocketAddress(),
                (InetSocketAddress) socket.getRemoteSocketAddress());
    }

    /** A line without its CRLF; null at the end of the stream before any byte of it. */
    private static String readLine(InputStream in, int[] budget) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(128);
        while (true) {
            int b = in.read();
            if (b < 0) {
                if (line.size() == 0) {
                    return null;
                }
                throw new SocketException("the connection closed in the middle of a request head");
            }
            if (--budget[0] < 0) {
                throw new BadRequest(431, "the request head is larger than " + MAX_HEAD_BYTES + " bytes");
            }
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
            }
            line.write(b);
        }
    }

    private static long declaredLength(Head head) {
        String value = head.header("Content-Length");
        if (value == null || head.header("Transfer-Encoding") != null) {
            return -1;
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            return -1; // readBody answers it with 400
        }
    }

    private byte[] readBody(InputStream in, Head head) throws IOException {
        String transferEncoding = head.header("Transfer-Encoding");
        if (transferEncoding != null) {
            if (!transferEncoding.equalsIgnoreCase("chunked")) {
                throw new BadRequest(501, "only the chunked transfer coding is understood");
            }
            return readChunked(in);
        }
        String contentLength = head.header("Content-Length");
        if (contentLength == null) {
            return new byte[0];
        }
        long length;
        try {
            length = Long.parseLong(contentLength.strip());
        } catch (NumberFormatException e) {
            throw new BadRequest(400, "Content-Length is not a number");
        }
        if (length < 0) {
            throw new BadRequest(400, "Content-Length is negative");
        }
        if (length > maxBodyBytes) {
            throw new BadRequest(413, "too large");
        }
        byte[] body = in.readNBytes((int) length);
        if (body.length < length) {
            throw new SocketException("the connection closed in the middle of a request body");
        }
        return body;
    }

    private byte[] readChunked(InputStream in) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        int[] budget = {MAX_HEAD_BYTES};
        while (true) {
            String sizeLine = readLine(in, budget);
            if (sizeLine == null) {
                throw new SocketException("the connection closed in the middle of a chunked body");
            }
            int semicolon = sizeLine.indexOf(';');
            long size;
            try {
                size = Long.parseLong((semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).strip(), 16);
            } catch (NumberFormatException e) {
                throw new BadRequest(400, "a chunk size is not hexadecimal");
            }
            if (size == 0) {
                for (String trailer = readLine(in, budget); trailer != null && !trailer.isEmpty();
                        trailer = readLine(in, budget)) {
                    // trailers are read and ignored
                }
                return body.toByteArray();
            }
            if (size < 0 || body.size() + size > maxBodyBytes) {
                throw new BadRequest(413, "too large");
            }
            byte[] chunk = in.readNBytes((int) size);
            if (chunk.length < size) {
                throw new SocketException("the connection closed in the middle of a chunk");
            }
            body.write(chunk);
            readLine(in, budget); // the CRLF after the chunk
        }
    }

    private static void write(OutputStream out, Reply reply, boolean headOnly, boolean close) throws IOException {
        boolean noBody = reply.status == 204 || reply.status == 304 || reply.status < 200;
        StringBuilder head = new StringBuilder(256);
        head.append("HTTP/1.1 ").append(reply.status).append(' ').append(reason(reply.status)).append("\r\n");
        reply.headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        if (!noBody) {
            head.append("Content-Length: ").append(reply.body.length).append("\r\n");
        }
        if (close) {
            head.append("Connection: close\r\n");
        }
        head.append("\r\n");
        byte[] headBytes = head.toString().getBytes(StandardCharsets.ISO_8859_1);
        if (noBody || headOnly || reply.body.length == 0) {
            out.write(headBytes);
        } else {
            byte[] all = new byte[headBytes.length + reply.body.length];
            System.arraycopy(headBytes, 0, all, 0, headBytes.length);
            System.arraycopy(reply.body, 0, all, headBytes.length, reply.body.length);
            out.write(all); // one write: head and body in one segment where they fit
        }
        out.flush();
    }

    private static String reason(int status) {
        return switch (status) {
            case 100 -> "Continue";
            case 200 -> "OK";
            case 201 -> "Created";
            case 204 -> "No Content";
            case 304 -> "Not Modified";
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 408 -> "Request Timeout";
            case 409 -> "Conflict";
            case 412 -> "Precondition Failed";
            case 413 -> "Content Too Large";
            case 415 -> "Unsupported Media Type";
            case 429 -> "Too Many Requests";
            case 431 -> "Request Header Fields Too Large";
            case 500 -> "Internal Server Error";
            case 501 -> "Not Implemented";
            case 503 -> "Service Unavailable";
            default -> "Status";
        };
    }

    private static void closeQuietly(java.io.Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    /** A malformed request, answered with its status and then the connection is closed. */
    private static final class BadRequest extends IOException {
        private static final long serialVersionUID = 1L;
        final int status;

        BadRequest(int status, String message) {
            super(message);
            this.status = status;
        }
    }

    /**
     * The socket's input with a whole deadline: each read waits at most until the deadline (a trickle of bytes
     * does not extend it), then fails with {@link SocketTimeoutException}.
     */
    private static final class DeadlineInputStream extends InputStream {
        private final Socket socket;
        private final InputStream in;
        private long deadline; // System.nanoTime() value; 0 for none
        private long firstByteDeadline;
        private Duration afterFirstByte;
        private boolean started;

        DeadlineInputStream(Socket socket) throws IOException {
            this.socket = socket;
            this.in = socket.getInputStream();
        }

        /** The next request's first byte within {@code first}, and its whole head within {@code head} after it. */
        void firstByteWithin(Duration first, Duration head) {
            firstByteDeadline = System.nanoTime() + first.toNanos();
            afterFirstByte = head;
            deadline = 0;
            started = false;
        }

        void within(Duration timeout) {
            deadline = System.nanoTime() + timeout.toNanos();
            firstByteDeadline = 0;
        }

        void none() {
            deadline = 0;
            firstByteDeadline = 0;
        }

        /** Whether any byte of the current request has arrived. */
        boolean started() {
            return started;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            long limit = firstByteDeadline != 0 ? firstByteDeadline : deadline;
            if (limit != 0) {
                long remaining = (limit - System.nanoTime()) / 1_000_000;
                if (remaining <= 0) {
                    throw new SocketTimeoutException("the request did not arrive in time");
                }
                socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, remaining));
            } else {
                socket.setSoTimeout(0);
            }
            int n = in.read(buffer, offset, length);
            if (n > 0 && firstByteDeadline != 0) {
                started = true;
                firstByteDeadline = 0;
                deadline = System.nanoTime() + afterFirstByte.toNanos();
            }
            return n;
        }
    }
}
