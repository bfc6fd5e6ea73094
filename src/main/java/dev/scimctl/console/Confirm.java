package dev.scimctl.console;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** A yes/no question on stderr, answered on stdin. Anything but "y" or "yes" is no, and so is end of input. */
public final class Confirm {
    private Confirm() {
    }

    public static boolean ask(PrintWriter err, InputStream in, String question) {
        err.print(question + " [y/N] ");
        err.flush();
        String answer = readLine(in);
        if (answer == null) {
            err.println();
            return false;
        }
        String a = answer.strip().toLowerCase(Locale.ROOT);
        return a.equals("y") || a.equals("yes");
    }

    /** One line, read byte by byte so that nothing after it is consumed; null at end of input. */
    private static String readLine(InputStream in) {
        try {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            for (int b; (b = in.read()) != -1; ) {
                if (b == '\n') {
                    return line.toString(StandardCharsets.UTF_8);
                }
                if (line.size() < 1024) {
                    line.write(b);
                }
            }
            return line.size() == 0 ? null : line.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
