package dev.scimctl.cli.config;

import dev.scimctl.UsageException;

import java.util.regex.Pattern;

/** Profile names are short identifiers, so that they are safe in file names, shells and completion. */
final class ProfileNames {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private ProfileNames() {
    }

    static void check(String name) {
        if (!NAME.matcher(name).matches()) {
            throw new UsageException("\"" + name + "\" is not a valid profile name: use letters, digits, '.', '_' "
                    + "and '-', starting with a letter or digit, at most 64 characters");
        }
    }

    /** The one refusal of a name no profile has, for the commands that act on an existing profile. */
    static UsageException unknown(String name) {
        return new UsageException("no profile named \"" + name + "\"; 'scimctl config list' shows the profiles");
    }
}
