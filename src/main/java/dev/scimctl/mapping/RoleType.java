package dev.scimctl.mapping;

import dev.scimctl.Spelling;

import java.util.Locale;
import java.util.Optional;

/**
 * The two kinds of NinjaOne user role. A NinjaOne account is one kind or the other, so a group (and a user) should get
 * roles of one kind only. Each type has three spellings of one name: the constant's is NinjaOne's public REST API's.
 */
public enum RoleType {
    TECHNICIAN,
    END_USER;

    /** The spelling of the mapping file and of SCIM's {@code userType}: {@code technician}, {@code endUser}. */
    public String fileName() {
        return Spelling.camel(this);
    }

    /** For sentences: "technician", "end-user". */
    public String label() {
        return Spelling.kebab(this);
    }

    public RoleType other() {
        return this == TECHNICIAN ? END_USER : TECHNICIAN;
    }

    /** Exactly the mapping file's spelling, so that one file has one spelling. */
    public static Optional<RoleType> fromFileName(String value) {
        for (RoleType t : values()) {
            if (t.fileName().equals(value)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /**
     * Any spelling a person or an export might use: technician, Technician, TECHNICIAN, endUser, END_USER, end-user.
     * For command-line values and role exports, where there is nothing to keep consistent.
     */
    public static Optional<RoleType> lenient(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String key = value.strip().toLowerCase(Locale.ROOT).replace("_", "").replace("-", "").replace(" ", "");
        return switch (key) {
            case "technician" -> Optional.of(TECHNICIAN);
            case "enduser" -> Optional.of(END_USER);
            default -> Optional.empty();
        };
    }

    /**
     * What a hand-written type value should have been, with the reason, for error messages; empty when the value is
     * not recognisably either type.
     */
    public static Optional<String> correction(String value) {
        Optional<RoleType> meant = lenient(value);
        if (meant.isEmpty()) {
            return Optional.empty();
        }
        RoleType t = meant.get();
        String why = value.equals(t.name()) ? " (" + value + " is the public REST API's spelling, not the file's)" : "";
        return Optional.of("write \"" + t.fileName() + "\"" + why);
    }
}
