package dev.scimctl.scim;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The warm-up really exchanges a document with its own socket, and its client is dropped at once: a selector thread
 * left behind would hold the JVM's exit for 300 ms, and its own thread must be gone before the command builds its
 * client.
 */
class ClientWarmUpTest {

    @Test
    void the_warm_up_leaves_no_thread_behind() throws Exception {
        Set<Thread> before = liveThreads();

        ClientWarmUp.start();
        ClientWarmUp.start(); // once per JVM
        ClientWarmUp.await();

        Set<Thread> left = liveThreads();
        left.removeAll(before);
        for (Thread t : left) {
            t.join(5_000);
        }
        left.removeIf(t -> !t.isAlive());
        assertThat(left).extracting(Thread::getName).as("threads the warm-up started and left running").isEmpty();
    }

    @Test
    void the_warm_up_client_fetches_a_document_from_its_own_loopback_socket() {
        // If the exchange failed (silently, as it must in a command), the warm-up would only be half of one.
        assertThat(ClientWarmUp.warmOnce()).isTrue();
    }

    @Test
    void await_without_a_warm_up_returns_at_once() {
        ClientWarmUp.await();
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
    }

    private static Set<Thread> liveThreads() {
        Set<Thread> threads = new HashSet<>(Thread.getAllStackTraces().keySet());
        threads.removeIf(t -> !t.isAlive());
        return threads;
    }
}
