package dev.scimctl.csv;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The user attributes scimctl reads from a Duo CSV, each with the column names it is found under. Names are compared
 * by {@link Text#normalizeName} (case, spaces, '_', '-', '.' ignored). Names after "|" are fallbacks: a Duo export
 * has both {@code username} and {@code email}, and the e-mail is the one that becomes the SCIM userName; a file with
 * only {@code username} (or a SCIM-style {@code userName}) uses that.
 */
public enum Field {
    EMAIL("email", "email", "emailaddress", "mail", "primaryemail", "workemail", "|", "username"),
    FIRST_NAME("firstName", "firstname", "givenname", "namegivenname", "forename"),
    LAST_NAME("lastName", "lastname", "familyname", "namefamilyname", "surname"),
    USER_TYPE("userType", "usertype"),
    ORGANIZATION_ID("organizationId", "organizationid", "orgid", "organisationid", "ninjaorg", "ninjaorgid"),
    GROUP("group", "group", "groups"),
    REALNAME("realname", "realname", "fullname", "displayname");

    private final String label;
    private final List<String> names;

    Field(String label, String... names) {
        this.label = label;
        this.names = List.of(names);
    }

    /** How the field is named in messages and in {@code --column FIELD=HEADER}. */
    public String label() {
        return label;
    }

    public boolean required() {
        return this == EMAIL || this == FIRST_NAME || this == LAST_NAME;
    }

    /** How well a header names this field: 0 a proper name, 1 a fallback, -1 not at all. */
    int rank(String normalizedHeader) {
        int i = normalizedHeader.equals("|") ? -1 : names.indexOf(normalizedHeader);
        if (i < 0) {
            return this == GROUP && isNumbered(normalizedHeader, "group") ? 0 : -1;
        }
        int bar = names.indexOf("|");
        return bar >= 0 && i > bar ? 1 : 0;
    }

    /** Which field a header names, with the URN prefix of a SCIM extension attribute ignored. */
    static Optional<Field> ofHeader(String header) {
        String h = Text.normalizeName(afterUrn(header));
        Field best = null;
        int bestRank = Integer.MAX_VALUE;
        for (Field f : values()) {
            int r = f.rank(h);
            if (r >= 0 && r < bestRank) {
                best = f;
                bestRank = r;
            }
        }
        return Optional.ofNullable(best);
    }

    /** The field a {@code --column} key names: its label or any of its column names ("givenName" is firstName). */
    public static Optional<Field> ofKey(String key) {
        String k = Text.normalizeName(key);
        for (Field f : values()) {
            if (!k.isEmpty() && (Text.normalizeName(f.label).equals(k) || f.rank(k) >= 0)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    public static String labels() {
        return Arrays.stream(values()).map(Field::label).collect(Collectors.joining(", "));
    }

    static String afterUrn(String header) {
        int colon = header.lastIndexOf(':');
        return colon >= 0 && header.toLowerCase(Locale.ROOT).startsWith("urn:") ? header.substring(colon + 1) : header;
    }

    private static boolean isNumbered(String s, String prefix) {
        if (!s.startsWith(prefix) || s.length() == prefix.length()) {
            return false;
        }
        for (int i = prefix.length(); i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
