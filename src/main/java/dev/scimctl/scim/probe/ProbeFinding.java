package dev.scimctl.scim.probe;

/**
 * One line of the probe's report: what the server declares about a feature, what it did when tried, and what
 * scimctl does about it.
 *
 * @param check    what was tried, e.g. {@code filter userName eq}
 * @param declared what /ServiceProviderConfig (or the RFC, for what it does not declare) says; empty when nothing
 * @param observed what the server did
 * @param verdict  how the two compare
 * @param scimctl  what scimctl does about it
 */
public record ProbeFinding(String check, String declared, String observed, Verdict verdict, String scimctl) {
    /** How what the server did compares with what it declares and the RFC asks. */
    public enum Verdict {
        /** Works as declared and as RFC 7643/7644 say. */
        ok,
        /** Differs from its declaration or from the RFC. */
        differs,
        /** Declared unsupported (or optional) and indeed not there. */
        unsupported,
        /** Could not be tried here (no data to try it on, or an earlier step failed). */
        unchecked
    }
}
