package dev.scimctl.training;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** scimctl in a JVM of its own, with the class-loading log on: what a real start loads, and from where. */
final class ChildJvm {
    /** One run: its exit code, its output (both streams) and the classes it loaded. */
    record Run(int exitCode, String output, List<LoadedClass> classes) {
        Stream<LoadedClass> named(String prefix) {
            return classes.stream().filter(c -> c.name().startsWith(prefix));
        }

        /** Classes read from a jar or the runtime's modules: neither from the archive nor made at run time. */
        List<LoadedClass> notFromArchive() {
            return classes.stream().filter(c -> !c.fromArchive() && !c.generated()).toList();
        }
    }

    /** A line of {@code -Xlog:class+load}: {@code [0.012s][info][class,load] java.lang.Object source: shared objects file}. */
    record LoadedClass(String name, String source) {
        boolean fromArchive() {
            return source.startsWith("shared objects file");
        }

        /** Lambda forms and proxies are defined at run time, archive or not. */
        boolean generated() {
            return source.startsWith("__");
        }

        static LoadedClass parse(String line) {
            String rest = line.substring(line.indexOf("] ", line.indexOf("[class,load]")) + 2);
            int source = rest.indexOf(" source: ");
            return source < 0 ? new LoadedClass(rest.trim(), "")
                    : new LoadedClass(rest.substring(0, source), rest.substring(source + " source: ".length()));
        }
    }

    private ChildJvm() {
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /**
     * Runs {@code java JVM_ARGS... -Xlog:class+load:file=… MAIN_ARGS...} with {@code env} added to a clean environment
     * (no proxies, no scimctl variables, no JVM options from the caller).
     */
    static Run run(Path dir, List<String> jvmArgs, List<String> mainArgs, Map<String, String> env)
            throws IOException, InterruptedException {
        Path log = Files.createTempFile(dir, "classes-", ".log");
        List<String> command = new ArrayList<>();
        command.add(java());
        command.add("-XX:+UseSerialGC");
        command.add("-Xlog:disable");
        command.add("-Xlog:all=error:stderr");
        command.add("-Xlog:class+load=info:file=" + log);
        command.addAll(jvmArgs);
        command.addAll(mainArgs);
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().keySet().removeIf(k -> k.toLowerCase(Locale.ROOT).endsWith("_proxy") || k.startsWith("SCIMCTL_")
                || k.startsWith("SSL_CERT") || k.equals("JAVA_TOOL_OPTIONS") || k.equals("JDK_JAVA_OPTIONS"));
        pb.environment().put("SCIMCTL_CONFIG_DIR", dir.resolve("config").toString());
        pb.environment().putAll(env);
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("scimctl did not end within 120 s: " + output);
        }
        List<LoadedClass> classes;
        try (Stream<String> lines = Files.lines(log)) {
            classes = lines.filter(l -> l.contains("[class,load]")).map(LoadedClass::parse).toList();
        }
        Files.delete(log);
        return new Run(p.exitValue(), output, classes);
    }
}
