package dev.scimctl.scim.net;

import java.net.http.HttpClient;
import java.time.Duration;

/**
 * Builds one HttpClient and drops it, on a daemon thread, while the main thread is still parsing the command line.
 * The JDK's first client pays once per JVM for its class initialisation, its logger look-up (a scan of every module
 * for a logging back-end) and the linking of its lambdas and string concatenations: about a third of a one-user
 * look-up's own work (issue #18). The call sites stay linked, so the command's real client, built later with the
 * run's settings, skips all of that. The main thread waits for the warm-up to end before it builds its client
 * ({@link #await()}), so no two threads initialise the same classes at once.
 */
public final class HttpClientWarmUp {
    private static Thread thread;

    private HttpClientWarmUp() {
    }

    /** Starts the warm-up, once per JVM; does nothing if it was started before. */
    public static synchronized void start() {
        if (thread != null) {
            return;
        }
        thread = new Thread(HttpClientWarmUp::warm, "scimctl-http-warm-up");
        thread.setDaemon(true);
        thread.start();
    }

    /** Waits for the warm-up, if one was started, to end. */
    public static void await() {
        Thread started;
        synchronized (HttpClientWarmUp.class) {
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
            // The same builder as the real client's: no TLS stack for it either (LazySslContext).
            HttpClient client = Network.direct().httpClientBuilder(Duration.ofSeconds(10))
                    .followRedirects(HttpClient.Redirect.NEVER).build();
            HttpClientShutdown.closeSelector(client);
        } catch (RuntimeException | Error e) {
            // Only a head start: the command's own client reports whatever is wrong.
        }
    }
}
