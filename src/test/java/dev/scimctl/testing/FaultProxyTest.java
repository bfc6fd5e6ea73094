package dev.scimctl.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.scimctl.testing.FaultProxy.Fault;
import dev.scimctl.testing.RawScimClient.Response;

class FaultProxyTest {

    @RegisterExtension
    static final ScimServerExtension scim = ScimServerExtension.create();

    private static final String USER = """
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"proxied@example.com"}""";

    private FaultProxy proxy;
    private RawScimClient client;

    @BeforeEach
    void startProxy() {
        proxy = FaultProxy.start(scim.baseUrl());
        client = new RawScimClient(proxy.baseUrl(), scim.token());
    }

    @AfterEach
    void closeProxy() {
        proxy.close();
    }

    @Test
    void forwards_requests_and_points_locations_at_the_proxy() {
        Response created = client.post("/Users", USER);

        assertThat(created.status()).as("%s", created).isEqualTo(201);
        String id = created.json().get("id").asText();
        assertThat(created.header("Location")).isEqualTo(proxy.baseUrl() + "/Users/" + id);
        assertThat(created.json().at("/meta/location").asText()).isEqualTo(proxy.baseUrl() + "/Users/" + id);
        assertThat(client.get("/Users/" + id).json().get("userName").asText()).isEqualTo("proxied@example.com");
        assertThat(proxy.count("POST", "/scim/v2/Users")).isEqualTo(1);
        assertThat(proxy.count("GET", "/scim/v2/Users/" + id)).isEqualTo(1);
    }

    @Test
    void serves_several_requests_on_one_keep_alive_connection() throws IOException {
        try (Socket socket = new Socket("127.0.0.1", proxy.port())) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
            for (int i = 0; i < 3; i++) {
                out.write(("GET /scim/v2/ServiceProviderConfig HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
                        + scim.token() + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                assertThat(in.readLine()).isEqualTo("HTTP/1.1 200 OK");
                int length = -1;
                for (String line = in.readLine(); !line.isEmpty(); line = in.readLine()) {
                    if (line.toLowerCase().startsWith("content-length:")) {
                        length = Integer.parseInt(line.substring(15).strip());
                    }
                }
                assertThat(length).isPositive();
                char[] body = new char[length];
                int read = 0;
                while (read < length) {
                    read += in.read(body, read, length - read);
                }
                assertThat(new String(body)).contains("ServiceProviderConfig");
            }
        }
        assertThat(proxy.count("GET", "/scim/v2/ServiceProviderConfig")).isEqualTo(3);
    }

    @Test
    void answers_429_with_retry_after_in_seconds_without_reaching_the_server() {
        proxy.rule(request -> Fault.tooManyRequests("7"));

        Response response = client.post("/Users", USER);

        assertThat(response.status()).isEqualTo(429);
        assertThat(response.header("Retry-After")).isEqualTo("7");
        assertThat(response.json().get("status").asText()).isEqualTo("429");
        assertThat(scim.store().userCount()).isZero();
    }

    @Test
    void answers_429_with_retry_after_as_an_http_date() {
        ZonedDateTime until = ZonedDateTime.parse("2026-11-29T12:00:05Z");
        proxy.rule(request -> Fault.tooManyRequestsUntil(until));

        Response response = client.get("/Users");

        assertThat(response.status()).isEqualTo(429);
        assertThat(ZonedDateTime.parse(response.header("Retry-After"), DateTimeFormatter.RFC_1123_DATE_TIME))
                .isEqualTo(until);
        assertThat(response.header("Retry-After")).isEqualTo("Sun, 29 Nov 2026 12:00:05 GMT");
    }

    @ParameterizedTest
    @ValueSource(ints = {502, 503, 504})
    void answers_a_gateway_error_without_a_body(int status) {
        proxy.rule(request -> Fault.status(status));

        Response response = client.get("/Users");

        assertThat(response.status()).isEqualTo(status);
        assertThat(response.text()).isEmpty();
    }

    @Test
    void answers_a_gateway_error_with_an_html_page() {
        proxy.rule(request -> Fault.statusWithHtml(502));

        Response response = client.get("/Users");

        assertThat(response.status()).isEqualTo(502);
        assertThat(response.header("Content-Type")).startsWith("text/html");
        assertThat(response.text()).contains("<html>");
        assertThat(response.json().isMissingNode()).isTrue();
    }

    @Test
    void answers_a_server_error_with_a_scim_error_body() {
        proxy.rule(request -> Fault.statusWithScimError(503, "maintenance"));

        Response response = client.get("/Users");

        assertThat(response.status()).isEqualTo(503);
        assertThat(response.json().get("detail").asText()).isEqualTo("maintenance");
    }

    @Test
    void drops_the_connection_before_forwarding_so_the_server_never_acts() {
        proxy.rule(request -> Fault.dropBeforeForwarding());

        assertThatThrownBy(() -> client.post("/Users", USER)).isInstanceOf(UncheckedIOException.class);

        assertThat(scim.store().userCount()).isZero();
        assertThat(proxy.count("POST", "/scim/v2/Users")).isEqualTo(1);
    }

    @Test
    void drops_the_connection_after_forwarding_so_the_server_acted_unseen() {
        proxy.rule(request -> Fault.dropAfterForwarding());

        assertThatThrownBy(() -> client.post("/Users", USER)).isInstanceOf(UncheckedIOException.class);

        assertThat(scim.store().userByUserName("proxied@example.com")).isPresent();
        assertThat(proxy.count("POST", "/scim/v2/Users")).isEqualTo(1);
    }

    @Test
    void delays_a_request_before_forwarding_it() {
        proxy.rule(request -> Fault.delay(Duration.ofMillis(300)));

        long started = System.nanoTime();
        Response response = client.get("/Users");

        assertThat(response.status()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }

    @Test
    void redirects_with_302_to_the_given_url() {
        proxy.rule(request -> Fault.redirect("https://login.example.com/sso"));

        Response response = client.get("/Users");

        assertThat(response.status()).isEqualTo(302);
        assertThat(response.header("Location")).isEqualTo("https://login.example.com/sso");
    }

    @Test
    void answers_200_with_an_html_page_where_json_was_expected() {
        proxy.rule(request -> Fault.htmlPage());

        Response response = client.get("/Users");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Type")).startsWith("text/html");
        assertThat(response.json().isMissingNode()).isTrue();
    }

    @Test
    void answers_200_with_a_truncated_json_body() {
        proxy.rule(request -> Fault.truncatedJson());

        Response response = client.get("/Users");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Type")).startsWith("application/scim+json");
        assertThat(response.text()).startsWith("{\"schemas\"");
        assertThat(response.json().isMissingNode()).as("not parseable").isTrue();
    }

    @Test
    void counts_attempts_so_a_test_can_fail_the_first_tries_and_assert_the_retries() {
        proxy.rule(request -> request.attempt() <= 2 ? Fault.status(503) : Fault.forward());

        int tries = 0;
        Response response;
        do {
            response = client.get("/Users?count=1");
            tries++;
        } while (response.status() == 503 && tries < 10);

        assertThat(response.status()).isEqualTo(200);
        assertThat(tries).isEqualTo(3);
        assertThat(proxy.count("GET", "/scim/v2/Users")).isEqualTo(3);
        assertThat(proxy.counts()).containsEntry("GET /scim/v2/Users", 3);
        proxy.resetCounts();
        assertThat(proxy.totalCount()).isZero();
    }

    @Test
    void closes_promptly_and_stops_accepting_connections() {
        proxy.rule(request -> Fault.delay(Duration.ofSeconds(30)));
        Thread stuck = new Thread(() -> {
            try {
                client.get("/Users");
            } catch (RuntimeException expected) {
                // dropped by close()
            }
        });
        stuck.start();

        long started = System.nanoTime();
        proxy.close();

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
        assertThatThrownBy(() -> new Socket().connect(new InetSocketAddress("127.0.0.1", proxy.port()), 1000))
                .isInstanceOf(ConnectException.class);
    }
}
