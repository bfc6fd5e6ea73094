package dev.scimctl.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RedactionTest {
    private final UserHashes users = new UserHashes("fixed key for the test".getBytes(StandardCharsets.UTF_8));

    @Test
    void masks_secrets_in_every_spelling_and_any_userinfo() {
        Redaction r = new Redaction(List.of("s3cr3t/+pw", ""), null);
        String text = "a s3cr3t/+pw b s3cr3t%2F%2Bpw c http://bob:other@host/x https://token@h ftp://u@h";
        assertThat(r.apply(text)).isEqualTo("a **** b **** c http://****@host/x https://****@h ftp://****@h");
    }

    @Test
    void one_user_gets_one_hash_in_any_case_and_encoding_and_only_whole_words() throws Exception {
        users.learn(new ObjectMapper().readTree("""
                {"Resources": [{"userName": "Ann.Lee@example.com", "name": {"givenName": "Ann", "familyName": "Lee"},
                  "emails": [{"value": "ann@home.example"}]}]}"""));
        String h = users.hash("ann.lee@example.com");
        String text = "ann.lee@EXAMPLE.com; filter=userName%20eq%20%22Ann.Lee%40example.com%22; Ann Lee; Annabel; Leeds";
        String out = users.apply(text);
        assertThat(out).startsWith(h + "; filter=userName%20eq%20%22" + h + "%22; " + users.hash("Ann") + " "
                + users.hash("lee") + "; Annabel; Leeds");
    }

    @Test
    void unknown_email_addresses_are_hashed_too() {
        String out = users.apply("mail stranger@corp.example (stranger%40corp.example) ok");
        String h = users.hash("stranger@corp.example");
        assertThat(out).isEqualTo("mail " + h + " (" + h + ") ok");
    }
}
