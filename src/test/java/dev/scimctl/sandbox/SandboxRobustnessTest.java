package dev.scimctl.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import dev.scimctl.testing.RawScimClient;
import dev.scimctl.testing.RawScimClient.Response;

/**
 * Slow, silent, greedy and malicious clients: each loses its own connection, and everyone else is still served.
 * Real sockets against a real sandbox.
 */
@Timeout(60)
class SandboxRobustnessTest {

    private static final String TOKEN = "robustness-token-0123456789";

    private final List<Socket> sockets = new ArrayList<>();

    @AfterEach
    void closeSockets() throws IOException {
        for (Socket socket : sockets) {
            socket.close();
        }
    }

    private static SandboxServer.Builder server() {
        return SandboxServer.builder().token(TOKEN);
    }

    private Socket connect(SandboxServer server) throws IOException {
        Socket socket = new Socket("127.0.0.1", server.port());
        socket.setSoTimeout(10_000);
        sockets.add(socket);
        return socket;
    }

    private static void send(Socket socket, String text) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(text.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    /** Everything the server sends until it closes the connection. */
    private static String readUntilClosed(Socket socket) throws IOException {
        return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
    }

    private static String head(String method, String path, String... headers) {
        return method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + String.join("\r\n", headers)
                + (headers.length == 0 ? "" : "\r\n") + "\r\n";
    }

    @Test
    void serves_a_normal_request_within_a_second_while_32_slow_connections_are_open() throws Exception {
        try (SandboxServer server = server().build().start()) {
            URI base = URI.create(server.baseUrl());
            RawScimClient client = new RawScimClient(server.baseUrl(), TOKEN);
            assertThat(client.get("/Users").status()).isEqualTo(200); // warm: the first request loads classes
            List<Socket> slow = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                // Headers that trickle in, never finished.
                Socket socket = connect(server);
                send(socket, "GET " + base.getPath() + "/Users HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: a");
                slow.add(socket);
            }
            for (int i = 0; i < 16; i++) {
                // A body announced with the right token, never sent.
                Socket socket = connect(server);
                send(socket, head("POST", base.getPath() + "/Users", "Authorization: Bearer " + TOKEN,
                        "Content-Type: application/scim+json", "Content-Length: 5000"));
                slow.add(socket);
            }
            for (Socket socket : slow) {
                send(socket, socket.getPort() % 2 == 0 ? "b" : "{");
            }

            long started = System.nanoTime();
            Response response = client.get("/Users");
            Duration elapsed = Duration.ofNanos(System.nanoTime() - started);

            assertThat(response.status()).isEqualTo(200);
            assertThat(elapsed).isLessThan(Duration.ofSeconds(1));
            for (Socket socket : slow) {
                assertThat(socket.isClosed()).isFalse();
            }
        }
    }

    /**
     * A sandbox whose jar is rebuilt while it runs finds, on its first PATCH, that a class it had not loaded yet is gone
     * (or changed): a {@link NoClassDefFoundError}, an {@link Error}. The test runs a sandbox from a copy of its classes,
     * in a class loader of its own, and removes the PATCH classes from the copy before the first PATCH.
     */
    @Test
    void answers_500_with_a_scim_error_when_its_classes_are_gone_and_keeps_serving(@TempDir Path copy) throws Exception {
        Path classes = Path.of(SandboxServer.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        try (Stream<Path> files = Files.walk(classes.resolve("dev"))) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path target = copy.resolve(classes.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
        try (URLClassLoader loader = new ChildFirstLoader(copy, SandboxRobustnessTest.class.getClassLoader())) {
            Class<?> type = loader.loadClass(SandboxServer.class.getName());
            Object builder = type.getMethod("builder").invoke(null);
            builder.getClass().getMethod("token", String.class).invoke(builder, TOKEN);
            Object server = builder.getClass().getMethod("build").invoke(builder);
            type.getMethod("start").invoke(server);
            try {
                RawScimClient client = new RawScimClient((String) type.getMethod("baseUrl").invoke(server), TOKEN);
                Response created = client.post("/Users", """
                        {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"ada@example.com"}""");
                assertThat(created.status()).as("%s", created).isEqualTo(201);
                Files.delete(copy.resolve("dev/scimctl/sandbox/PatchRequests.class"));
                Files.delete(copy.resolve("dev/scimctl/sandbox/PatchRequests$Prepared.class"));

                Response patched = client.patch("/Users/" + created.json().get("id").asText(), """
                        {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                         "Operations":[{"op":"replace","path":"displayName","value":"Ada"}]}""");

                assertThat(patched.status()).as("%s", patched).isEqualTo(500);
                assertThat(patched.header("Content-Type")).startsWith("application/scim+json");
                assertThat(patched.json().get("schemas").get(0).asText())
                        .isEqualTo("urn:ietf:params:scim:api:messages:2.0:Error");
                assertThat(patched.json().get("status").asText()).isEqualTo("500");
                assertThat(patched.json().get("detail").asText()).contains("PatchRequests").contains("restart");
                assertThat(client.get("/Users").json().get("totalResults").asInt()).isEqualTo(1);
            } finally {
                type.getMethod("close").invoke(server);
            }
        }
    }

    @Test
    void answers_500_with_a_scim_error_even_when_reporting_the_failure_fails() throws Exception {
        // The request log is called for every answer, the error's too: when it fails each time, the answer still goes out.
        try (SandboxServer server = server().requestListener(request -> {
            throw new NoClassDefFoundError("dev/scimctl/cli/SandboxLog");
        }).build().start()) {
            RawScimClient client = new RawScimClient(server.baseUrl(), TOKEN);

            for (int i = 0; i < 2; i++) {
                Response response = client.get("/Users");

                assertThat(response.status()).as("%s", response).isEqualTo(500);
                assertThat(response.json().get("status").asText()).isEqualTo("500");
                assertThat(response.json().get("detail").asText()).contains("restart");
            }
        }
    }

    /** Loads scimctl's classes from a folder of its own, everything else from the parent (the libraries). */
    private static final class ChildFirstLoader extends URLClassLoader {
        ChildFirstLoader(Path classes, ClassLoader parent) throws IOException {
            super(new URL[] {classes.toUri().toURL()}, parent);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.startsWith("dev.scimctl.")) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> loaded = findLoadedClass(name);
                return loaded != null ? loaded : findClass(name);
            }
        }
    }

    @Test
    void refuses_a_request_without_the_token_before_reading_its_body() throws Exception {
        try (SandboxServer server = server().build().start()) {
            Socket socket = connect(server);
            // 100 MB announced, nothing sent: the answer must not wait for it.
            send(socket, head("POST", URI.create(server.baseUrl()).getPath() + "/Users",
                    "Content-Type: application/scim+json", "Content-Length: 100000000"));

            String answer = readUntilClosed(socket);

            assertThat(answer).startsWith("HTTP/1.1 401 ").contains("Connection: close").contains("scimctl sandbox:");
        }
    }

    @Test
    void drops_a_silent_connection_and_one_whose_headers_trickle_past_the_head_timeout() throws Exception {
        try (SandboxServer server = server().timeouts(Duration.ofMillis(300), Duration.ofMillis(300),
                Duration.ofSeconds(5)).build().start()) {
            Socket silent = connect(server);
            Socket trickle = connect(server);
            send(trickle, "GET /scim/v2/Users HTTP/1.1\r\n");
            long started = System.nanoTime();
            // A byte every 100 ms: each read is quick, the head as a whole is not.
            boolean dropped = false;
            for (int i = 0; i < 30 && !dropped; i++) {
                try {
                    send(trickle, "X");
                    Thread.sleep(100);
                } catch (IOException closedByServer) {
                    dropped = true;
                }
            }

            assertThat(readUntilClosed(silent)).isEmpty();
            assertThat(readUntilClosed(trickle)).satisfiesAnyOf(
                    text -> assertThat(text).isEmpty(), text -> assertThat(text).startsWith("HTTP/1.1 408 "));
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
            assertThat(new RawScimClient(server.baseUrl(), TOKEN).get("/Users").status()).isEqualTo(200);
        }
    }

    @Test
    void answers_408_to_a_body_that_does_not_arrive_in_time() throws Exception {
        try (SandboxServer server = server().timeouts(Duration.ofSeconds(5), Duration.ofMillis(300),
                Duration.ofSeconds(5)).build().start()) {
            Socket socket = connect(server);
            send(socket, head("POST", "/scim/v2/Users", "Authorization: Bearer " + TOKEN,
                    "Content-Type: application/scim+json", "Content-Length: 100") + "{\"userName\":");

            assertThat(readUntilClosed(socket)).startsWith("HTTP/1.1 408 ");
            assertThat(server.store().userCount()).isZero();
        }
    }

    @Test
    void bounds_the_connections_one_client_holds_open() throws Exception {
        try (SandboxServer server = server().connectionsPerClient(4).build().start()) {
            for (int i = 0; i < 4; i++) {
                send(connect(server), "GET /scim/v2/Users HTTP/1.1\r\n"); // busy: a request has begun
            }

            Socket fifth = connect(server);

            assertThat(readUntilClosed(fifth)).startsWith("HTTP/1.1 503 ").contains("Retry-After: 1");
        }
    }

    @Test
    void makes_room_by_closing_an_idle_kept_alive_connection_of_the_same_client() throws Exception {
        try (SandboxServer server = server().connectionsPerClient(2).build().start()) {
            List<Socket> idle = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                Socket socket = connect(server);
                send(socket, head("GET", "/scim/v2/ServiceProviderConfig", "Authorization: Bearer " + TOKEN));
                readResponse(socket.getInputStream());
                idle.add(socket);
            }

            Response third = new RawScimClient(server.baseUrl(), TOKEN).get("/Users");

            assertThat(third.status()).isEqualTo(200);
        }
    }

    @Test
    void answers_a_deeply_nested_filter_with_invalid_filter_and_serves_the_next_request() {
        try (SandboxServer server = server().build().start()) {
            RawScimClient client = new RawScimClient(server.baseUrl(), TOKEN);
            String deep = "(".repeat(3000) + "userName eq \"a\"" + ")".repeat(3000);
            String chained = "userName eq \"a\"" + " or userName eq \"a\"".repeat(1000);

            Response nested = client.get("/Users?filter=" + RawScimClient.encode(deep));
            Response searched = client.post("/Users/.search", """
                    {"schemas":["urn:ietf:params:scim:api:messages:2.0:SearchRequest"],"filter":"%s"}"""
                    .formatted(deep.replace("\"", "\\\"")));
            Response longChain = client.get("/Users?filter=" + RawScimClient.encode(chained));

            for (Response response : List.of(nested, searched, longChain)) {
                assertThat(response.status()).as("%s", response).isEqualTo(400);
                assertThat(response.json().get("scimType").asText()).isEqualTo("invalidFilter");
            }
            assertThat(client.get("/Users?filter=" + RawScimClient.encode("((userName eq \"a\"))")).status())
                    .isEqualTo(200);
        }
    }

    @Test
    void answers_413_to_a_body_over_8_mib_declared_or_chunked() throws Exception {
        try (SandboxServer server = server().build().start()) {
            Socket declared = connect(server);
            send(declared, head("POST", "/scim/v2/Users", "Authorization: Bearer " + TOKEN,
                    "Content-Type: application/scim+json", "Content-Length: 9000000"));
            assertThat(readUntilClosed(declared)).startsWith("HTTP/1.1 413 ").contains("tooLarge");

            Socket chunked = connect(server);
            send(chunked, head("POST", "/scim/v2/Users", "Authorization: Bearer " + TOKEN,
                    "Content-Type: application/scim+json", "Transfer-Encoding: chunked"));
            // A chunk that announces 9 MiB is refused before a byte of it is read.
            send(chunked, "900000\r\n" + "x".repeat(1000));
            String answer = readUntilClosed(chunked);
            assertThat(answer).startsWith("HTTP/1.1 413 ");
        }
    }

    /** Reads one response with a Content-Length body from a kept-alive connection. */
    private static String readResponse(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("closed early: " + head);
            }
            head.append((char) b);
        }
        int length = 0;
        for (String line : head.toString().split("\r\n")) {
            if (line.toLowerCase().startsWith("content-length:")) {
                length = Integer.parseInt(line.substring(15).strip());
            }
        }
        return head + new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }
}
