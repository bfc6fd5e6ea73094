package dev.scimctl.scim.net;

import java.lang.reflect.Field;
import java.net.http.HttpClient;
import java.nio.channels.Selector;

/**
 * Ends a Java 17 {@link HttpClient}'s selector thread at the end of a run. That thread waits in {@code epoll_wait},
 * native code, and the JVM's exit waits up to 300 ms for every thread in native code to come back (HotSpot's
 * {@code VM_Exit::wait_for_threads_in_native_to_block}): a third of a one-request command's time (issue #18). Java 21
 * has {@code HttpClient.close()}; on 17 the selector is closed by reflection, which the jar's manifest allows
 * ({@code Add-Opens: java.net.http/jdk.internal.net.http}). Where the package is not opened (tests, another
 * launcher), or the JDK's internals differ, this does nothing and the exit is only slower.
 */
public final class HttpClientShutdown {
    private HttpClientShutdown() {
    }

    /** Closes the client's selector, so that its thread leaves native code before the JVM exits. */
    public static void closeSelector(HttpClient client) {
        if (client == null) {
            return;
        }
        try {
            Object impl = field(client, "impl");
            Object manager = field(impl, "selmgr");
            if (field(manager, "selector") instanceof Selector selector) {
                selector.close();
            }
        } catch (ReflectiveOperationException | RuntimeException | java.io.IOException notPossibleHere) {
            // Not opened to us, or another JDK's internals: the JVM's exit waits, nothing else changes.
        }
    }

    private static Object field(Object owner, String name) throws ReflectiveOperationException {
        Field field = owner.getClass().getDeclaredField(name);
        field.setAccessible(true);
        return field.get(owner);
    }
}
