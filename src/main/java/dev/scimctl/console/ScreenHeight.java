package dev.scimctl.console;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** How many lines the terminal shows: $LINES when set, else what {@code stty size} says of /dev/tty, else 0 (unknown). */
public final class ScreenHeight {
    private ScreenHeight() {
    }

    public static int rows(Map<String, String> env) {
        String lines = env.get("LINES");
        if (lines != null && lines.strip().matches("[0-9]{1,5}")) {
            return Integer.parseInt(lines.strip());
        }
        File tty = new File("/dev/tty");
        if (!tty.exists()) {
            return 0;
        }
        try {
            // stty asks the terminal driver (TIOCGWINSZ), as JLine's exec provider does; Java cannot ask it directly.
            Process p = new ProcessBuilder("stty", "size").redirectInput(tty)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip();
            if (!p.waitFor(2, TimeUnit.SECONDS) || p.exitValue() != 0 || !out.matches("[0-9]+ [0-9]+")) {
                return 0;
            }
            return Integer.parseInt(out.substring(0, out.indexOf(' ')));
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }
}
