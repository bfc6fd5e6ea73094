package dev.scimctl.io;

/** Byte counts as people read them. */
public final class Sizes {
    public static final int KIB = 1024;
    public static final int MIB = 1024 * 1024;

    private Sizes() {
    }

    public static String human(long bytes) {
        if (bytes >= MIB && bytes % MIB == 0) {
            return bytes / MIB + " MiB";
        }
        if (bytes >= KIB && bytes % KIB == 0) {
            return bytes / KIB + " KiB";
        }
        return bytes + " bytes";
    }
}
