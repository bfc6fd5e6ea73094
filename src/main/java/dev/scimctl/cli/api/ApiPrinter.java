package dev.scimctl.cli.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scimctl.cli.CommandContext;
import dev.scimctl.output.JsonOutput;
import dev.scimctl.scim.RawResponse;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** Prints what {@code scimctl api} received: the status and headers with -i, then the body. */
final class ApiPrinter {
    private final CommandContext context;
    private final boolean pretty;

    ApiPrinter(CommandContext context, boolean pretty) {
        this.context = context;
        this.pretty = pretty;
    }

    /** The status line and the headers, as curl -i shows them; any secret scrubbed, control characters made visible. */
    void statusAndHeaders(RawResponse response) {
        PrintWriter out = context.out();
        out.println(response.protocol() + " " + response.status() + " " + response.reason());
        for (Map.Entry<String, List<String>> h : response.headers().map().entrySet()) {
            if (h.getKey().startsWith(":")) {
                continue; // HTTP/2 pseudo-headers
            }
            for (String value : h.getValue()) {
                out.println(printable(context.scrub(h.getKey() + ": " + value)));
            }
        }
        out.println();
        out.flush();
    }

    /** The body: JSON as JSON (its strings keep their exact values, escaped); other text only with -i. */
    void body(RawResponse response, boolean include) {
        JsonNode json = ApiCommand.json(response);
        if (json != null) {
            json(json);
        } else if (include && response.body().length > 0) {
            context.out().println(printable(context.scrub(new String(response.body(), StandardCharsets.UTF_8))));
        }
        context.out().flush();
    }

    PrintWriter out() {
        return context.out();
    }

    picocli.CommandLine.Help.Ansi ansi() {
        return context.ansi(true);
    }

    /**
     * A body as JSON, with any secret scrubbed: a server that echoes the Authorization header in its 401 (or a proxy
     * its credentials) would otherwise put the token on stdout, in a CI log, while the error line below it hides it.
     */
    void json(JsonNode json) {
        StringWriter text = new StringWriter();
        PrintWriter writer = new PrintWriter(text);
        if (pretty) {
            JsonOutput.pretty(writer, json);
        } else {
            JsonOutput.compact(writer, json);
        }
        writer.flush();
        context.out().print(context.scrub(text.toString()));
    }

    /** Control characters (other than tab and line ends) become visible text, so a server cannot drive the terminal. */
    static String printable(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean control = c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c >= 0x7F && c <= 0x9F;
            if (control) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
