package dev.scimctl.output;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

class TerminalSafeWriterTest {
    private static final char ESC = 0x1b;

    private static String through(boolean colour, String... writes) {
        StringWriter target = new StringWriter();
        PrintWriter out = new PrintWriter(new TerminalSafeWriter(new PrintWriter(target), () -> colour));
        for (String w : writes) {
            out.print(w);
        }
        out.flush();
        return target.toString();
    }

    @Test
    void colour_sequences_pass_while_colour_is_on_even_split_across_writes() {
        assertThat(through(true, ESC + "[1;31merror:" + ESC + "[0m x\n")).isEqualTo(ESC + "[1;31merror:" + ESC + "[0m x\n");
        assertThat(through(true, "a" + ESC, "[3", "2mb")).isEqualTo("a" + ESC + "[32mb");
    }

    @Test
    void every_other_control_is_shown_escaped() {
        assertThat(through(true, "x" + ESC + "[2Jy")).isEqualTo("x\\x1b[2Jy");
        assertThat(through(true, ESC + "]0;title\u0007")).isEqualTo("\\x1b]0;title\\x07");
        assertThat(through(false, ESC + "[1mbold")).isEqualTo("\\x1b[1mbold");
        assertThat(through(false, "a\u009bb\u202ec\u0000d")).isEqualTo("a\\u009bb\\u202ec\\x00d");
    }

    @Test
    void line_ends_tabs_and_carriage_returns_pass() {
        assertThat(through(false, "a\tb\r\nc\n")).isEqualTo("a\tb\r\nc\n");
    }

    @Test
    void a_closed_reader_is_still_noticed() {
        PrintWriter broken = new PrintWriter(new StringWriter()) {
            @Override
            public boolean checkError() {
                return true;
            }
        };
        PrintWriter out = new PrintWriter(new TerminalSafeWriter(broken, () -> false));
        out.println("x");
        assertThat(out.checkError()).isTrue();
    }
}
