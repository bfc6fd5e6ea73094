package dev.scimctl.scim.net;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Opens a tunnel through an HTTP proxy with CONNECT, as HttpClient does for https URLs, for the probes of
 * test-connection: the TLS handshake then runs over the tunnel, end to end with the server.
 */
public final class ProxyTunnel {
    private static final int MAX_HEADER_BYTES = 64 * 1024;

    private ProxyTunnel() {
    }

    /** The proxy answered the CONNECT with something other than 2xx. */
    public static final class RefusedException extends IOException {
        private final int status;

        RefusedException(int status, String statusLine) {
            super("the proxy answered \"" + statusLine + "\" to CONNECT");
            this.status = status;
        }

        public int status() {
            return status;
        }

        /** The proxy wants (other) credentials: 407, or 401 from proxies that answer as a server would. */
        public boolean credentialsRefused() {
            return status == 407 || status == 401;
        }
    }

    /**
     * Connects to {@code proxy} and asks it for a tunnel to {@code host:port}, with the proxy's Basic credentials when
     * it has some. Returns the socket, positioned after the proxy's answer, or throws.
     *
     * @return the result: the socket and the proxy's status line
     */
    public static Tunnel open(ProxyEndpoint proxy, InetSocketAddress proxyAddress, String host, int port,
                              int timeoutMillis) throws IOException {
        Socket socket = new Socket();
        try {
            socket.connect(proxyAddress, timeoutMillis);
            socket.setSoTimeout(timeoutMillis);
            String authority = (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
            StringBuilder request = new StringBuilder()
                    .append("CONNECT ").append(authority).append(" HTTP/1.1\r\n")
                    .append("Host: ").append(authority).append("\r\n");
            String auth = proxy.basicAuthorization();
            if (auth != null) {
                request.append("Proxy-Authorization: ").append(auth).append("\r\n");
            }
            request.append("\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            String head = readHead(socket.getInputStream());
            String statusLine = head.lines().findFirst().orElse("");
            int status = parseStatus(statusLine);
            if (status < 200 || status > 299) {
                throw new RefusedException(status, statusLine);
            }
            return new Tunnel(socket, statusLine);
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    /** An open tunnel and the proxy's status line ({@code HTTP/1.1 200 Connection established}). */
    public record Tunnel(Socket socket, String statusLine) {
    }

    /** Reads up to the blank line, one byte at a time: nothing after it may be consumed, it belongs to TLS. */
    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("the proxy closed the connection before answering the CONNECT");
            }
            head.write(b);
            if (head.size() > MAX_HEADER_BYTES) {
                throw new IOException("the proxy's answer to CONNECT has no end of headers in " + MAX_HEADER_BYTES + " bytes");
            }
            matched = (b == '\r' && (matched == 0 || matched == 2)) || (b == '\n' && (matched == 1 || matched == 3))
                    ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    private static int parseStatus(String statusLine) throws IOException {
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
            throw new IOException("the proxy did not answer the CONNECT with HTTP (\"" + statusLine + "\")");
        }
        try {
            return Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            throw new IOException("the proxy answered the CONNECT with \"" + statusLine + "\"");
        }
    }
}
