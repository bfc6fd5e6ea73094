package dev.scimctl.scim;

import dev.scimctl.scim.net.HttpClientShutdown;
import dev.scimctl.scim.net.Network;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Does once, on a daemon thread while the main thread is still parsing the command line, what every run of a command
 * that talks to a server pays for the first time only: builds one HttpClient and drops it, and reads a small JSON
 * document. The JDK's first client costs its class initialisation, a logger look-up (a scan of every module for a
 * logging back-end) and the linking of its lambdas and string concatenations; Jackson's first parser its classes.
 * Together about a third of a one-user look-up's own work (issue #18). Call sites stay linked, so the command's real
 * client, built later with the run's settings, skips all of that. The command waits for the warm-up to end before
 * it reads its settings or builds its client ({@link #await()}), so the two threads do not initialise the same
 * classes at once.
 */
public final class ClientWarmUp {
    /** The shapes a SCIM answer holds: objects, arrays, strings, numbers, booleans and null. */
    private static final byte[] SAMPLE = "{\"Resources\":[{\"id\":\"1\",\"active\":true,\"n\":1.5,\"x\":null}],\"totalResults\":1}"
            .getBytes(StandardCharsets.UTF_8);
    private static Thread thread;

    private ClientWarmUp() {
    }

    /** Starts the warm-up, once per JVM; does nothing if it was started before. */
    public static synchronized void start() {
        if (thread != null) {
            return;
        }
        thread = new Thread(ClientWarmUp::warm, "scimctl-warm-up");
        thread.setDaemon(true);
        thread.start();
    }

    /** Waits for the warm-up, if one was started, to end. */
    public static void await() {
        Thread started;
        synchronized (ClientWarmUp.class) {
            started = thread;
        }
        if (started == null) {
            return;
        }
        boolean interrupted = false;
        while (started.isAlive()) {
            try {
                started.join();
            } catch (InterruptedException e) {
                interrupted = true; // Ctrl-C is the command's to handle, after the warm-up's few milliseconds
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static void warm() {
        try {
            JsonTrees.read(new ByteArrayInputStream(SAMPLE));
        } catch (IOException | RuntimeException e) {
            // Only a head start: the command's own reads report whatever is wrong.
        }
        try {
            // The same builder as the real client's: no TLS stack for it either (LazySslContext).
            HttpClient client = Network.direct().httpClientBuilder(Duration.ofSeconds(10))
                    .followRedirects(HttpClient.Redirect.NEVER).build();
            HttpClientShutdown.closeSelector(client);
        } catch (RuntimeException | Error e) {
            // Only a head start: the command's own client reports whatever is wrong.
        }
    }
}
