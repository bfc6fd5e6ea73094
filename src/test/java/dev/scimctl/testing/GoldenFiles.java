package dev.scimctl.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Expected outputs kept as files under src/test/resources/golden/, compared exactly. To create or refresh them after a
 * deliberate change, run the tests with {@code -Dgolden.update=true} (see docs/testing.md), then review the diff:
 * <pre>./mvnw -B -o test -Dtest='*GoldenTest' -Dgolden.update=true && git diff src/test/resources/golden</pre>
 */
public final class GoldenFiles {
    /** The one switch that rewrites the files instead of comparing. */
    public static final boolean UPDATE = Boolean.getBoolean("golden.update");

    private static final Path ROOT = Path.of("src", "test", "resources", "golden");

    private GoldenFiles() {
    }

    /** Fails unless {@code actual} is exactly the file's content; with the switch on, writes it instead. */
    public static void assertMatches(String name, String actual) {
        Path file = ROOT.resolve(name);
        try {
            if (UPDATE) {
                Files.createDirectories(file.getParent());
                Files.writeString(file, actual, StandardCharsets.UTF_8);
                return;
            }
            if (!Files.exists(file)) {
                throw new AssertionError("no golden file " + file + ": run the test with -Dgolden.update=true to "
                        + "write it, then review and commit it. The output was:\n" + actual);
            }
            String expected = Files.readString(file, StandardCharsets.UTF_8);
            if (!expected.equals(actual)) {
                throw new AssertionError("output differs from " + file + " (refresh with -Dgolden.update=true if the "
                        + "change is meant)\n--- expected:\n" + expected + "\n--- actual:\n" + actual);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * For output that is often empty (a command's stderr): empty output must have no file, other output must match
     * it. With the switch on, writes the file, or removes it when the output is empty.
     */
    public static void assertMatchesIfAny(String name, String actual) {
        Path file = ROOT.resolve(name);
        if (!actual.isEmpty()) {
            assertMatches(name, actual);
            return;
        }
        try {
            if (UPDATE) {
                Files.deleteIfExists(file);
            } else if (Files.exists(file)) {
                throw new AssertionError("nothing was printed, but there is a golden file " + file + " (refresh with "
                        + "-Dgolden.update=true if the change is meant)");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
