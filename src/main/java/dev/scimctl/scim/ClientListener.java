package dev.scimctl.scim;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.URI;
import java.time.Duration;

/** Where the core reports what a person may want to know; the CLI sends both to stderr. */
public interface ClientListener {
    ClientListener SILENT = new ClientListener() {
    };

    /** Whether {@link #debug} lines are wanted at all (so that they are not even formatted otherwise). */
    default boolean debugEnabled() {
        return false;
    }

    /** One line of the --debug trace. Never holds a token: the core redacts before calling. */
    default void debug(String line) {
    }

    /** A notice worth showing without --debug, e.g. that a retry is waiting. */
    default void notice(String line) {
    }

    /**
     * A request is about to be sent again after the server pushed back: {@code status} is 429, 502, 503 or 504, or
     * 0 when the connection dropped. Called before the wait (and besides the {@link #notice}), so that a bulk command
     * can slow all its workers down, not only the one that was refused.
     */
    default void retrying(String method, URI uri, int status, Duration wait) {
    }

    /**
     * The body of a successful response, as parsed. The support bundle learns from it which user names and e-mails
     * to hide with {@code --redact-users}; nothing else listens.
     */
    default void received(JsonNode body) {
    }
}
