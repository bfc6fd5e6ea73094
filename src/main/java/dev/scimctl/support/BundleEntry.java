package dev.scimctl.support;

/**
 * One file of a support bundle.
 *
 * @param name        its path inside the zip, e.g. {@code discovery/Schemas.json}
 * @param description what it holds, in a few words (the listing before writing, and README.txt)
 * @param text        its content, before redaction
 */
public record BundleEntry(String name, String description, String text) {
}
