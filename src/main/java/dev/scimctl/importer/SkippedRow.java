package dev.scimctl.importer;

/** A row that is not imported (--skip-invalid), with why. */
public record SkippedRow(long line, String userName, String reason) {
}
