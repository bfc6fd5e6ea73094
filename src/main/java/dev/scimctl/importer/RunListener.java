package dev.scimctl.importer;

/** What any run of the importer (an import, an undo) tells whoever shows it while it reads and writes. */
public interface RunListener {
    /** The progress of reading the server and of applying. */
    Progress progress();

    /** A notice of the core (a retry is waiting); from any worker thread. */
    void notice(String line);
}
