package dev.scimctl.testing;

import dev.scimctl.scim.net.TunnelBasicAuth;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Does in the test JVM what scimctl's entry point does in its own: allow Basic proxy authentication for tunnels
 * before any HttpClient exists. Here test helpers (FaultProxy, RawScimClient) build HttpClients before scimctl's
 * classes load, and the JDK reads the setting only once. {@code TunnelAuthInFreshJvmTest} checks the real entry point.
 */
public final class EnableTunnelBasicAuth implements LauncherSessionListener {
    @Override
    public void launcherSessionOpened(LauncherSession session) {
        TunnelBasicAuth.enable();
    }
}
