package dev.scimctl.sandbox;

import dev.scimctl.io.AtomicFile;
import dev.scimctl.io.JsonLocator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The sandbox's users and groups: thread-safe, in memory, optionally saved to a JSON file.
 *
 * <p>Resources go in and come out as plain Jackson trees (copies: callers never share state with the store).
 * The store assigns {@code id} and {@code meta} (created, lastModified, resourceType, version) and keeps
 * {@code userName} unique, ignoring case. It enforces no NinjaOne rules: that is the HTTP side's job, so tests
 * can seed data a real server would have refused.
 */
public final class SandboxStore {

    private static final String FILE_FORMAT = "scimctl-sandbox/1";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One page of resources in store order, and how many there are in all. */
    public record Page(List<ObjectNode> resources, int totalResults) {
    }

    /** A stored resource: its JSON, the revision its ETag is made from, and its place in list order. */
    private record Entry(ObjectNode resource, long revision, long sequence) {
    }

    private final Map<String, Entry> users = new ConcurrentHashMap<>();
    private final Map<String, Entry> groups = new ConcurrentHashMap<>();
    private final Map<String, String> userIdsByUserName = new ConcurrentHashMap<>();
    /** Writes are rare next to reads and must check uniqueness atomically: one lock is simple and enough. */
    private final ReentrantLock writeLock = new ReentrantLock();
    private final AtomicLong sequence = new AtomicLong();
    private final AtomicBoolean dirty = new AtomicBoolean();
    private final Clock clock;

    public SandboxStore() {
        this(Clock.systemUTC());
    }

    SandboxStore(Clock clock) {
        this.clock = clock;
    }

    // ---------------------------------------------------------------- users

    /**
     * Adds a user. An {@code id} in the given JSON is kept (so seeded data can use known ids), else a UUID is
     * assigned; {@code active} defaults to true.
     *
     * @return the stored user
     * @throws SandboxConflictException if another user has the same userName, ignoring case, or the id is taken
     */
    public ObjectNode createUser(ObjectNode user) {
        String userName = requireUserName(user);
        writeLock.lock();
        try {
            String id = idOrNew(user);
            if (users.containsKey(id)) {
                throw new SandboxConflictException("a user with id " + id + " exists already");
            }
            checkUserNameFree(userName, id);
            ObjectNode stored = prepare(user, id, "User", null);
            if (!stored.has("active")) {
                stored.put("active", true);
            }
            users.put(id, new Entry(stored, 1, sequence.incrementAndGet()));
            userIdsByUserName.put(key(userName), id);
            changed();
            return finish(stored, 1);
        } finally {
            writeLock.unlock();
        }
    }

    /**
     * Replaces a user's attributes (keeping its id and creation time), as PUT does.
     *
     * @throws SandboxConflictException if another user has the new userName
     * @throws java.util.NoSuchElementException if there is no such user
     */
    public ObjectNode replaceUser(String id, ObjectNode user) {
        String userName = requireUserName(user);
        writeLock.lock();
        try {
            Entry old = existing(users, id, "user");
            checkUserNameFree(userName, id);
            ObjectNode stored = prepare(user, id, "User", old);
            long revision = old.revision() + 1;
            users.put(id, new Entry(stored, revision, old.sequence()));
            userIdsByUserName.remove(key(old.resource().path("userName").asText()));
            userIdsByUserName.put(key(userName), id);
            changed();
            return finish(stored, revision);
        } finally {
            writeLock.unlock();
        }
    }

    /**
     * Deletes a user. A soft delete sets {@code active: false} and keeps the user, as NinjaOne does with users
     * removed at the IdP; a hard delete removes the user and its group memberships.
     *
     * @return false if there was no such user
     */
    public boolean deleteUser(String id, boolean hard) {
        writeLock.lock();
        try {
            Entry old = users.get(id);
            if (old == null) {
                return false;
            }
            if (hard) {
                users.remove(id);
                userIdsByUserName.remove(key(old.resource().path("userName").asText()));
                removeMemberEverywhere(id);
            } else {
                ObjectNode stored = old.resource().deepCopy();
                stored.put("active", false);
                touch(stored);
                users.put(id, new Entry(stored, old.revision() + 1, old.sequence()));
            }
            changed();
            return true;
        } finally {
            writeLock.unlock();
        }
    }

    public Optional<ObjectNode> user(String id) {
        return Optional.ofNullable(users.get(id)).map(SandboxStore::finish);
    }

    public Optional<ObjectNode> userByUserName(String userName) {
        return Optional.ofNullable(userIdsByUserName.get(key(userName))).flatMap(this::user);
    }

    /** All users, oldest first (a stable order, so that paging through them is repeatable). */
    public List<ObjectNode> users() {
        return inOrder(users);
    }

    /** The users from {@code startIndex} (1-based), at most {@code count}, oldest first; copies only those. */
    public Page usersPage(long startIndex, int count) {
        return page(users, startIndex, count);
    }

    public int userCount() {
        return users.size();
    }

    // ---------------------------------------------------------------- groups

    /**
     * Adds a group. Member references are not checked here: seeded data may point anywhere.
     *
     * @return the stored group
     */
    public ObjectNode createGroup(ObjectNode group) {
        writeLock.lock();
        try {
            String id = idOrNew(group);
            if (groups.containsKey(id)) {
                throw new SandboxConflictException("a group with id " + id + " exists already");
            }
            ObjectNode stored = prepare(group, id, "Group", null);
            groups.put(id, new Entry(stored, 1, sequence.incrementAndGet()));
            changed();
            return finish(stored, 1);
        } finally {
            writeLock.unlock();
        }
    }

    /** Replaces a group's attributes, keeping its id and creation time. */
    public ObjectNode replaceGroup(String id, ObjectNode group) {
        writeLock.lock();
        try {
            Entry old = existing(groups, id, "group");
            ObjectNode stored = prepare(group, id, "Group", old);
            long revision = old.revision() + 1;
            groups.put(id, new Entry(stored, revision, old.sequence()));
            changed();
            return finish(stored, revision);
        } finally {
            writeLock.unlock();
        }
    }

    /** Removes a group (groups are always removed for good). */
    public boolean deleteGroup(String id) {
        writeLock.lock();
        try {
            if (groups.remove(id) == null) {
                return false;
            }
            removeMemberEverywhere(id);
            changed();
            return true;
        } finally {
            writeLock.unlock();
        }
    }

    public Optional<ObjectNode> group(String id) {
        return Optional.ofNullable(groups.get(id)).map(SandboxStore::finish);
    }

    public List<ObjectNode> groups() {
        return inOrder(groups);
    }

    public Page groupsPage(long startIndex, int count) {
        return page(groups, startIndex, count);
    }

    public int groupCount() {
        return groups.size();
    }

    /** Whether an id names a stored user or group: what a group member must be. */
    public Optional<String> resourceTypeOf(String id) {
        if (users.containsKey(id)) {
            return Optional.of("User");
        }
        return groups.containsKey(id) ? Optional.of("Group") : Optional.empty();
    }

    /** Forgets everything. */
    public void clear() {
        writeLock.lock();
        try {
            users.clear();
            groups.clear();
            userIdsByUserName.clear();
            changed();
        } finally {
            writeLock.unlock();
        }
    }

    // ---------------------------------------------------------------- persistence

    /** Whether anything changed since the last {@link #save} or {@link #load}. */
    boolean isDirty() {
        return dirty.get();
    }

    /**
     * Writes the whole store to a file, atomically ({@link AtomicFile}): a crash leaves either the old or the new
     * content, never half of one.
     */
    public void save(Path file) {
        ObjectNode document;
        writeLock.lock();
        try {
            dirty.set(false);
            document = JsonNodeFactory.instance.objectNode();
            document.put("format", FILE_FORMAT);
            document.set("users", toJson(users));
            document.set("groups", toJson(groups));
        } finally {
            writeLock.unlock();
        }
        Path target = file.toAbsolutePath();
        try {
            // Mode 0600 like the token beside it: the records are the administrator's, not everyone's on the machine.
            AtomicFile.write(target, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(document), true);
        } catch (IOException e) {
            dirty.set(true);
            throw new UncheckedIOException("cannot save the sandbox data to " + target + ": " + e.getMessage(), e);
        }
    }

    /**
     * Replaces the store's content with a file written by {@link #save}. A missing or empty file means no data.
     *
     * @throws IllegalArgumentException if the file is not a sandbox data file, with {@code file:line:col} and what
     *         was expected there; the store and the file are left as they were
     */
    public void load(Path file) {
        JsonNode document;
        try {
            if (!Files.exists(file) || Files.size(file) == 0) {
                clear();
                dirty.set(false);
                return;
            }
            document = JSON.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new IllegalArgumentException(file + (at == null ? "" : ":" + at.getLineNr() + ":" + at.getColumnNr())
                    + ": not a scimctl sandbox data file: the JSON does not parse (" + e.getOriginalMessage()
                    + "); expected " + EXPECTED, e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the sandbox data in " + file + ": " + e.getMessage(), e);
        }
        List<Entry> loadedUsers = new ArrayList<>();
        List<Entry> loadedGroups = new ArrayList<>();
        String problem = readDocument(document, loadedUsers, loadedGroups);
        if (problem != null) {
            String pointer = problem.substring(0, problem.indexOf(' '));
            throw new IllegalArgumentException(file + JsonLocator.lineAndColumn(file, pointer) + ": not a scimctl"
                    + " sandbox data file: " + problem.substring(problem.indexOf(' ') + 1) + "; expected " + EXPECTED);
        }
        writeLock.lock();
        try {
            users.clear();
            groups.clear();
            userIdsByUserName.clear();
            for (Entry entry : loadedUsers) {
                String id = entry.resource().path("id").asText();
                users.put(id, entry);
                userIdsByUserName.put(key(entry.resource().path("userName").asText()), id);
            }
            for (Entry entry : loadedGroups) {
                groups.put(entry.resource().path("id").asText(), entry);
            }
            dirty.set(false);
        } finally {
            writeLock.unlock();
        }
    }

    private static final String EXPECTED = "{\"format\": \"" + FILE_FORMAT + "\", \"users\": [...], \"groups\": [...]},"
            + " each entry {\"revision\": N, \"resource\": {\"id\": \"...\", ...}}, as the sandbox writes it";

    /**
     * Reads a parsed data file into entries. Returns null, or the problem as a JSON pointer, a space and what is
     * wrong there.
     */
    private String readDocument(JsonNode document, List<Entry> loadedUsers, List<Entry> loadedGroups) {
        if (document == null || !document.isObject()) {
            return "/ the file holds " + kind(document) + ", not an object";
        }
        if (!FILE_FORMAT.equals(document.path("format").asText(null))) {
            return (document.has("format") ? "/format" : "/") + " \"format\" is not \"" + FILE_FORMAT + "\"";
        }
        for (String list : List.of("users", "groups")) {
            JsonNode items = document.get(list);
            if (items == null) {
                continue;
            }
            if (!items.isArray()) {
                return "/" + list + " \"" + list + "\" is " + kind(items) + ", not a list";
            }
            Set<String> ids = new HashSet<>();
            Set<String> userNames = new HashSet<>();
            for (int i = 0; i < items.size(); i++) {
                JsonNode item = items.get(i);
                String at = "/" + list + "/" + i;
                JsonNode resource = item.get("resource");
                if (resource == null || !resource.isObject()) {
                    return at + " entry " + i + " of \"" + list + "\" has no \"resource\" object";
                }
                JsonNode id = resource.get("id");
                if (id == null || !id.isTextual() || id.textValue().isBlank()) {
                    return at + "/resource entry " + i + " of \"" + list + "\" has no \"id\" string";
                }
                if (!ids.add(id.textValue())) {
                    return at + "/resource/id id \"" + id.textValue() + "\" appears twice in \"" + list + "\"";
                }
                if (list.equals("users")) {
                    JsonNode userName = resource.get("userName");
                    if (userName == null || !userName.isTextual() || userName.textValue().isBlank()) {
                        return at + "/resource user " + id.textValue() + " has no \"userName\" string";
                    }
                    if (!userNames.add(key(userName.textValue()))) {
                        return at + "/resource/userName userName \"" + userName.textValue() + "\" appears twice";
                    }
                }
                JsonNode revision = item.get("revision");
                if (revision != null && !revision.canConvertToLong()) {
                    return at + "/revision \"revision\" of entry " + i + " of \"" + list + "\" is not a number";
                }
                (list.equals("users") ? loadedUsers : loadedGroups).add(fromJson(item));
            }
        }
        return null;
    }

    private static String kind(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing";
        }
        return node.isTextual() ? "the string " + node : node.getNodeType().toString().toLowerCase(Locale.ROOT)
                + (node.isValueNode() ? " " + node : "");
    }

    private ArrayNode toJson(Map<String, Entry> entries) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        entries.values().stream().sorted(Comparator.comparingLong(Entry::sequence)).forEach(entry -> {
            ObjectNode item = array.addObject();
            item.put("revision", entry.revision());
            item.set("resource", entry.resource());
        });
        return array;
    }

    private Entry fromJson(JsonNode item) {
        JsonNode resource = item.get("resource");
        if (resource == null || !resource.isObject() || !resource.path("id").isTextual()) {
            throw new IllegalArgumentException("a sandbox data file entry has no resource with an id: " + item);
        }
        return new Entry((ObjectNode) resource.deepCopy(), Math.max(1, item.path("revision").asLong(1)),
                sequence.incrementAndGet());
    }

    // ---------------------------------------------------------------- helpers

    private void changed() {
        dirty.set(true);
    }

    private static String key(String userName) {
        return userName.toLowerCase(Locale.ROOT);
    }

    private static String requireUserName(ObjectNode user) {
        JsonNode userName = user.get("userName");
        if (userName == null || !userName.isTextual() || userName.textValue().isBlank()) {
            throw new IllegalArgumentException("a user needs a userName");
        }
        return userName.textValue();
    }

    private void checkUserNameFree(String userName, String id) {
        String owner = userIdsByUserName.get(key(userName));
        if (owner != null && !owner.equals(id)) {
            throw new SandboxConflictException("userName \"" + userName + "\" is taken by user " + owner);
        }
    }

    private static String idOrNew(ObjectNode resource) {
        JsonNode id = resource.get("id");
        return id != null && id.isTextual() && !id.textValue().isBlank() ? id.textValue() : UUID.randomUUID().toString();
    }

    private static Entry existing(Map<String, Entry> entries, String id, String what) {
        Entry entry = entries.get(id);
        if (entry == null) {
            throw new java.util.NoSuchElementException("no " + what + " with id " + id);
        }
        return entry;
    }

    /** A copy of the given resource with the store's id and meta; previous meta.created survives a replace. */
    private ObjectNode prepare(ObjectNode resource, String id, String resourceType, Entry old) {
        ObjectNode stored = resource.deepCopy();
        stored.put("id", id);
        stored.remove("meta");
        // SCIM-managed NinjaOne users get no password; the sandbox never keeps one either.
        stored.remove("password");
        ObjectNode meta = stored.putObject("meta");
        meta.put("resourceType", resourceType);
        String now = Instant.now(clock).toString();
        meta.put("created", old == null ? now : old.resource().path("meta").path("created").asText(now));
        meta.put("lastModified", now);
        return stored;
    }

    private void touch(ObjectNode stored) {
        ((ObjectNode) stored.path("meta")).put("lastModified", Instant.now(clock).toString());
    }

    private void removeMemberEverywhere(String memberId) {
        for (Map.Entry<String, Entry> group : groups.entrySet()) {
            JsonNode members = group.getValue().resource().get("members");
            if (members == null || !members.isArray()) {
                continue;
            }
            ArrayNode kept = JsonNodeFactory.instance.arrayNode();
            members.forEach(member -> {
                if (!memberId.equals(member.path("value").asText())) {
                    kept.add(member);
                }
            });
            if (kept.size() != members.size()) {
                Entry old = group.getValue();
                ObjectNode stored = old.resource().deepCopy();
                stored.set("members", kept);
                touch(stored);
                group.setValue(new Entry(stored, old.revision() + 1, old.sequence()));
            }
        }
    }

    private static Page page(Map<String, Entry> entries, long startIndex, int count) {
        List<Entry> sorted = new ArrayList<>(entries.values());
        sorted.sort(Comparator.comparingLong(Entry::sequence));
        int from = (int) Math.min(Math.max(startIndex, 1) - 1, sorted.size());
        int to = (int) Math.min((long) from + Math.max(count, 0), sorted.size());
        List<ObjectNode> page = new ArrayList<>(to - from);
        sorted.subList(from, to).forEach(entry -> page.add(finish(entry)));
        return new Page(page, sorted.size());
    }

    private static List<ObjectNode> inOrder(Map<String, Entry> entries) {
        List<Entry> sorted = new ArrayList<>(entries.values());
        sorted.sort(Comparator.comparingLong(Entry::sequence));
        List<ObjectNode> result = new ArrayList<>(sorted.size());
        sorted.forEach(entry -> result.add(finish(entry)));
        return result;
    }

    private static ObjectNode finish(Entry entry) {
        return finish(entry.resource(), entry.revision());
    }

    /** The outside view of a stored resource: a copy, with the version its revision gives it. */
    private static ObjectNode finish(ObjectNode stored, long revision) {
        ObjectNode copy = stored.deepCopy();
        ((ObjectNode) copy.path("meta")).put("version", "W/\"" + revision + "\"");
        return copy;
    }
}
