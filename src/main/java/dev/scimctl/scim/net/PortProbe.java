package dev.scimctl.scim.net;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;

/**
 * Asks a port which protocol it speaks, for the two mix-ups of a base URL's scheme: {@code https://} to a plain-HTTP
 * port (the TLS handshake stalls or gets an HTTP answer) and {@code http://} to a TLS port (the request gets a TLS
 * alert or a closed connection). The probes carry no token and no data of the run; they are made only after a
 * request has already failed or stalled, and only straight to the server, never through a proxy.
 */
public final class PortProbe {
    private PortProbe() {
    }

    /**
     * True when the port answers a bare HTTP request with an HTTP status line other than 400: it speaks plain HTTP.
     * A TLS port of nginx or Apache answers plain HTTP with a 400 page ("plain HTTP request sent to HTTPS port").
     */
    public static boolean speaksPlainHttp(String host, int port, int timeoutMillis) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), timeoutMillis);
            socket.setSoTimeout(timeoutMillis);
            OutputStream out = socket.getOutputStream();
            out.write(("GET / HTTP/1.0\r\nHost: " + host + "\r\nUser-Agent: scimctl-probe\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String head = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
            return head.startsWith("HTTP/") && !head.endsWith(" 400");
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * True when the port completes a TLS handshake. The probe accepts any certificate: it only asks whether the port
     * speaks TLS, then closes without sending anything.
     */
    public static boolean speaksTls(String host, int port, int timeoutMillis) {
        try (Socket plain = new Socket()) {
            plain.connect(new InetSocketAddress(host, port), timeoutMillis);
            plain.setSoTimeout(timeoutMillis);
            try (SSLSocket tls = (SSLSocket) anyCertificate().getSocketFactory().createSocket(plain, host, port, false)) {
                tls.startHandshake();
                return true;
            }
        } catch (IOException | GeneralSecurityException e) {
            return false;
        }
    }

    private static SSLContext anyCertificate() throws GeneralSecurityException {
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, new TrustManager[]{new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
                // A probe of the protocol only: nothing is sent over this connection.
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        }}, null);
        return ctx;
    }
}
