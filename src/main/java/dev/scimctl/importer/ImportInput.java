package dev.scimctl.importer;

import dev.scimctl.InputException;
import dev.scimctl.csv.DuoCsvReader;
import dev.scimctl.csv.ValidationOptions;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The validated file an import reads, how messages call it, and its SHA-256 (the journal notes which file a run
 * read, so that a resumed run can say the file has changed).
 */
public record ImportInput(CsvRows.Result csv, String name, String sha256) {

    /** Reads and validates a file. */
    public static ImportInput read(Path path, DuoCsvReader.Options options, ValidationOptions validation) {
        try (DuoCsvReader reader = DuoCsvReader.open(path, options)) {
            CsvRows.Result csv = CsvRows.read(reader, validation);
            return new ImportInput(csv, reader.name(), digestOf(path));
        }
    }

    /** Reads and validates a stream (stdin), hashing it as it goes. */
    public static ImportInput read(InputStream in, String name, DuoCsvReader.Options options,
                                   ValidationOptions validation) {
        MessageDigest digest = newDigest();
        try (DuoCsvReader reader = DuoCsvReader.open(new DigestInputStream(in, digest), name, options, false)) {
            CsvRows.Result csv = CsvRows.read(reader, validation);
            return new ImportInput(csv, reader.name(), HexFormat.of().formatHex(digest.digest()));
        }
    }

    /** Whether validation stops the import: any error, unless invalid rows may be skipped and none is the file's. */
    public boolean stopsImport(boolean skipInvalid) {
        return csv.errors() > 0 && (!skipInvalid || csv.fileErrors() > 0);
    }

    private static String digestOf(Path path) {
        MessageDigest digest = newDigest();
        try (InputStream in = new DigestInputStream(Files.newInputStream(path), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw new InputException(path + ": cannot be read: " + e.getMessage(), e);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
