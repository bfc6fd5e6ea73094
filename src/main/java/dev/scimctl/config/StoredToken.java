package dev.scimctl.config;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * A token as the credentials file keeps it, with when it was set (ISO-8601): NinjaOne tokens expire six months
 * after they are generated, so the age is worth a warning.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record StoredToken(String token, String setAt) {
    public static StoredToken of(String token, Instant setAt) {
        return new StoredToken(token, setAt.toString());
    }

    @JsonIgnore
    public Instant setAtInstant() {
        try {
            return setAt == null ? null : Instant.parse(setAt);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
