package dev.scimctl.csv;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EncodingsTest {
    static Encodings.Detected detect(int... bytes) {
        byte[] b = new byte[bytes.length];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) bytes[i];
        }
        return Encodings.detect(b, b.length, "f");
    }

    @Test
    void a_utf8_bom_is_detected_and_skipped() {
        assertThat(detect(0xEF, 0xBB, 0xBF, 'a')).isEqualTo(new Encodings.Detected(StandardCharsets.UTF_8, 3));
    }

    @Test
    void utf16_boms_pick_the_byte_order() {
        assertThat(detect(0xFF, 0xFE, 'a', 0).charset()).isEqualTo(StandardCharsets.UTF_16LE);
        assertThat(detect(0xFE, 0xFF, 0, 'a').charset()).isEqualTo(StandardCharsets.UTF_16BE);
    }

    @Test
    void plain_text_is_read_as_utf8() {
        assertThat(detect('e', 'm', 'a', 'i', 'l')).isEqualTo(new Encodings.Detected(StandardCharsets.UTF_8, 0));
    }

    @Test
    void utf32_is_refused() {
        assertThatThrownBy(() -> detect(0xFF, 0xFE, 0, 0, 'a', 0, 0, 0)).hasMessageContaining("UTF-32");
    }

    @Test
    void utf16_without_a_bom_is_recognised_and_refused() {
        byte[] b = "email,first\n".getBytes(StandardCharsets.UTF_16LE);
        assertThatThrownBy(() -> Encodings.detect(b, b.length, "f")).hasMessageContaining("UTF-16 text without a byte-order mark");
    }

    @Test
    void spreadsheets_archives_and_pdfs_are_named() {
        assertThatThrownBy(() -> detect('P', 'K', 3, 4, 20, 0)).hasMessageContaining("Excel workbook (.xlsx)");
        assertThatThrownBy(() -> detect(0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1)).hasMessageContaining("(.xls)");
        assertThatThrownBy(() -> detect('%', 'P', 'D', 'F', '-')).hasMessageContaining("PDF");
        assertThatThrownBy(() -> detect(0x1F, 0x8B, 8, 0)).hasMessageContaining("gzip");
    }

    @Test
    void an_empty_file_and_a_lone_bom_are_empty() {
        assertThatThrownBy(() -> detect()).hasMessage("f: the file is empty: expected a header row "
                + "(email,firstname,lastname,...) and one row per user");
        assertThatThrownBy(() -> detect(0xEF, 0xBB, 0xBF)).hasMessageContaining("the file is empty");
    }
}
