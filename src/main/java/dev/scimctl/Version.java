package dev.scimctl;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version Maven stamped into the build, for --version and the User-Agent header. */
public final class Version {
    private static final String VERSION = load();

    private Version() {
    }

    public static String get() {
        return VERSION;
    }

    private static String load() {
        // The jar's manifest, which the JVM has read already: cheaper at start-up than opening a resource in the jar.
        String stamped = Version.class.getPackage().getImplementationVersion();
        if (stamped != null) {
            return stamped;
        }
        try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return "dev";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "dev");
        } catch (IOException e) {
            return "dev";
        }
    }
}
