package dev.scimctl.console;

import dev.scimctl.InputException;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/** Reads a secret: a masked prompt on a terminal, the whole of stdin otherwise (for {@code pass … | scimctl …}). */
public final class SecretPrompt {
    private SecretPrompt() {
    }

    /** Returns null when nothing was entered. */
    public static String read(String prompt, boolean terminal, InputStream stdin) throws IOException {
        Console console = System.console();
        if (terminal && console != null) {
            char[] chars = console.readPassword("%s", prompt);
            return chars == null ? null : new String(chars);
        }
        BufferedReader reader = new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8));
        StringBuilder b = new StringBuilder();
        char[] buf = new char[1024];
        for (int n; (n = reader.read(buf)) > 0; ) {
            b.append(buf, 0, n);
            if (b.length() > 64 * 1024) {
                throw new InputException("more than 64 KiB on stdin: that is not a token; pipe in the token alone");
            }
        }
        return b.toString();
    }
}
