package dev.scimctl.csv;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The csv package is the core that validate and import share: it knows nothing of picocli, terminals or commands. */
class CsvPackageLayeringTest {
    @Test
    void csv_never_imports_picocli_output_or_cli() throws IOException {
        List<String> offending;
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/dev/scimctl/csv"))) {
            offending = files.filter(p -> p.toString().endsWith(".java"))
                    .flatMap(p -> {
                        try {
                            return Files.readAllLines(p).stream()
                                    .filter(l -> l.startsWith("import ") && (l.contains("picocli")
                                            || l.contains("dev.scimctl.output") || l.contains("dev.scimctl.cli")))
                                    .map(l -> p.getFileName() + ": " + l);
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    })
                    .toList();
        }
        assertThat(offending).isEmpty();
    }
}
