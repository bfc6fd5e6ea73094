package dev.scimctl.csv.rules;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class EmailFormatRuleTest {
    /** The fast path's check of an ASCII address from its bytes must agree with the rule's check of the String. */
    @Test
    void the_byte_check_agrees_with_the_string_check_on_generated_addresses() {
        Random random = new Random(18);
        String[] pieces = {"a", "Z", "0", "9", ".", ".", "@", "@", "-", "-", "_", "+", "!", "~", " ", ",", "\"",
                "xn--", "com", "example", "de", "c", "x", "\u007f", "\t", "(", "[", "é"};
        int plausible = 0;
        for (int n = 0; n < 300_000; n++) {
            StringBuilder sb = new StringBuilder();
            int length = random.nextInt(n % 50 == 0 ? 90 : 14);
            for (int i = 0; i < length; i++) {
                sb.append(pieces[random.nextInt(pieces.length - 1)]); // no é: the fast path sees ASCII only
            }
            if (random.nextInt(3) == 0) {
                sb.append(new String[]{"@example.com", "@b.cd", ".de", "@xn--p1ai", "@a-b.c-d.org", "@x.y"}[
                        random.nextInt(6)]);
            }
            String e = sb.toString();
            byte[] b = ("<" + e + ">").getBytes(StandardCharsets.US_ASCII);
            boolean expected = EmailFormatRule.isPlausible(e);
            plausible += expected ? 1 : 0;
            assertThat(EmailFormatRule.isPlausible(b, 1, b.length - 1)).as(e).isEqualTo(expected);
        }
        assertThat(plausible).isGreaterThan(3_000); // both answers were tried often
    }
}
