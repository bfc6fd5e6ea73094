package dev.scimctl.cli.users;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimctl.InputException;
import dev.scimctl.csv.Field;
import dev.scimctl.io.BoundedFiles;
import dev.scimctl.io.FileProblems;
import dev.scimctl.io.JsonLocator;
import dev.scimctl.scim.ScimJson;

import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

/**
 * A user as a JSON file ({@code --from FILE}), such as {@code users get -o json} writes: read whole, a JSON object,
 * and where in the file each checked value is, so that a refused value is named as FILE:LINE:COLUMN.
 */
record UserFile(Path path, ObjectNode user) {
    /** Far more than one user ever takes. */
    private static final int MAX_BYTES = 1024 * 1024;

    static UserFile read(Path path) {
        JsonNode parsed;
        try {
            parsed = ScimJson.mapper().readTree(BoundedFiles.read(path, MAX_BYTES, "a user file"));
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            throw new InputException(path + (at == null ? "" : ":" + at.getLineNr() + ":" + at.getColumnNr())
                    + ": not valid JSON (" + e.getOriginalMessage().lines().findFirst().orElse("")
                    + "); write the user as one JSON object, as 'scimctl users get USER -o json' prints it");
        } catch (IOException e) {
            throw new InputException(FileProblems.describe(FileProblems.Operation.READ, path, e));
        }
        if (!(parsed instanceof ObjectNode user)) {
            throw new InputException(path + ": holds " + (parsed == null ? "nothing" : "a JSON " + parsed.getNodeType()
                    .name().toLowerCase(java.util.Locale.ROOT)) + ", not a user: write the user as one JSON object, "
                    + "as 'scimctl users get USER -o json' prints it");
        }
        return new UserFile(path, user);
    }

    /** How messages name each checked field: its place in the file and its attribute. */
    Map<Field, String> names() {
        String ext = "/" + ScimJson.NINJAONE_USER;
        Map<Field, String> names = new EnumMap<>(Field.class);
        names.put(Field.EMAIL, at("/userName", "userName"));
        names.put(Field.FIRST_NAME, at("/name/givenName", "name.givenName"));
        names.put(Field.LAST_NAME, at("/name/familyName", "name.familyName"));
        names.put(Field.USER_TYPE, at(ext + "/userType", "userType"));
        names.put(Field.ORGANIZATION_ID, at(ext + "/organizationId", "organizationId"));
        return names;
    }

    /** "FILE:LINE:COL (attribute)", or "FILE (attribute)" where the file does not hold it. */
    String at(String pointer, String attribute) {
        return path + JsonLocator.lineAndColumn(path, pointer) + " (" + attribute + ")";
    }
}
