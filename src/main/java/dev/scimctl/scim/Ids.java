package dev.scimctl.scim;

import java.util.regex.Pattern;

/** What an id looks like. Servers issue ids freely, but most issue UUIDs (with or without dashes). */
public final class Ids {
    private static final Pattern UUID = Pattern.compile("[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?"
            + "[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}");

    private Ids() {
    }

    public static boolean isUuid(String s) {
        return s != null && UUID.matcher(s).matches();
    }
}
