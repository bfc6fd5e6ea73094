package dev.scimctl.mapping;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** docs/map-groups.md stays true: its table names every finding code with its severity. */
class FindingCodeDocsTest {
    @Test
    void every_finding_code_has_a_row_with_its_severity() throws Exception {
        String doc = Files.readString(Path.of("docs/map-groups.md"));
        for (FindingCode c : FindingCode.values()) {
            assertThat(doc).as(c.code()).contains("| `" + c.code() + "` | " + c.severity().label() + " |");
        }
    }
}
