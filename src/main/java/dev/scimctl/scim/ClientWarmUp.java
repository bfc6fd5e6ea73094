package dev.scimctl.scim;

import dev.scimctl.scim.net.HttpClientShutdown;
import dev.scimctl.scim.net.Network;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Does once, on a daemon thread while the main thread is still parsing the command line, what every run of a command
 * that talks to a server pays for the first time only: builds an HttpClient, has it fetch a small JSON document from
 * a socket of its own on the loopback interface (nothing leaves the machine, and no token is sent), parses the
 * document and drops the client. The JDK's first client and first exchange cost class initialisation, a logger
 * look-up (a scan of every module for a logging back-end), and the linking of lambdas and string concatenations
 * across the client's asynchronous pipeline; Jackson's first parser its classes. Together they were most of a
 * one-user look-up's own time against a local server (issue #18). Call sites stay linked, so the command's real
 * client, built later with the run's settings, skips that work. The command waits for the warm-up to end before it
 * reads its settings or builds its client ({@link #await()}), so the two threads do not initialise the same classes
 * at once. Anything that goes wrong here is ignored: it is only a head start.
 */
public final class ClientWarmUp {
    /** Every step is bounded: the warm-up never holds the command up for long, whatever the machine does. */
    private static final int STEP_MILLIS = 500;
    /** How long the command waits at the most before it goes on without the warm-up. */
    private static final long AWAIT_MILLIS = 2_000;
    /** The shapes a SCIM answer holds: objects, arrays, strings, numbers, booleans and null. */
    private static final byte[] SAMPLE = ("{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:ListResponse\"],"
            + "\"totalResults\":1,\"Resources\":[{\"id\":\"1\",\"active\":true,\"n\":1.5,\"x\":null}]}")
            .getBytes(StandardCharsets.UTF_8);
    private static final byte[] RESPONSE_HEAD = ("HTTP/1.1 200 OK\r\nContent-Type: " + ScimJson.MEDIA_TYPE
            + "\r\nContent-Length: " + SAMPLE.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);

    /** "\r\n\r\n" as four bytes in an int. */
    private static final int END_OF_HEAD = 0x0d0a0d0a;

    private static Thread thread;

    private ClientWarmUp() {
    }

    /** Starts the warm-up, once per JVM; does nothing if it was started before. */
    public static synchronized void start() {
        if (thread != null) {
            return;
        }
        thread = new Thread(ClientWarmUp::warmOnce, "scimctl-warm-up");
        thread.setDaemon(true);
        thread.start();
    }

    /** Waits for the warm-up, if one was started, to end (at most a few seconds, whatever happens to it). */
    public static void await() {
        Thread started;
        synchronized (ClientWarmUp.class) {
            started = thread;
        }
        if (started == null) {
            return;
        }
        boolean interrupted = false;
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(AWAIT_MILLIS);
        long left;
        while (started.isAlive() && (left = deadline - System.nanoTime()) > 0) {
            try {
                started.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
            } catch (InterruptedException e) {
                interrupted = true; // Ctrl-C is the command's to handle, after the warm-up's few milliseconds
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** The warm-up itself; true when the exchange brought the document back (what a test checks). */
    static boolean warmOnce() {
        HttpClient client = null;
        try {
            // The same builder as the real client's: no TLS stack for it either (LazySslContext).
            client = Network.direct().httpClientBuilder(Duration.ofMillis(STEP_MILLIS))
                    .followRedirects(HttpClient.Redirect.NEVER).build();
            return exchange(client);
        } catch (IOException | RuntimeException | Error e) {
            return false; // only a head start: the command's own client reports whatever is wrong
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            HttpClientShutdown.closeSelector(client);
        }
    }

    /** One GET to a socket of our own on 127.0.0.1, answered with {@link #SAMPLE}, read as the client reads answers. */
    private static boolean exchange(HttpClient client) throws IOException, InterruptedException {
        InetAddress loopback = InetAddress.getByAddress("localhost", new byte[] {127, 0, 0, 1});
        try (ServerSocket server = new ServerSocket(0, 1, loopback)) {
            server.setSoTimeout(STEP_MILLIS);
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getLocalPort() + "/"))
                    .timeout(Duration.ofMillis(STEP_MILLIS))
                    .header("Accept", ScimJson.MEDIA_TYPE)
                    .GET()
                    .build();
            CompletableFuture<HttpResponse<Body>> answer = client.sendAsync(request, Body.handler(SAMPLE.length));
            try (Socket peer = server.accept()) {
                peer.setSoTimeout(STEP_MILLIS);
                skipRequestHead(peer.getInputStream());
                OutputStream out = peer.getOutputStream();
                out.write(RESPONSE_HEAD);
                out.write(SAMPLE);
                out.flush();
                Body body = answer.get(STEP_MILLIS, TimeUnit.MILLISECONDS).body();
                return JsonTrees.read(new ByteArrayInputStream(body.head(SAMPLE.length))).has("Resources");
            } catch (ExecutionException | TimeoutException e) {
                answer.cancel(true);
                return false;
            }
        }
    }

    /** Reads up to the blank line that ends the request's head (a GET has no body). */
    private static void skipRequestHead(InputStream in) throws IOException {
        int last4 = 0;
        int b;
        while ((b = in.read()) >= 0) {
            last4 = (last4 << 8) | b;
            if (last4 == END_OF_HEAD) {
                return;
            }
        }
    }
}
