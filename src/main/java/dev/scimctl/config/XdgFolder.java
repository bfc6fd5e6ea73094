package dev.scimctl.config;

import java.nio.file.Path;
import java.util.Map;

/**
 * The XDG base directory rules for scimctl's folders (config, cache, state), in one place: each kind has its
 * {@code XDG_*_HOME} variable and a default under the home folder, and a relative {@code XDG_*_HOME} is ignored, as
 * the rules say.
 */
public final class XdgFolder {
    private XdgFolder() {
    }

    /**
     * {@code $own} when set, else {@code $xdgHome/scimctl} when that is an absolute path, else
     * {@code ~/underHome/scimctl}.
     *
     * @param own       scimctl's own variable for this folder ({@code SCIMCTL_CONFIG_DIR}), or null when it has none
     * @param xdgHome   the XDG variable ({@code XDG_CONFIG_HOME})
     * @param underHome the XDG default, relative to the home folder ({@code .config})
     */
    public static Path of(Map<String, String> env, String own, String xdgHome, String underHome) {
        String dir = own == null ? null : env.get(own);
        if (dir != null && !dir.isBlank()) {
            return Path.of(dir);
        }
        String xdg = env.get(xdgHome);
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg, "scimctl");
        }
        String home = env.getOrDefault("HOME", System.getProperty("user.home"));
        return Path.of(home, underHome, "scimctl");
    }
}
