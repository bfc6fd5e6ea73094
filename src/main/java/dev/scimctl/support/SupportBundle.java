package dev.scimctl.support;

import dev.scimctl.io.AtomicFile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * What a support bundle holds, and writing it: a zip with a README.txt that lists every other file, each passed
 * through the {@link Redaction} on its way in (README.txt too), written atomically so that a failure or Ctrl-C never
 * leaves half a zip under the bundle's name.
 */
public final class SupportBundle {
    public static final String README = "README.txt";
    /** A part larger than this is cut: a bundle is for reading, not for a full export. */
    static final int MAX_PART_CHARS = 2 << 20;

    private final List<BundleEntry> entries = new ArrayList<>();
    private final Instant createdAt;

    public SupportBundle(Instant createdAt) {
        this.createdAt = createdAt;
    }

    public void add(String name, String description, String text) {
        String content = text.length() > MAX_PART_CHARS
                ? text.substring(0, MAX_PART_CHARS) + "\n[cut at " + MAX_PART_CHARS + " characters]\n" : text;
        entries.add(new BundleEntry(name, description, content));
    }

    /** The files, in the order they go in (README.txt first, not listed here). */
    public List<BundleEntry> entries() {
        return List.copyOf(entries);
    }

    /** The listing shown before writing and kept as README.txt. */
    public String listing(boolean usersRedacted) {
        int width = entries.stream().mapToInt(e -> e.name().length()).max().orElse(10);
        StringBuilder b = new StringBuilder();
        for (BundleEntry e : entries) {
            b.append(String.format(Locale.ROOT, "  %-" + width + "s  %s%n", e.name(), e.description()));
        }
        b.append("Never in it: the token, proxy passwords, or the user:password@ part of any URL.")
                .append(System.lineSeparator());
        if (usersRedacted) {
            b.append("User names, names and e-mail addresses are replaced by hashes (u-…), the same hash for the same "
                    + "value throughout this bundle.").append(System.lineSeparator());
        }
        return b.toString();
    }

    String readme(boolean usersRedacted) {
        return "scimctl support bundle, made " + createdAt + System.lineSeparator() + System.lineSeparator()
                + "It holds:" + System.lineSeparator() + listing(usersRedacted) + System.lineSeparator()
                + "Made by 'scimctl support bundle'; see docs/support.md." + System.lineSeparator();
    }

    /** Writes the zip to {@code target} atomically (mode 0600: it describes a tenant), every file redacted. */
    public void write(Path target, Redaction redaction) throws IOException {
        AtomicFile.write(target, out -> {
            ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
            put(zip, README, redaction.apply(readme(redaction.redactsUsers())));
            for (BundleEntry e : entries) {
                put(zip, e.name(), redaction.apply(e.text()));
            }
            zip.finish();
        }, true, false);
    }

    private void put(ZipOutputStream zip, String name, String text) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setLastModifiedTime(FileTime.from(createdAt));
        zip.putNextEntry(entry);
        zip.write(text.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }
}
