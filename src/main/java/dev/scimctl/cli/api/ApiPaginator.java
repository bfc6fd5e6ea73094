package dev.scimctl.cli.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scimctl.output.OutputFormat;
import dev.scimctl.output.RecordWriter;
import dev.scimctl.output.RecordWriters;
import dev.scimctl.scim.PageGuard;
import dev.scimctl.scim.RawRequest;
import dev.scimctl.scim.RawResponse;
import dev.scimctl.scim.ScimClient;
import dev.scimctl.scim.ScimProtocolException;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code scimctl api --paginate}: follows a ListResponse by {@code startIndex} until {@code totalResults} is reached
 * or a page comes back empty, writing each page's Resources as they arrive. It counts the resources it received
 * (servers disagree on {@code itemsPerPage}) and stops with exit 6 on a page it has already seen, rather than loop
 * forever on a server that ignores {@code startIndex}, and past {@link PageGuard#readLimit}, on a server whose
 * {@code totalResults} keeps growing ahead of the pages.
 */
final class ApiPaginator {
    private final ScimClient client;
    private final ApiPrinter printer;
    private final boolean lines;

    ApiPaginator(ScimClient client, ApiPrinter printer, boolean lines) {
        this.client = client;
        this.printer = printer;
        this.lines = lines;
    }

    void run(String method, String target, Map<String, String> headers) {
        int q = target.indexOf('?');
        String path = q < 0 ? target : target.substring(0, q);
        String query = q < 0 ? "" : target.substring(q + 1);
        String rest = withoutParameter(query, "startIndex");
        long startIndex = parameter(query, "startIndex", 1);
        Set<String> firstIds = new HashSet<>();
        long firstTotal = -1;
        long read = 0;
        try (RecordWriter<JsonNode> out = RecordWriters.open(lines ? OutputFormat.ndjson : OutputFormat.json,
                printer.out(), printer.ansi(), List.of(), node -> node)) {
            while (true) {
                String page = path + "?" + (rest.isEmpty() ? "" : rest + "&") + "startIndex=" + startIndex;
                RawResponse response = client.exchange(new RawRequest(method, page, headers, null, true));
                JsonNode body = response.checked().body();
                JsonNode resources = body == null ? null : body.get("Resources");
                if (body == null || resources == null && !body.has("totalResults")) {
                    throw new ScimProtocolException(response.uri(), "GET " + response.uri() + " did not answer a "
                            + "ListResponse (no Resources, no totalResults): drop --paginate for a single resource",
                            null);
                }
                if (resources == null || !resources.isArray() || resources.isEmpty()) {
                    break;
                }
                String first = resources.get(0).path("id").asText("");
                if (!first.isEmpty() && !firstIds.add(first)) {
                    throw new ScimProtocolException(response.uri(), "the page at startIndex=" + startIndex
                            + " repeats an earlier page (id " + first + "): the server ignores startIndex", null);
                }
                JsonNode total = body.get("totalResults");
                long said = total != null && total.canConvertToLong() ? total.asLong() : -1;
                firstTotal = firstTotal < 0 ? said : firstTotal;
                read += resources.size();
                if (firstTotal >= 0 && read > PageGuard.readLimit(firstTotal)) {
                    throw new ScimProtocolException(response.uri(), "the page at startIndex=" + startIndex + ": "
                            + PageGuard.growing(read, firstTotal, said), null);
                }
                resources.forEach(out::write);
                out.flush();
                startIndex += resources.size();
                if (said >= 0 && startIndex > said) {
                    break;
                }
            }
        }
    }

    private static long parameter(String query, String name, long fallback) {
        for (String pair : query.split("&")) {
            if (pair.startsWith(name + "=")) {
                try {
                    return Math.max(1, Long.parseLong(pair.substring(name.length() + 1)));
                } catch (NumberFormatException e) {
                    return fallback;
                }
            }
        }
        return fallback;
    }

    private static String withoutParameter(String query, String name) {
        StringBuilder b = new StringBuilder();
        for (String pair : query.split("&")) {
            if (pair.isEmpty() || pair.startsWith(name + "=")) {
                continue;
            }
            if (b.length() > 0) {
                b.append('&');
            }
            b.append(pair);
        }
        return b.toString();
    }

    /** A query key or value encoded for the URL (%20 for spaces, never '+'). */
    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
