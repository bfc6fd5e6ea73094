package dev.scimctl.console;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** A yes/no question on a terminal, no by default: only "y" or "yes" (any case) says yes; Enter or end of input says no. */
public final class Confirm {
    private Confirm() {
    }

    /**
     * Prints {@code question [y/N] } on {@code prompt} and reads one line from {@code in}.
     *
     * @return whether the answer was yes
     */
    public static boolean ask(String question, InputStream in, PrintWriter prompt) throws IOException {
        prompt.print(question + " [y/N] ");
        prompt.flush();
        // Not closed: closing it would close stdin, which the caller owns.
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line = reader.readLine();
        if (line == null) {
            prompt.println();
            return false;
        }
        String answer = line.strip().toLowerCase(Locale.ROOT);
        return answer.equals("y") || answer.equals("yes");
    }
}
