package dev.scimctl.config;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where scimctl keeps what it records about its own runs (import journals, the locks that keep two runs apart):
 * {@code $XDG_STATE_HOME/scimctl}, else {@code ~/.local/state/scimctl}, as the XDG base directory rules say for
 * state that outlives a run but is not worth a backup. The folder is 0700: journals name users.
 */
public final class StateFolder {
    private StateFolder() {
    }

    public static Path directory(Map<String, String> env) {
        return XdgFolder.of(env, null, "XDG_STATE_HOME", ".local/state");
    }

    public static Path journals(Map<String, String> env) {
        return directory(env).resolve("journals");
    }

    public static Path locks(Map<String, String> env) {
        return directory(env).resolve("locks");
    }
}
