package dev.scimctl.testing;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OutputNormaliserTest {
    private static final String A = "0f8fad5b-d9cb-469f-a165-70867728950e";
    private static final String B = "7c9e6679-7425-40de-944b-e07fc1f90ae7";

    @Test
    void numbers_ids_and_times_by_first_appearance_across_both_streams() {
        OutputNormaliser n = new OutputNormaliser(null, 0);
        assertThat(n.apply("id " + B + " in group " + A + ", created 2026-12-02T10:43:30.815841164Z\n"))
                .isEqualTo("id {id1} in group {id2}, created {time1}\n");
        // stderr, after stdout: the same values keep their placeholders, a new one gets the next number.
        assertThat(n.apply("member " + A + " of " + B + " at 2026-12-02T10:43:30.815841164Z, 2026-01-02T03:04:05Z"))
                .isEqualTo("member {id2} of {id1} at {time1}, {time2}");
    }

    @Test
    void replaces_measurements_whatever_their_value_and_the_port_only_as_a_whole_number() {
        OutputNormaliser n = new OutputNormaliser("/tmp/junit1", 41234);
        assertThat(n.apply("/tmp/junit1/x.zip: http://127.0.0.1:41234/scim/v2 (3 ms) (250 ms) \"millis\" : 17\n"
                + "\"port\" : 41234, 412345 and 141234 and 41234.5 stay; Imported in 0.1 s; Wrote b.zip (8774 bytes)"))
                .isEqualTo("{dir}/x.zip: http://127.0.0.1:{port}/scim/v2 ({ms} ms) ({ms} ms) \"millis\" : {ms}\n"
                        + "\"port\" : {port}, 412345 and 141234 and 41234.5 stay; Imported in {s} s; Wrote b.zip "
                        + "({bytes} bytes)");
    }

    @Test
    void leaves_what_does_not_vary_alone() {
        String text = "meta.version\tW/\"3\"\ntimeout:         60.0 s\nuser0042@example.com\t7\n";
        assertThat(new OutputNormaliser("/tmp/x", 8080).apply(text)).isEqualTo(text);
    }
}
