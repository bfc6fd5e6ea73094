package dev.scimctl.scim.net;

import java.net.http.HttpClient;

/**
 * Ends a Java 17 {@link HttpClient}'s selector thread at the end of a run. That thread waits in {@code epoll_wait},
 * native code, and the JVM's exit waits up to 300 ms for every thread in native code to come back (HotSpot's
 * {@code VM_Exit::wait_for_threads_in_native_to_block}): a third of a one-request command's time (issue #18). Java 21
 * has {@code HttpClient.close()}; on 17 the thread ends when interrupted, as the JDK's own shutdown does. The thread
 * is found by its name, {@code HttpClient-ID-SelectorManager}, with the id the client's {@code toString()} ends with,
 * so no other client's thread is touched. Where the JDK names them otherwise, this does nothing and the exit is only
 * slower. (It closed the selector by reflection before, which needed the jar's manifest to open a JDK package, and
 * that made the launcher spin method handles on every start.)
 */
public final class HttpClientShutdown {
    private HttpClientShutdown() {
    }

    /** Stops the client's selector thread, so that it leaves native code before the JVM exits. */
    public static void closeSelector(HttpClient client) {
        if (client == null) {
            return;
        }
        String self = client.toString(); // jdk.internal.net.http.HttpClientImpl@1b6d3586(7)
        int open = self.lastIndexOf('(');
        if (open < 0 || !self.endsWith(")")) {
            return;
        }
        String name = "HttpClient-" + self.substring(open + 1, self.length() - 1) + "-SelectorManager";
        for (Thread thread : allThreads()) {
            if (thread != null && thread.getName().equals(name)) {
                thread.interrupt();
            }
        }
    }

    private static Thread[] allThreads() {
        ThreadGroup root = Thread.currentThread().getThreadGroup();
        while (root.getParent() != null) {
            root = root.getParent();
        }
        Thread[] threads = new Thread[root.activeCount() + 16];
        int n = root.enumerate(threads, true);
        return java.util.Arrays.copyOf(threads, n);
    }
}
