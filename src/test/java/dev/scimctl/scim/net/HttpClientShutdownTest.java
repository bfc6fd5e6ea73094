package dev.scimctl.scim.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.scimctl.scim.ScimClient;
import dev.scimctl.scim.ScimClientConfig;
import dev.scimctl.scim.Secret;
import dev.scimctl.testing.ScimServerExtension;

/**
 * Java 17's HttpClient keeps a selector thread in native code, and the JVM's exit waits 300 ms for such a thread.
 * Closing the client ends it, and only its own: a run may hold other clients (test-connection's probes).
 */
class HttpClientShutdownTest {

    @RegisterExtension
    static final ScimServerExtension server = ScimServerExtension.create();

    @Test
    void closing_the_client_ends_its_selector_thread() throws Exception {
        Set<Thread> before = selectorThreads();
        ScimClient client = new ScimClient(ScimClientConfig.of(URI.create(server.baseUrl()), new Secret(server.token())));
        client.serviceProviderConfig();
        Set<Thread> started = selectorThreads();
        started.removeAll(before);
        assertThat(started).as("the client's selector thread").hasSize(1);

        ScimClient other = new ScimClient(ScimClientConfig.of(URI.create(server.baseUrl()), new Secret(server.token())));
        other.serviceProviderConfig();

        client.close();

        Thread selector = started.iterator().next();
        selector.join(5_000);
        assertThat(selector.isAlive()).as("%s after close()", selector.getName()).isFalse();
        assertThat(other.count("Users")).as("the other client still sends").isGreaterThanOrEqualTo(0);
        other.close();
    }

    private static Set<Thread> selectorThreads() {
        Set<Thread> threads = new java.util.HashSet<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith("HttpClient-") && t.getName().endsWith("-SelectorManager")) {
                threads.add(t);
            }
        }
        return threads;
    }
}
