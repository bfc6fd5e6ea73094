package dev.scimctl.console;

import dev.scimctl.output.Terminals;
import org.jline.utils.Signals;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.IntSupplier;

/**
 * The one confirmation of every command that changes a server in bulk (import, import undo, users deactivate and
 * delete): what will change, shown in part when it is longer than the screen (the whole of it offered in a pager or a
 * file), then a yes/no question, no by default. Only "y" or "yes" (any case) says yes; Enter or end of input says no.
 * Ctrl-C at the question prints "cancelled, nothing changed" and the process exits 130.
 *
 * <p>It asks only when stdin, stdout and stderr are all terminals ({@link #whyNot}): with stdout piped (to a pager,
 * say) the question would wait unseen behind the pager, which reads the same keyboard.
 */
public final class Prompt {
    /** Lines that what comes before (a plan's header) and after (the counts, the question) take on the screen. */
    private static final int LINES_AROUND = 8;
    /** When cut, two more: the "… and N more lines" note and the offer of the whole. */
    private static final int LINES_AROUND_CUT = LINES_AROUND + 2;
    private static final int FEWEST_SHOWN = 5;

    private final InputStream in;
    private final PrintWriter err;
    private final Map<String, String> env;
    private final IntSupplier screenRows;
    private final Runnable onCancel;
    private BufferedReader reader;
    /** What {@link #show} cut short (its plain text, line by line), offered whole at the question; else null. */
    private List<String> cut;
    private String cutName;

    /**
     * @param screenRows the terminal's height in lines, 0 when unknown (then nothing is cut)
     * @param onCancel   run on Ctrl-C at the question, as the process ends (the caller's locks, say)
     */
    public Prompt(InputStream in, PrintWriter err, Map<String, String> env, IntSupplier screenRows, Runnable onCancel) {
        this.in = in;
        this.err = err;
        this.env = env;
        this.screenRows = screenRows;
        this.onCancel = onCancel;
    }

    /** What {@code printer} prints, line by line: for {@link #show}. */
    public static List<String> lines(Consumer<PrintWriter> printer) {
        StringWriter text = new StringWriter();
        PrintWriter writer = new PrintWriter(text);
        printer.accept(writer);
        writer.flush();
        return text.toString().lines().toList();
    }

    /** Why scimctl cannot ask here ("stdout is not a terminal"), or null when it can. */
    public static String whyNot(Terminals terminals) {
        String stream = !terminals.stdin() ? "stdin" : !terminals.stdout() ? "stdout" : !terminals.stderr() ? "stderr"
                : null;
        return stream == null ? null : stream + " is not a terminal";
    }

    /**
     * Prints {@code lines} (with colour, if any) on {@code out}: all of them when they fit the screen, else the first
     * ones and how many more, and then the question offers the whole text ({@code plain}, the same lines without
     * colour) in a pager or a file.
     *
     * @param name what the lines are, for the offer ("plan")
     */
    public void show(String name, List<String> lines, List<String> plain, PrintWriter out) {
        int rows = screenRows.getAsInt();
        if (rows <= 0 || lines.size() <= rows - LINES_AROUND) {
            lines.forEach(out::println);
            out.flush();
            return;
        }
        int shown = Math.max(FEWEST_SHOWN, rows - LINES_AROUND_CUT);
        lines.subList(0, shown).forEach(out::println);
        out.flush();
        err.println("… and " + (lines.size() - shown) + " more lines of the " + name + " (" + lines.size()
                + " lines in all)");
        cut = plain;
        cutName = name;
    }

    /**
     * Asks {@code question [y/N]}; when {@link #show} cut its text short, first says how to see all of it, and answers
     * 'v' (the pager) and 'f' (a file) before asking again.
     *
     * @return whether the answer was yes
     */
    public boolean ask(String question) throws IOException {
        // Ctrl-C: the JVM exits 130 and runs this, before anything was changed.
        Thread cancelled = new Thread(() -> {
            onCancel.run();
            err.println();
            err.println("cancelled, nothing changed");
            err.flush();
        }, "scimctl-prompt-cancelled");
        Runtime.getRuntime().addShutdownHook(cancelled);
        try {
            String pager = cut == null ? null : pager();
            String choices = "y/N";
            if (cut != null) {
                choices = pager == null ? "y/N/f" : "y/N/v/f";
                err.println("The " + cutName + " is longer than the screen: "
                        + (pager == null ? "" : "'v' shows all of it in " + pager + ", ")
                        + "'f' writes it to a file.");
            }
            while (true) {
                err.print(question + " [" + choices + "] ");
                err.flush();
                String line = reader().readLine();
                if (line == null) {
                    err.println();
                    return false;
                }
                String answer = line.strip().toLowerCase(Locale.ROOT);
                if (cut != null && answer.equals("v") && pager != null) {
                    page(pager);
                } else if (cut != null && answer.equals("f")) {
                    err.println("The whole " + cutName + " is in " + writeCut());
                } else {
                    return answer.equals("y") || answer.equals("yes");
                }
            }
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(cancelled);
            } catch (IllegalStateException shuttingDown) {
                // Ctrl-C came: the hook is running
            }
        }
    }

    private BufferedReader reader() {
        // One reader for every answer: a second would lose what the first read ahead. Never closed: stdin is not ours.
        if (reader == null) {
            reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return reader;
    }

    /** $PAGER (blank: none), else less, else more, as found on PATH; null when there is none. */
    String pager() {
        String given = env.get("PAGER");
        if (given != null) {
            return given.isBlank() ? null : given.strip();
        }
        for (String candidate : List.of("less", "more")) {
            if (onPath(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    private boolean onPath(String program) {
        String path = env.getOrDefault("PATH", "");
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Runs the pager on the terminal with the whole text on its stdin, and waits for it. Ctrl-C is the pager's while it
     * runs (as git does), and less gets git's LESS=FRX unless LESS is set: colours pass, the text stays on the screen.
     */
    private void page(String pager) throws IOException {
        ProcessBuilder pb = new ProcessBuilder("sh", "-c", pager)
                .redirectOutput(ProcessBuilder.Redirect.INHERIT)
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        pb.environment().putIfAbsent("LESS", env.getOrDefault("LESS", "FRX"));
        Object interrupt = Signals.register("INT", () -> { });
        try {
            Process p = pb.start();
            try (OutputStream toPager = p.getOutputStream()) {
                toPager.write((String.join("\n", cut) + "\n").getBytes(StandardCharsets.UTF_8));
            } catch (IOException quitEarly) {
                // the pager was quit before it read everything: a broken pipe, as with any pager
            }
            p.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            err.println("could not run the pager '" + pager + "': " + e.getMessage() + "; 'f' writes the "
                    + cutName + " to a file");
        } finally {
            Signals.unregister("INT", interrupt);
        }
    }

    /** The whole text in a new file of the temporary folder, readable by its owner only (it names users). */
    private Path writeCut() throws IOException {
        Path file;
        try {
            file = Files.createTempFile("scimctl-" + cutName + "-", ".txt",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            file = Files.createTempFile("scimctl-" + cutName + "-", ".txt");
        }
        Files.write(file, cut, StandardCharsets.UTF_8);
        return file;
    }
}
