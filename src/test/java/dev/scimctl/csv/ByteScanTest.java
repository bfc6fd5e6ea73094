package dev.scimctl.csv;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class ByteScanTest {
    private static boolean special(byte b) {
        return b < 0x0E; // control characters, and (as signed bytes) everything from 0x80
    }

    /** It skips only words without the bytes sought, and stops at the first word that has one. */
    @Test
    void skips_exactly_the_words_without_the_bytes_sought() {
        Random random = new Random(18);
        byte[] alphabet = {'a', 'Z', '0', ',', ';', '"', ' ', '~', 0x0D, 0x0A, 0x09, 0x0E, 0x0C, 0x7F, 0,
                (byte) 0x80, (byte) 0xC3, (byte) 0xFF};
        for (int n = 0; n < 100_000; n++) {
            byte[] a = new byte[random.nextInt(40)];
            for (int i = 0; i < a.length; i++) {
                a[i] = random.nextInt(4) == 0 ? alphabet[random.nextInt(alphabet.length)] : (byte) ('a' + i % 26);
            }
            int from = a.length == 0 ? 0 : random.nextInt(a.length);
            int to = from + random.nextInt(a.length - from + 1);

            int r = ByteScan.skipPlain(a, from, to);
            assertThat(r).isBetween(from, to);
            assertThat((r - from) % 8).isZero();
            for (int i = from; i < r; i++) {
                assertThat(special(a[i])).isFalse();
            }
            if (r + 8 <= to) {
                boolean any = false;
                for (int i = r; i < r + 8; i++) {
                    any |= special(a[i]);
                }
                assertThat(any).isTrue();
            }

            byte b1 = alphabet[random.nextInt(alphabet.length)];
            byte b2 = random.nextBoolean() ? b1 : alphabet[random.nextInt(alphabet.length)];
            int w = ByteScan.skipWithout(a, from, to, b1, b2);
            assertThat(w).isBetween(from, to);
            assertThat((w - from) % 8).isZero();
            for (int i = from; i < w; i++) {
                assertThat(a[i]).isNotIn(b1, b2);
            }
            if (w + 8 <= to) {
                boolean any = false;
                for (int i = w; i < w + 8; i++) {
                    any |= a[i] == b1 || a[i] == b2;
                }
                assertThat(any).isTrue();
            }
        }
    }
}
