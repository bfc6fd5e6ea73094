package dev.scimctl.compat;

import dev.scimctl.testing.ScimServerExtension;
import dev.scimctl.testing.ScimmyServer;
import org.junit.jupiter.api.Named;

import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The two independent SCIM servers every compatibility test runs against, shared by the whole test JVM: our sandbox
 * (scim-sdk-server) and SCIMMY (Node.js). Being shared, tests make users with names of their own.
 */
final class CompatServers {
    /** A server under test: where it is and its token. */
    record Server(String baseUrl, String token) {
    }

    private static ScimServerExtension sandbox;

    private CompatServers() {
    }

    /** The servers, for {@code @MethodSource}: each is started (or found) when a test first asks for it. */
    static Stream<Named<Supplier<Server>>> all() {
        return Stream.of(
                Named.of("sandbox (scim-sdk-server)", CompatServers::sandbox),
                Named.of("SCIMMY (Node.js)", () -> {
                    ScimmyServer s = ScimmyServer.get();
                    return new Server(s.baseUrl(), s.token());
                }));
    }

    private static synchronized Server sandbox() {
        if (sandbox == null) {
            sandbox = ScimServerExtension.create().start();
            Runtime.getRuntime().addShutdownHook(new Thread(sandbox::close));
        }
        return new Server(sandbox.baseUrl(), sandbox.token());
    }
}
