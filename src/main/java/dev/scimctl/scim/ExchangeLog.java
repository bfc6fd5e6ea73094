package dev.scimctl.scim;

import dev.scimctl.scim.net.Network;
import dev.scimctl.scim.net.ProxyRoute;

import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The --debug trace of each exchange: method, URL, route, status, timing, headers, body size. Authorization and
 * Proxy-Authorization (after their scheme) and cookies are redacted, and the token and proxy passwords are scrubbed
 * from every line.
 */
final class ExchangeLog {
    private final ClientListener listener;
    private final List<Secret> secrets = new ArrayList<>();
    private final Network network;

    ExchangeLog(ClientListener listener, Secret token, Network network) {
        this.listener = listener;
        this.network = network;
        secrets.add(token);
        secrets.addAll(network.secrets());
    }

    void request(HttpRequest request, int bodyBytes) {
        if (!listener.debugEnabled()) {
            return;
        }
        ProxyRoute route;
        try {
            route = network.route(request.uri());
        } catch (IllegalArgumentException e) {
            route = new ProxyRoute(null, e.getMessage());
        }
        emit("> " + request.method() + " " + request.uri() + " (" + bodyBytes + " bytes)"
                + (route.isDirect() ? "" : " " + route.describe()));
        headers("> ", request.headers());
    }

    void response(HttpResponse<Body> response, long nanos) {
        if (!listener.debugEnabled()) {
            return;
        }
        long size = response.body() == null ? 0 : response.body().length();
        emit(String.format(Locale.ROOT, "< %d %s in %d ms (%d bytes)", response.statusCode(),
                HttpStatus.reason(response.statusCode()), nanos / 1_000_000, size));
        headers("< ", response.headers());
    }

    void failure(HttpRequest request, String what, long nanos) {
        if (listener.debugEnabled()) {
            emit(String.format(Locale.ROOT, "< %s %s failed after %d ms: %s", request.method(), request.uri(),
                    nanos / 1_000_000, what));
        }
    }

    private void headers(String prefix, HttpHeaders headers) {
        for (Map.Entry<String, List<String>> h : headers.map().entrySet()) {
            String name = h.getKey();
            boolean credentials = name.equalsIgnoreCase("Authorization") || name.equalsIgnoreCase("Proxy-Authorization");
            // A cookie's value comes first ("SESSION=…; Path=/"), so none of it is kept.
            boolean cookie = name.equalsIgnoreCase("Cookie") || name.equalsIgnoreCase("Set-Cookie");
            for (String v : h.getValue()) {
                emit(prefix + "  " + name + ": " + (credentials ? redact(v) : cookie ? "[redacted]" : v));
            }
        }
    }

    private static String redact(String value) {
        int space = value.indexOf(' ');
        return (space > 0 ? value.substring(0, space + 1) : "") + "[redacted]";
    }

    private void emit(String line) {
        String text = line;
        for (Secret s : secrets) {
            text = s.scrub(text);
        }
        listener.debug(text);
    }
}
