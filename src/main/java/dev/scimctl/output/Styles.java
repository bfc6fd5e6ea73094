package dev.scimctl.output;

import picocli.CommandLine.Help.Ansi;

/** The prefixes of the lines scimctl writes to stderr, styled one way everywhere ("error:" bold red, …). */
public final class Styles {
    private Styles() {
    }

    /** {@code error: } in bold red, where colour is on. */
    public static String error(Ansi ansi) {
        return ansi.string("@|bold,red error:|@ ");
    }

    /** {@code warning: } in yellow, where colour is on. */
    public static String warning(Ansi ansi) {
        return ansi.string("@|yellow warning:|@ ");
    }

    /** {@code note: }, unstyled: a note is information, not a problem. */
    public static String note() {
        return "note: ";
    }
}
