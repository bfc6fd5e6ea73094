package dev.scimctl.io;

import dev.scimctl.InputException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a whole small file (or stdin), refusing one larger than its purpose allows, so that a wrong or hostile file (a 200 MB
 * "config.json") ends in a message rather than in an out-of-memory error.
 */
public final class BoundedFiles {
    private BoundedFiles() {
    }

    /**
     * The file's bytes, or an {@link InputException} naming the limit when it holds more than {@code limit} bytes.
     *
     * @param what what the file is, for the message: "the settings file"
     */
    public static byte[] read(Path file, int limit, String what) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, limit, file + ": " + what + " is larger than " + Sizes.human(limit)
                    + ", more than such a file ever holds: check that this is the right file");
        }
    }

    /**
     * What is left of {@code in} (stdin), or an {@link InputException} saying {@code tooLarge} when it holds more than
     * {@code limit} bytes: never more than one byte past the limit is read.
     */
    public static byte[] read(InputStream in, int limit, String tooLarge) throws IOException {
        byte[] bytes = in.readNBytes(limit + 1);
        if (bytes.length > limit) {
            throw new InputException(tooLarge);
        }
        return bytes;
    }
}
