package dev.scimctl.importer;

/** One attribute that an update or deactivation changes, from the server's value to the file's. */
public record Change(UserAttribute attribute, String from, String to) {
    @Override
    public String toString() {
        return attribute.label() + ": " + show(from) + " → " + show(to);
    }

    private static String show(String v) {
        return v == null || v.isEmpty() ? "(none)" : "\"" + v + "\"";
    }
}
