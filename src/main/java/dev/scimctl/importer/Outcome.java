package dev.scimctl.importer;

/**
 * What became of one step.
 *
 * @param status    done, failed, or not run (the run stopped before it)
 * @param id        the user's (or group's) id on the server, when known
 * @param detail    what was done, in words ("created", "familyName: "Smith" → "Smyth"")
 * @param error     why it failed
 * @param transientFailure whether trying again later may succeed (429, 5xx, a dropped connection, a timeout)
 */
public record Outcome(Status status, String id, String detail, String error, boolean transientFailure) {
    public enum Status { DONE, FAILED, NOT_RUN }

    static Outcome done(String id, String detail) {
        return new Outcome(Status.DONE, id, detail, null, false);
    }

    static Outcome failed(String id, String error, boolean transientFailure) {
        return new Outcome(Status.FAILED, id, null, error, transientFailure);
    }

    static Outcome notRun(String id, String why) {
        return new Outcome(Status.NOT_RUN, id, null, why, false);
    }

    public boolean ok() {
        return status == Status.DONE;
    }
}
