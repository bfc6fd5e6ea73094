package dev.scimctl.mapping;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import dev.scimctl.InputException;
import dev.scimctl.Setting;
import dev.scimctl.io.AtomicFile;
import dev.scimctl.io.BoundedFiles;
import dev.scimctl.io.FileProblems;
import dev.scimctl.io.Sizes;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads and writes the mapping file, {@code group-roles.json} by default:
 * <pre>{@code
 * {
 *   "version": 1,
 *   "groups": [
 *     {
 *       "group": "Help Desk",
 *       "type": "technician",
 *       "roles": [
 *         "Help Desk Technician"
 *       ],
 *       "note": "optional: why"
 *     }
 *   ]
 * }
 * }</pre>
 * People edit it by hand, so every mistake is reported with the file, line and column, and what to write instead.
 * It is written atomically, with the previous version kept as {@code FILE.bak}, in a fixed layout and order.
 */
public final class MappingFile {
    public static final String DEFAULT_NAME = "group-roles.json";
    /** A thousand groups with their roles and notes take a few hundred KiB; more is not a mapping file. */
    static final int MAX_BYTES = 8 * Sizes.MIB;

    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    private static final Pattern CLOSE_MARKER = Pattern.compile("Unexpected close marker '(.)': expected '(.)'");
    private static final String SHAPE = "{\"version\": 1, \"groups\": [{\"group\": …, \"type\": …, \"roles\": […]}]}";

    private MappingFile() {
    }

    /** Reads a mapping file; a missing file is an error that says how to create one. */
    public static GroupRoleMapping read(Path file) {
        if (!Files.exists(file)) {
            throw new InputException(n -> file + ": no such mapping file: create it with 'scimctl map-groups set GROUP "
                    + n.of(Setting.ROLE_TYPE) + " technician " + n.of(Setting.ROLE) + " ROLE' (or the editor, "
                    + "'scimctl map-groups'), or name another with " + n.of(Setting.MAPPING_FILE) + " FILE");
        }
        return parse(readBytes(file), file.toString());
    }

    /** Reads a mapping file, or gives an empty mapping when there is none yet (for commands that create it). */
    public static GroupRoleMapping readIfExists(Path file) {
        return Files.exists(file) ? read(file) : GroupRoleMapping.empty();
    }

    /**
     * Writes the mapping atomically, keeping the previous file as {@code FILE.bak}. A symbolic link (a mapping kept
     * in a repository, linked from where scimctl runs) is written through: its target is replaced, the link stays.
     */
    public static void write(Path file, GroupRoleMapping mapping) {
        byte[] bytes = render(mapping).getBytes(StandardCharsets.UTF_8);
        try {
            AtomicFile.write(file, out -> out.write(bytes), false, true);
        } catch (IOException e) {
            throw new InputException("cannot write the mapping file: " + FileProblems.describe(Files.exists(file)
                    ? FileProblems.Operation.WRITE : FileProblems.Operation.CREATE, target(file), e), e);
        }
    }

    /** The previous version, beside the file actually written (the link's target for a symbolic link). */
    public static Path backupOf(Path file) {
        Path target = target(file);
        return target.resolveSibling(target.getFileName() + ".bak");
    }

    private static Path target(Path file) {
        try {
            Path t = AtomicFile.followLinks(file);
            return t.equals(file.toAbsolutePath()) ? file : t;
        } catch (IOException e) {
            return file;
        }
    }

    /** The file's text: two-space indents, one role a line, groups and roles sorted, a final newline. */
    public static String render(GroupRoleMapping mapping) {
        StringBuilder b = new StringBuilder(256 + 128 * mapping.size());
        b.append("{\n  \"version\": ").append(GroupRoleMapping.VERSION).append(",\n  \"groups\": [");
        List<GroupRoleMapping.Entry> entries = mapping.entries();
        for (int i = 0; i < entries.size(); i++) {
            GroupRoleMapping.Entry e = entries.get(i);
            b.append(i == 0 ? "\n" : ",\n");
            b.append("    {\n");
            b.append("      \"group\": ").append(quote(e.group())).append(",\n");
            b.append("      \"type\": ").append(quote(e.type().fileName())).append(",\n");
            b.append("      \"roles\": [");
            for (int r = 0; r < e.roles().size(); r++) {
                b.append(r == 0 ? "\n" : ",\n").append("        ").append(quote(e.roles().get(r)));
            }
            b.append("\n      ]");
            if (e.note() != null) {
                b.append(",\n      \"note\": ").append(quote(e.note()));
            }
            b.append("\n    }");
        }
        b.append(entries.isEmpty() ? "]\n}\n" : "\n  ]\n}\n");
        return b.toString();
    }

    private static String quote(String s) {
        return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(s)) + "\"";
    }

    // ---- reading -------------------------------------------------------------------------------------------------

    /** Parses a mapping document; {@code source} names it in messages. */
    public static GroupRoleMapping parse(byte[] content, String source) {
        if (content.length == 0 || new String(content, StandardCharsets.UTF_8).isBlank()) {
            throw new InputException(source + ": the mapping file is empty: write " + SHAPE
                    + ", or delete it and use 'scimctl map-groups set'");
        }
        try (JsonParser p = JSON.createParser(content)) {
            return new Reader(p, source).document();
        } catch (JsonProcessingException e) {
            // Jackson's own syntax errors: its first line says what it expected; the location is where.
            String what = e.getOriginalMessage() == null ? "" : e.getOriginalMessage().lines().findFirst().orElse("");
            if (what.startsWith("Duplicate field")) {
                throw new InputException(at(source, e.getLocation()) + what.replace("Duplicate field", "the field")
                        + " appears twice in one object: keep one of them", e);
            }
            throw new InputException(at(source, e.getLocation()) + "not valid JSON: " + syntaxHint(what)
                    .orElse(what + ": fix the syntax there (a missing or extra comma, or a missing quote, is the usual cause)"), e);
        } catch (IOException e) {
            throw new InputException(source + ": cannot read the mapping file: " + describe(e), e);
        }
    }

    /** Jackson's wording of the mistakes hand-edited JSON usually has, said plainly. */
    static Optional<String> syntaxHint(String jackson) {
        if (jackson.startsWith("Unexpected character (']'") && jackson.contains("expected a value")) {
            return Optional.of("an extra comma before ']': remove it");
        }
        if (jackson.startsWith("Unexpected character ('}'") && jackson.contains("double-quote to start field name")) {
            return Optional.of("an extra comma before '}': remove it");
        }
        if (jackson.contains("was expecting comma to separate")) {
            return Optional.of("a comma is missing before this: add it");
        }
        if (jackson.startsWith("Unexpected character (''' ")) {
            return Optional.of("JSON strings take double quotes (\"), not single ones: replace them");
        }
        Matcher close = CLOSE_MARKER.matcher(jackson);
        if (close.lookingAt()) {
            return Optional.of("'" + close.group(1) + "' where '" + close.group(2) + "' should close what was opened: "
                    + "make the brackets pair up");
        }
        if (jackson.startsWith("Invalid UTF-8")) {
            return Optional.of("the file is not UTF-8 (saved as Windows-1252 or Latin-1?): save it as UTF-8");
        }
        if (jackson.contains("maybe a (non-standard) comment")) {
            return Optional.of("JSON has no comments: remove it, and put the reason in the entry's \"note\"");
        }
        if (jackson.startsWith("Unexpected end-of-input")) {
            return Optional.of("the file ends too early: a closing ']' or '}' is missing");
        }
        return Optional.empty();
    }

    static byte[] readBytes(Path file) {
        try {
            if (Files.isDirectory(file)) {
                throw new InputException(n -> file + " is a folder, not a mapping file: name the file with "
                        + n.of(Setting.MAPPING_FILE) + " FILE");
            }
            return BoundedFiles.read(file, MAX_BYTES, "the mapping file");
        } catch (IOException e) {
            throw new InputException("cannot read the mapping file " + file + ": " + describe(e), e);
        }
    }

    static String describe(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file or folder";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    static String at(String source, JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return source + ": ";
        }
        return source + ":" + location.getLineNr() + ":" + location.getColumnNr() + ": ";
    }

    /** A recursive-descent reader over Jackson's tokens, so that every complaint has the location of its token. */
    private static final class Reader {
        private final JsonParser p;
        private final String source;

        Reader(JsonParser p, String source) {
            this.p = p;
            this.source = source;
        }

        GroupRoleMapping document() throws IOException {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw error("the mapping file must hold one JSON object, " + SHAPE);
            }
            JsonLocation start = p.currentTokenLocation();
            Integer version = null;
            List<GroupRoleMapping.Entry> entries = new ArrayList<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                switch (field) {
                    case "version" -> version = version(value);
                    case "groups" -> entries = groups(value);
                    default -> throw error("unknown field \"" + field + "\": the document has \"version\" and \"groups\" "
                            + "(a field of a group belongs inside its entry)");
                }
            }
            if (p.nextToken() != null) {
                throw error("more content after the end of the document: remove it");
            }
            if (version == null) {
                throw new InputException(at(source, start) + "no \"version\": add \"version\": "
                        + GroupRoleMapping.VERSION + " as the first field");
            }
            return GroupRoleMapping.of(entries);
        }

        private int version(JsonToken value) throws IOException {
            if (value != JsonToken.VALUE_NUMBER_INT) {
                throw error("\"version\" must be the number " + GroupRoleMapping.VERSION + ", not " + describe(value));
            }
            if (p.getNumberType() != JsonParser.NumberType.INT) {
                throw error("\"version\" must be " + GroupRoleMapping.VERSION + ", not " + p.getText());
            }
            int v = p.getIntValue();
            if (v > GroupRoleMapping.VERSION) {
                throw error("this file is version " + v + ", written by a newer scimctl; this one reads version "
                        + GroupRoleMapping.VERSION + ": upgrade scimctl");
            }
            if (v < 1) {
                throw error("\"version\" must be " + GroupRoleMapping.VERSION + ", not " + v);
            }
            return v;
        }

        private List<GroupRoleMapping.Entry> groups(JsonToken value) throws IOException {
            if (value != JsonToken.START_ARRAY) {
                throw error("\"groups\" must be a list [ … ] of entries, not " + describe(value));
            }
            List<GroupRoleMapping.Entry> entries = new ArrayList<>();
            Map<String, Integer> firstLine = new HashMap<>();
            JsonToken t;
            while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                JsonLocation where = p.currentTokenLocation();
                GroupRoleMapping.Entry entry = entry(t);
                Integer earlier = firstLine.putIfAbsent(GroupRoleMapping.nameKey(entry.group()), where.getLineNr());
                if (earlier != null) {
                    throw new InputException(at(source, where) + "group \"" + entry.group()
                            + "\" is mapped twice (first at line " + earlier + "; names are compared ignoring case and accents' "
                            + "encoding): "
                            + "merge the two entries into one");
                }
                entries.add(entry);
            }
            return entries;
        }

        private GroupRoleMapping.Entry entry(JsonToken t) throws IOException {
            if (t != JsonToken.START_OBJECT) {
                throw error("each entry of \"groups\" must be an object {\"group\": …, \"type\": …, \"roles\": […]}, not "
                        + describe(t));
            }
            JsonLocation start = p.currentTokenLocation();
            String group = null;
            RoleType type = null;
            List<String> roles = null;
            String note = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                switch (field) {
                    case "group" -> group = groupName(value);
                    case "type" -> type = type(value);
                    case "roles" -> roles = roles(value);
                    case "note" -> note = text(value, "\"note\"");
                    default -> throw error("unknown field \"" + field + "\" in a group entry: an entry has \"group\", "
                            + "\"type\", \"roles\" and optionally \"note\"" + hint(field));
                }
            }
            if (group == null) {
                throw new InputException(at(source, start) + "this entry has no \"group\": add \"group\": \"NAME\" "
                        + "(the group's name as the SCIM server shows it)");
            }
            if (type == null) {
                throw new InputException(at(source, start) + "the entry of \"" + group + "\" has no \"type\": add "
                        + "\"type\": \"technician\" or \"type\": \"endUser\"");
            }
            if (roles == null) {
                throw new InputException(at(source, start) + "the entry of \"" + group + "\" has no \"roles\": add "
                        + "\"roles\": [\"ROLE\"] with the NinjaOne role names");
            }
            return new GroupRoleMapping.Entry(group, type, roles, note);
        }

        private static String hint(String field) {
            return switch (field.toLowerCase(Locale.ROOT)) {
                case "role", "rolenames", "role_names" -> " (did you mean \"roles\"?)";
                case "name", "groupname", "displayname" -> " (did you mean \"group\"?)";
                case "usertype", "roletype", "kind" -> " (did you mean \"type\"?)";
                case "comment", "notes", "description" -> " (did you mean \"note\"?)";
                default -> "";
            };
        }

        private String groupName(JsonToken value) throws IOException {
            String name = text(value, "\"group\"");
            if (name.isBlank()) {
                throw error("\"group\" is empty: write the group's name as the SCIM server shows it");
            }
            if (!name.equals(name.strip())) {
                throw error("\"group\" \"" + name + "\" has spaces at its start or end, so it would match no group: "
                        + "write \"" + name.strip() + "\"");
            }
            return name;
        }

        private RoleType type(JsonToken value) throws IOException {
            String text = text(value, "\"type\"");
            return RoleType.fromFileName(text).orElseThrow(() -> error("\"type\" is \"" + text + "\", but it must be "
                    + "\"technician\" or \"endUser\"" + RoleType.correction(text).map(c -> ": " + c).orElse("")));
        }

        private List<String> roles(JsonToken value) throws IOException {
            if (value != JsonToken.START_ARRAY) {
                throw error("\"roles\" must be a list of role names [\"…\", \"…\"], not " + describe(value)
                        + (value == JsonToken.VALUE_STRING ? " (put the name in [ ])" : ""));
            }
            JsonLocation start = p.currentTokenLocation();
            List<String> roles = new ArrayList<>();
            JsonToken t;
            while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                String role = text(t, "each role");
                if (role.isBlank()) {
                    throw error("a role name is empty: write the NinjaOne role's name, or remove the \"\"");
                }
                if (!role.equals(role.strip())) {
                    throw error("role \"" + role + "\" has spaces at its start or end: write \"" + role.strip() + "\"");
                }
                roles.add(role);
            }
            if (roles.isEmpty()) {
                throw new InputException(at(source, start) + "\"roles\" is empty: list at least one role, or remove "
                        + "the entry (a group without roles needs no entry)");
            }
            return roles;
        }

        private String text(JsonToken value, String what) throws IOException {
            if (value != JsonToken.VALUE_STRING) {
                throw error(what + " must be a string in double quotes, not " + describe(value));
            }
            return p.getText();
        }

        private String describe(JsonToken t) throws IOException {
            if (t == null) {
                return "the end of the file";
            }
            return switch (t) {
                case START_OBJECT -> "an object { … }";
                case START_ARRAY -> "a list [ … ]";
                case VALUE_STRING -> "the string \"" + p.getText() + "\"";
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "the number " + p.getText();
                case VALUE_TRUE, VALUE_FALSE -> p.getText();
                case VALUE_NULL -> "null";
                default -> p.getText();
            };
        }

        private InputException error(String message) {
            return new InputException(at(source, p.currentTokenLocation()) + message);
        }
    }
}
