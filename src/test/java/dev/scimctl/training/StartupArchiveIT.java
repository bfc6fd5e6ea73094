package dev.scimctl.training;

import dev.scimctl.ExitCode;
import dev.scimctl.testing.ScimServerExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The launcher's class-data-sharing archive, made from the packaged jar by the same training run, must cover what
 * the common commands load. Runs after {@code package} (the {@code startup-archive} execution of surefire in pom.xml),
 * in JVMs of their own, as the launcher runs them.
 */
@Timeout(600)
class StartupArchiveIT {
    /** Today about 70 (of some 2,700 loaded); without picocli's classes or the training, about 2,000. */
    private static final int MOST_CLASSES_FROM_OUTSIDE = 300;
    private static final Path JAR = Path.of("target", "scimctl-all.jar").toAbsolutePath();

    @RegisterExtension
    static final ScimServerExtension server = ScimServerExtension.create();

    @TempDir
    static Path dir;
    private static Path archive;
    private static String trainingOutput;

    @BeforeAll
    static void train() throws Exception {
        assertThat(JAR).as("the packaged jar (run 'mvnw verify')").exists();
        archive = dir.resolve("scimctl.jsa");
        ChildJvm.Run training = ChildJvm.run(dir, List.of("-XX:ArchiveClassesAtExit=" + archive, "-cp", JAR.toString(),
                ArchiveTraining.class.getName()), List.of(), Map.of());
        trainingOutput = training.output();
        assertThat(training.exitCode()).as(trainingOutput).isZero();
        assertThat(archive).exists();
    }

    @Test
    void the_jar_opens_no_jdk_package() throws Exception {
        // An Add-Opens in the manifest makes java -jar spin method handles before main, on every start (issue #18).
        try (java.util.jar.JarFile jar = new java.util.jar.JarFile(JAR.toFile())) {
            assertThat(jar.getManifest().getMainAttributes().getValue("Add-Opens")).isNull();
        }
    }

    @Test
    void every_training_step_ends_as_expected() {
        assertThat(trainingOutput).doesNotContain("training: FAIL")
                .contains("training: ok   scimctl validate", "training: ok   scimctl import",
                        "training: ok   scimctl users get", "training: ok   scimctl map-groups check",
                        "training: ok   scimctl test-connection --cacert");
    }

    @Test
    void users_get_loads_its_classes_from_the_archive() throws Exception {
        server.seedUser("alice@example.com");
        ChildJvm.Run run = ChildJvm.run(dir, List.of("-Xss1m", "-XX:SharedArchiveFile=" + archive, "-jar", JAR.toString()),
                List.of("users", "get", "alice@example.com"),
                Map.of("SCIMCTL_URL", server.baseUrl(), "SCIMCTL_TOKEN", server.token()));

        assertThat(run.exitCode()).as(run.output()).isEqualTo(ExitCode.OK);
        List<String> outside = run.notFromArchive().stream().map(c -> c.name() + " (" + c.source() + ")").toList();
        assertThat(outside).as("classes loaded from outside the archive, of %d", run.classes().size())
                .hasSizeLessThanOrEqualTo(MOST_CLASSES_FROM_OUTSIDE);
        assertThat(Files.size(archive)).isPositive();
    }
}
