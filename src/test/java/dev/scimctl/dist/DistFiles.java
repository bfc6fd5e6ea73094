package dev.scimctl.dist;

import dev.scimctl.ScimCtl;
import dev.scimctl.cli.CommandContext;
import dev.scimctl.cli.RootCommand;
import dev.scimctl.output.Terminals;
import picocli.CommandLine;
import picocli.codegen.docgen.manpage.ManPageGenerator;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Writes what the release archive ships beside the jar, from the command model: a man page source (AsciiDoc, by
 * picocli-codegen's generator) for every command, and the completion scripts. The {@code dist} Maven profile runs it
 * before asciidoctor renders the pages to roff. It lives with the tests because picocli-codegen is a build tool,
 * never shipped.
 */
public final class DistFiles {
    /** The completion scripts, by file name in the archive's completion/ folder, and the shell each is for. */
    static final Map<String, String> COMPLETION_FILES = Map.of(
            "scimctl.bash", "bash",
            "scimctl.zsh", "zsh",
            "scimctl.fish", "fish");

    private DistFiles() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: DistFiles OUTPUT_DIR");
        }
        Path out = Path.of(args[0]);
        writeManPageSources(out.resolve("adoc"));
        writeCompletionScripts(out.resolve("completion"));
    }

    /** One {@code scimctl[-sub…].adoc} per command that is not hidden. */
    static void writeManPageSources(Path dir) throws IOException {
        Files.createDirectories(dir);
        CommandLine root = RootCommand.commandLine(silentContext(new StringWriter(), new StringWriter()));
        int rc = ManPageGenerator.generateManPage(dir.toFile(), null, new boolean[0], true, root.getCommandSpec());
        if (rc != 0) {
            throw new IOException("the man page generator failed with exit code " + rc);
        }
        // Help headings end with a colon ("Examples:"); man page section names do not.
        try (var pages = Files.list(dir)) {
            for (Path page : pages.toList()) {
                String text = Files.readString(page, StandardCharsets.UTF_8);
                Files.writeString(page, SECTION_COLON.matcher(text).replaceAll("== $1"), StandardCharsets.UTF_8);
            }
        }
    }

    private static final Pattern SECTION_COLON = Pattern.compile("(?m)^==\\s+(.+?):\\s*$");

    /** The scripts exactly as 'scimctl completion SHELL' prints them. */
    static void writeCompletionScripts(Path dir) throws IOException {
        Files.createDirectories(dir);
        for (Map.Entry<String, String> e : COMPLETION_FILES.entrySet()) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int rc = ScimCtl.run(silentContext(out, err), "completion", e.getValue());
            if (rc != 0) {
                throw new IOException("scimctl completion " + e.getValue() + " failed (exit " + rc + "): " + err);
            }
            Files.writeString(dir.resolve(e.getKey()), out.toString(), StandardCharsets.UTF_8);
        }
    }

    private static CommandContext silentContext(StringWriter out, StringWriter err) {
        return new CommandContext(new PrintWriter(out), new PrintWriter(err), new ByteArrayInputStream(new byte[0]),
                Map.of(), Terminals.NONE, Clock.systemUTC());
    }
}
