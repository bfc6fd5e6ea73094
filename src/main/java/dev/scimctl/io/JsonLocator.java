package dev.scimctl.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/** Where in a JSON file a value is, for messages that point at it: a tree keeps no line numbers. */
public final class JsonLocator {

    private static final JsonFactory FACTORY = new JsonFactory();

    private JsonLocator() {
    }

    /**
     * {@code ":line:col"} of the value at a JSON pointer ({@code /users/3/resource}) in a file, or "" if it
     * cannot be found (the message then names the file alone).
     */
    public static String lineAndColumn(Path file, String pointer) {
        String target = pointer.equals("/") ? "" : pointer;
        try (JsonParser parser = FACTORY.createParser(file.toFile())) {
            Deque<Object> path = new ArrayDeque<>(); // field names and array indexes, innermost last
            Deque<Integer> nextIndex = new ArrayDeque<>();
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                if (token == JsonToken.FIELD_NAME) {
                    path.removeLast();
                    path.addLast(parser.currentName());
                    continue;
                }
                if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
                    path.removeLast();
                    nextIndex.removeLast();
                    continue;
                }
                // A value starts here: in an array, it is the next element.
                if (!nextIndex.isEmpty() && nextIndex.peekLast() >= 0) {
                    int index = nextIndex.removeLast();
                    nextIndex.addLast(index + 1);
                    path.removeLast();
                    path.addLast(index);
                }
                if (pointerOf(path).equals(target)) {
                    JsonLocation at = parser.currentTokenLocation();
                    return ":" + at.getLineNr() + ":" + at.getColumnNr();
                }
                if (token == JsonToken.START_OBJECT) {
                    path.addLast("");
                    nextIndex.addLast(-1);
                } else if (token == JsonToken.START_ARRAY) {
                    path.addLast(-1);
                    nextIndex.addLast(0);
                }
            }
        } catch (IOException | RuntimeException unreadable) {
            // no location then
        }
        return "";
    }

    private static String pointerOf(Deque<Object> path) {
        StringBuilder pointer = new StringBuilder();
        for (Object step : path) {
            pointer.append('/').append(step);
        }
        return pointer.toString();
    }
}
