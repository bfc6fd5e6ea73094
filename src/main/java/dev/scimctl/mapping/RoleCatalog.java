package dev.scimctl.mapping;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.opencsv.CSVReader;
import com.opencsv.exceptions.CsvException;
import dev.scimctl.InputException;
import dev.scimctl.csv.CsvParsers;
import dev.scimctl.csv.Delimiters;
import dev.scimctl.csv.Encodings;
import dev.scimctl.io.BoundedFiles;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The NinjaOne roles that exist, from {@code --roles FILE}: the names a mapping may use, their type, and which are
 * system-administrator roles. No API serves NinjaOne's IdP group mapping, but its public API lists the roles
 * ({@code GET /v2/user/roles}), so the file is either
 * <ul>
 *   <li>that JSON: an array of role objects (or an object holding it as {@code roles}, {@code results}, {@code data} or
 *   {@code items}), each with {@code name}, its type in {@code type}, {@code roleType} or {@code userType}, and
 *   optionally {@code id} and a system-administrator flag; other fields are ignored; or</li>
 *   <li>a CSV (comma or semicolon, UTF-8, with or without a BOM) with a header row holding {@code name} and
 *   {@code type} columns, optionally {@code id} and {@code systemAdmin}.</li>
 * </ul>
 * Types may be spelled as the public API does ({@code TECHNICIAN}, {@code END_USER}) or as SCIM does
 * ({@code technician}, {@code endUser}).
 */
public final class RoleCatalog {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> JSON_WRAPPERS = List.of("roles", "results", "data", "items");
    private static final List<String> TYPE_FIELDS = List.of("type", "roleType", "userType");
    private static final List<String> ADMIN_FIELDS =
            List.of("systemAdmin", "isSystemAdmin", "systemAdministrator", "isSystemAdministrator", "administrator");

    private final String source;
    private final List<Role> roles;
    private final Map<String, List<Role>> byName = new LinkedHashMap<>();

    private RoleCatalog(String source, Collection<Role> roles) {
        this.source = source;
        Map<String, Role> unique = new LinkedHashMap<>();
        for (Role r : roles) {
            // A role listed twice (an export of both types, concatenated) counts once; a flag from either copy counts.
            unique.merge(r.name() + "\u0000" + r.type(), r, (a, b) -> new Role(a.name(), a.type(),
                    a.id() != null ? a.id() : b.id(), a.systemAdmin() || b.systemAdmin()));
        }
        List<Role> sorted = new ArrayList<>(unique.values());
        sorted.sort((a, b) -> GroupRoleMapping.NAME_ORDER.compare(a.name(), b.name()));
        this.roles = List.copyOf(sorted);
        for (Role r : this.roles) {
            byName.computeIfAbsent(r.name(), k -> new ArrayList<>()).add(r);
        }
    }

    /** A catalog from roles at hand (tests, and the editor's completion when no file was given). */
    public static RoleCatalog of(String source, Collection<Role> roles) {
        return new RoleCatalog(source, roles);
    }

    public static RoleCatalog read(Path file) {
        byte[] bytes;
        try {
            if (Files.isDirectory(file)) {
                throw new InputException(file + " is a folder, not a roles file: give the CSV or JSON file");
            }
            // A tenant has tens of roles; a file the mapping's own limit would refuse is the wrong file, not read whole.
            bytes = BoundedFiles.read(file, MappingFile.MAX_BYTES, "the roles file");
        } catch (IOException e) {
            throw new InputException("cannot read the roles file " + file + ": " + MappingFile.describe(e)
                    + ": check the path", e);
        }
        return parse(bytes, file.toString());
    }

    /** Parses a roles file, JSON when it starts with [ or {, CSV otherwise; {@code source} names it in messages. */
    public static RoleCatalog parse(byte[] bytes, String source) {
        String text = decode(bytes, source);
        String start = text.stripLeading();
        if (start.isEmpty()) {
            throw new InputException(source + ": the roles file is empty: export NinjaOne's roles (GET /v2/user/roles) "
                    + "or write a CSV with name and type columns");
        }
        List<Role> roles = start.startsWith("[") || start.startsWith("{") ? json(text, source) : csv(text, source);
        return new RoleCatalog(source, roles);
    }

    public String source() {
        return source;
    }

    /** Every role, sorted by name. */
    public List<Role> roles() {
        return roles;
    }

    public boolean contains(String name) {
        return byName.containsKey(name);
    }

    /** The types a role name has here: usually one; two when technician and end-user roles share a name. */
    public Set<RoleType> typesOf(String name) {
        Set<RoleType> types = EnumSet.noneOf(RoleType.class);
        for (Role r : byName.getOrDefault(name, List.of())) {
            if (r.type() != null) {
                types.add(r.type());
            }
        }
        return types;
    }

    /** Flagged as a system-administrator role by the file, or named like one. */
    public boolean isSystemAdmin(String name) {
        return SystemAdminRoles.nameLooksLikeSystemAdmin(name)
                || byName.getOrDefault(name, List.of()).stream().anyMatch(Role::systemAdmin);
    }

    /** The names of the roles of one type (or of all, for null), sorted, each once. Roles of unknown type count for both. */
    public List<String> names(RoleType type) {
        TreeSet<String> names = new TreeSet<>(GroupRoleMapping.NAME_ORDER);
        for (Role r : roles) {
            if (type == null || r.type() == null || r.type() == type) {
                names.add(r.name());
            }
        }
        return List.copyOf(names);
    }

    // ---- reading -------------------------------------------------------------------------------------------------

    /** Text as csv/ reads it: UTF-8 or UTF-16 by their BOM, UTF-8 without one; a workbook or archive is refused. */
    private static String decode(byte[] bytes, String source) {
        if (bytes.length == 0) {
            return ""; // parse says what an empty roles file should hold
        }
        Encodings.Detected detected = Encodings.detect(bytes, bytes.length, source);
        try {
            return detected.charset().newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, detected.bomLength(), bytes.length - detected.bomLength())).toString();
        } catch (CharacterCodingException e) {
            throw new InputException(source + ": the roles file is not UTF-8: save it as UTF-8 "
                    + "(in Excel: \"CSV UTF-8\") and run again", e);
        }
    }

    private static List<Role> json(String text, String source) {
        List<Role> roles = new ArrayList<>();
        try (JsonParser p = JSON.createParser(text)) {
            JsonToken t = p.nextToken();
            if (t == JsonToken.START_OBJECT) {
                t = findWrappedArray(p, source);
            }
            if (t != JsonToken.START_ARRAY) {
                throw new InputException(MappingFile.at(source, p.currentTokenLocation()) + "expected a JSON array of "
                        + "roles, as NinjaOne's GET /v2/user/roles returns: [{\"name\": …, \"type\": …}, …]");
            }
            while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                JsonLocation where = p.currentTokenLocation();
                JsonNode node = JSON.readTree(p);
                if (t != JsonToken.START_OBJECT) {
                    throw new InputException(MappingFile.at(source, where) + "each role must be an object "
                            + "{\"name\": …, \"type\": …}, not " + node);
                }
                roles.add(jsonRole(node, MappingFile.at(source, where)));
            }
        } catch (JsonProcessingException e) {
            String what = e.getOriginalMessage() == null ? "" : e.getOriginalMessage().lines().findFirst().orElse("");
            throw new InputException(MappingFile.at(source, e.getLocation()) + "the roles file is not valid JSON: "
                    + what + ": fix it, or export the roles again", e);
        } catch (IOException e) {
            throw new InputException(source + ": cannot read the roles file: " + MappingFile.describe(e), e);
        }
        return roles;
    }

    /** In an object, moves to the array under one of the usual wrapper fields. */
    private static JsonToken findWrappedArray(JsonParser p, String source) throws IOException {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken value = p.nextToken();
            if (JSON_WRAPPERS.contains(field) && value == JsonToken.START_ARRAY) {
                return value;
            }
            p.skipChildren();
        }
        throw new InputException(source + ": a JSON object without a roles array: give the array of roles "
                + "(NinjaOne's GET /v2/user/roles), or an object with it under \"roles\"");
    }

    private static Role jsonRole(JsonNode node, String where) {
        JsonNode name = node.get("name");
        if (name == null || !name.isTextual() || name.asText().isBlank()) {
            throw new InputException(where + "a role without a \"name\" string: every role needs its name");
        }
        RoleType type = null;
        for (String field : TYPE_FIELDS) {
            JsonNode value = node.get(field);
            if (value != null && !value.isNull()) {
                type = RoleType.lenient(value.asText()).orElseThrow(() -> new InputException(where + "role \""
                        + name.asText() + "\" has " + field + " " + value + ", which is neither TECHNICIAN (technician) "
                        + "nor END_USER (endUser): fix it"));
                break;
            }
        }
        boolean flagged = false;
        for (String field : ADMIN_FIELDS) {
            flagged |= node.path(field).asBoolean(false);
        }
        JsonNode id = node.get("id");
        String roleName = name.asText().strip();
        return new Role(roleName, type, id == null || id.isNull() ? null : id.asText(),
                flagged || SystemAdminRoles.nameLooksLikeSystemAdmin(roleName));
    }

    private static List<Role> csv(String text, String source) {
        char separator = Delimiters.detect(text.lines().findFirst().orElse(""));
        List<Role> roles = new ArrayList<>();
        try (CSVReader reader = CsvParsers.reader(new StringReader(text), separator)) {
            String[] head = reader.readNext();
            Map<String, Integer> columns = new LinkedHashMap<>();
            for (int i = 0; i < head.length; i++) {
                columns.putIfAbsent(head[i].strip().toLowerCase(Locale.ROOT), i);
            }
            int nameCol = column(columns, source, "name");
            int typeCol = column(columns, source, "type", "roletype", "usertype");
            Integer idCol = columns.get("id");
            Integer adminCol = columns.containsKey("systemadmin") ? columns.get("systemadmin") : columns.get("issystemadmin");
            long line = reader.getLinesRead() + 1;
            String[] row;
            while ((row = reader.readNext()) != null) {
                long next = reader.getLinesRead() + 1;
                if (row.length == 1 && row[0].isBlank()) {
                    line = next;
                    continue;
                }
                String name = cell(row, nameCol);
                String where = source + ":" + line + ": ";
                if (name.isEmpty()) {
                    throw new InputException(where + "a role without a name: fill in the name column or remove the row");
                }
                String typeText = cell(row, typeCol);
                RoleType type = RoleType.lenient(typeText).orElseThrow(() -> new InputException(where + "role \"" + name
                        + "\" has type \"" + typeText + "\", which is neither TECHNICIAN (technician) nor END_USER "
                        + "(endUser): fix it"));
                String id = idCol == null ? "" : cell(row, idCol);
                boolean flagged = adminCol != null && isTrue(cell(row, adminCol));
                roles.add(new Role(name, type, id.isEmpty() ? null : id,
                        flagged || SystemAdminRoles.nameLooksLikeSystemAdmin(name)));
                line = next;
            }
        } catch (CsvException e) {
            throw new InputException(source + ":" + e.getLineNumber() + ": the roles CSV cannot be read: "
                    + e.getMessage() + ": fix the quoting there", e);
        } catch (IOException e) {
            throw new InputException(source + ": cannot read the roles CSV: " + MappingFile.describe(e)
                    + ": check its quoting (an unclosed quote swallows the rest of the file)", e);
        }
        return roles;
    }

    private static int column(Map<String, Integer> columns, String source, String... names) {
        for (String n : names) {
            Integer i = columns.get(n);
            if (i != null) {
                return i;
            }
        }
        throw new InputException(source + ":1: the roles CSV has no \"" + names[0] + "\" column (its header has: "
                + String.join(", ", columns.keySet()) + "): it needs \"name\" and \"type\" columns");
    }

    private static String cell(String[] row, int i) {
        return i < row.length && row[i] != null ? row[i].strip() : "";
    }

    private static boolean isTrue(String s) {
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "y", "1", "x" -> true;
            default -> false;
        };
    }

}
