package dev.scimctl.cli.completion;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The fixed parts of the completion scripts, kept as shell files under {@code dev/scimctl/completion/}. */
final class Templates {
    private Templates() {
    }

    static String load(String name) {
        try (InputStream in = Templates.class.getResourceAsStream("/dev/scimctl/completion/" + name)) {
            if (in == null) {
                throw new IllegalStateException("completion template missing from the build: " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
