package dev.scimctl.sandbox;

import java.util.Locale;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Refuses filters nested too deeply for the SDK's recursive parser. A filter nested a few thousand levels deep
 * overflowed its stack, and the connection closed with no answer; RFC 7644 has {@code invalidFilter} for it.
 */
final class FilterDepth {

    /** Far beyond any filter a client builds (scimctl's deepest has three levels), far below the stack's limit. */
    static final int MAX_DEPTH = 64;
    /** How many {@code and}/{@code or} one filter may chain (each is a level of the SDK's parse tree). */
    static final int MAX_OPERATORS = 500;

    private FilterDepth() {
    }

    /** Why a filter is refused, or null if it is fine (or absent). */
    static String problem(String filter) {
        if (filter == null) {
            return null;
        }
        int depth = 0;
        int deepest = 0;
        int operators = 0;
        boolean inString = false;
        String lower = filter.toLowerCase(Locale.ROOT);
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '(' || c == '[') {
                deepest = Math.max(deepest, ++depth);
            } else if (c == ')' || c == ']') {
                depth--;
            } else if (c == ' ' && (lower.startsWith(" and ", i) || lower.startsWith(" or ", i))) {
                operators++;
            }
        }
        if (deepest > MAX_DEPTH) {
            return "the filter is nested " + deepest + " levels deep; the sandbox evaluates at most " + MAX_DEPTH;
        }
        if (operators > MAX_OPERATORS) {
            return "the filter chains " + operators + " 'and'/'or' operators; the sandbox evaluates at most "
                    + MAX_OPERATORS;
        }
        return null;
    }

    /** The same check for a request body: a {@code /.search} filter, and PATCH paths (which may hold filters). */
    static String problemInBody(String body) {
        JsonNode json;
        try {
            json = SandboxJson.MAPPER.readTree(body);
        } catch (JsonProcessingException unparseable) {
            return null; // the SDK answers it
        }
        if (json == null) {
            return null;
        }
        String problem = problem(json.path("filter").isTextual() ? json.get("filter").textValue() : null);
        for (JsonNode operation : json.path("Operations")) {
            if (problem == null && operation.path("path").isTextual()) {
                problem = problem(operation.get("path").textValue());
            }
        }
        return problem;
    }
}
