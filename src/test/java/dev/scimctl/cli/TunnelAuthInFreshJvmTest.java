package dev.scimctl.cli;

import dev.scimctl.ExitCode;
import dev.scimctl.testing.ScimServerExtension;
import dev.scimctl.testing.TestCertificates;
import dev.scimctl.testing.TestCertificates.Server;
import dev.scimctl.testing.Tinyproxy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real entry point in a JVM of its own: proxy authentication for an HTTPS tunnel works only if scimctl allows
 * Basic for tunnels before the first HttpClient is built. The in-process tests cannot show that, since the test JVM
 * has built HttpClients of its own by then.
 */
@Timeout(60)
class TunnelAuthInFreshJvmTest {
    private static final TestCertificates CERTS = TestCertificates.get();

    @RegisterExtension
    static final ScimServerExtension server = ScimServerExtension.create(b -> b.tls(CERTS.serverContext(Server.GOOD)));

    @TempDir
    Path dir;

    @Test
    void scimctl_main_authenticates_to_the_proxy_of_an_https_tunnel() throws Exception {
        Tinyproxy.assumeInstalled();
        String password = "fresh-jvm-pw-7f3a";
        try (Tinyproxy proxy = Tinyproxy.start(dir, Tinyproxy.options().basicAuth("alice", password))) {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            ProcessBuilder pb = new ProcessBuilder(List.of(java, "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                    "-cp", System.getProperty("java.class.path"), "dev.scimctl.ScimCtl",
                    "test-connection", "--url", server.baseUrl(), "--cacert", CERTS.caPem().toString()))
                    .redirectErrorStream(true);
            Map<String, String> env = pb.environment();
            env.keySet().removeIf(k -> k.toLowerCase(Locale.ROOT).endsWith("_proxy") || k.startsWith("SCIMCTL_")
                    || k.equals("JAVA_TOOL_OPTIONS") || k.equals("JDK_JAVA_OPTIONS"));
            env.put("SCIMCTL_CONFIG_DIR", dir.toString());
            env.put("SCIMCTL_TOKEN", server.token());
            env.put("HTTPS_PROXY", proxy.url("alice", password));
            Process p = pb.start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(50, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as(output).isEqualTo(ExitCode.OK);
            assertThat(output).contains("[ ok ] users").doesNotContain(password).doesNotContain(server.token());
            assertThat(proxy.connectRequests()).hasSizeGreaterThanOrEqualTo(3);
        }
    }
}
