package dev.scimctl.scim.probe;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scimctl.Setting;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimctl.scim.probe.ProbeFinding.Verdict;
import dev.scimctl.scim.probe.ProbeHttp.Answer;
import dev.scimctl.scim.ScimException;
import dev.scimctl.scim.ScimJson;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The write checks of {@code scimctl probe --write}, on throwaway users and a group named {@code scimctl-probe-…}
 * that it creates and removes again: POST and 409 on a duplicate, the PATCH forms, PUT, If-Match, member changes,
 * DELETE then GET. {@link #close()} removes whatever is left, so the server ends as it was found.
 */
final class WriteProbe implements AutoCloseable {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final ProbeHttp http;
    private final Consumer<ProbeFinding> sink;
    private final Consumer<String> progress;
    private final JsonNode declared;
    private final Setting.Names names;
    private final String tag = "scimctl-probe-" + Long.toString(Math.abs(new SecureRandom().nextLong()) % 2176782336L, 36);
    /** Path → what it is, removed in close(); a POST and its entry here are one step (see {@link #post}). */
    private final Map<String, String> created = Collections.synchronizedMap(new LinkedHashMap<>());
    private final Consumer<String> notices;
    /** Ctrl-C (or a TERM) while the probe writes: its throwaway users and group are removed before the JVM ends. */
    private final Thread onInterrupt = new Thread(this::interrupted, "scimctl-probe-interrupted");
    private final List<String> userIds = new ArrayList<>();

    /** @param notices what must be said even with --quiet: what an interrupt removed or left on the server */
    WriteProbe(ProbeHttp http, Consumer<ProbeFinding> sink, Consumer<String> progress, Consumer<String> notices,
               JsonNode declared, Setting.Names names) {
        this.names = names;
        this.http = http;
        this.sink = sink;
        this.progress = progress;
        this.notices = notices;
        this.declared = declared;
        Runtime.getRuntime().addShutdownHook(onInterrupt);
    }

    /** Three users for the read checks (and the write checks after them), each with NinjaOne's extension. */
    void createSampleUsers() {
        progress.accept("creating throwaway users " + tag + "-…");
        for (String suffix : List.of("a", "b", "c")) {
            Answer a = post("Users", user(tag + "-" + suffix + "@example.com"), Map.of());
            if (a.ok() && a.body().path("id").isTextual()) {
                userIds.add(a.body().path("id").asText());
            } else if (suffix.equals("a")) {
                add("POST /Users", "RFC 7644 §3.3", "refused (" + a.describe() + ")", Verdict.differs,
                        "cannot create users here");
                return;
            }
            if (suffix.equals("a")) {
                String location = a.header("Location");
                String meta = a.body().path("meta").path("location").asText("");
                add("POST /Users", "201 with Location (RFC 7644 §3.3)", a.status() + (location == null
                                ? ", no Location header" : ", Location sent") + (meta.startsWith("http") ? ""
                                : meta.isEmpty() ? ", no meta.location" : ", meta.location relative"),
                        a.status() == 201 && location != null ? Verdict.ok : Verdict.differs,
                        "reads the new id from the body; builds every URL from the base URL");
            }
        }
    }

    void run() {
        if (userIds.size() < 2) {
            return;
        }
        String a = userIds.get(0);
        duplicate();
        escapedFilters();
        contentType();
        patchForms(a);
        put(a);
        ifMatch(a);
        group(a, userIds.get(1));
        deleteThenGet(userIds.get(2));
    }

    private void duplicate() {
        progress.accept("trying a duplicate userName");
        Answer dup = post("Users", user(tag + "-a@example.com"), Map.of());
        boolean conflict = dup.status() == 409;
        add("POST a duplicate userName", "409 uniqueness (RFC 7644 §3.3)", dup.ok() ? "created a second user"
                : dup.describe(), conflict ? Verdict.ok : Verdict.differs, conflict
                ? "import turns a create answered 409 into an update; users create reports it (exit 1)"
                : "import and users create cannot rely on a 409: import looks each user up before creating it");
    }

    /** Filter values are JSON strings (RFC 7644 §3.4.2.2): a quote and a backslash arrive escaped. */
    private void escapedFilters() {
        escapedFilter("filter with \\\" in a value", tag + "-q\"uote@example.com");
        escapedFilter("filter with \\\\ in a value", tag + "-back\\slash@example.com");
    }

    private void escapedFilter(String check, String name) {
        Answer made = post("Users", user(name), Map.of());
        if (!made.ok()) {
            add(check, "unescaped (RFC 7644 §3.4.2.2)", "such a userName was refused (" + made.describe() + ")",
                    Verdict.unchecked, "");
            return;
        }
        Answer found = http.get(ProbeHttp.query("Users", "filter", "userName eq " + ProbeHttp.literal(name)));
        boolean works = found.ok() && ServerProbe.contains(found.body(), made.body().path("id").asText());
        add(check, "unescaped (RFC 7644 §3.4.2.2)", works ? "works"
                        : found.ok() ? "not unescaped: matches nothing" : "refused (" + found.describe() + ")",
                works ? Verdict.ok : Verdict.differs, works ? "escapes quotes and backslashes in every filter value"
                        : "checks a miss (or a refusal) for such a name against the full user list");
    }

    private void contentType() {
        Answer plain = post("Users", user(tag + "-json@example.com"), Map.of("Content-Type", "application/json"));
        sink.accept(new ProbeFinding("Content-Type application/json on POST", "application/scim+json (RFC 7644 §3.1)",
                plain.ok() ? "accepted" : "refused (" + plain.describe() + ")", plain.ok() ? Verdict.ok : Verdict.unsupported,
                "always sends application/scim+json; accepts either in answers"));
    }

    private void patchForms(String id) {
        progress.accept("trying PATCH");
        String path = "Users/" + ProbeHttp.pathSegment(id);
        boolean declaredPatch = declared.path("patch").path("supported").asBoolean(false);
        String declaredText = declared.path("patch").path("supported").isBoolean()
                ? (declaredPatch ? "supported" : "not supported") : "not declared";
        // Without a path: scimctl never sends that form, whatever the server does with it.
        boolean saysNoPatch = declared.path("patch").path("supported").isBoolean() && !declaredPatch;
        patch("PATCH replace with a path", declaredText, path, op("replace", "active", NODES.booleanNode(false)),
                u -> !u.path("active").asBoolean(true), declaredPatch, a -> updates(a, saysNoPatch));
        ObjectNode value = NODES.objectNode().put("active", true);
        patch("PATCH replace without a path", declaredText, path, op("replace", null, value),
                u -> u.path("active").asBoolean(false), declaredPatch, a -> "never sends a PATCH without a path");
        patch("PATCH add with a path", declaredText, path, op("add", "title", NODES.textNode("Probe")),
                u -> u.path("title").asText("").equals("Probe"), declaredPatch, this::asGiven);
        patch("PATCH remove with a path", declaredText, path, op("remove", "title", null),
                u -> !u.has("title"), declaredPatch, this::asGiven);
    }

    /** What scimctl's changes (deactivate, import, rename) do, given how the server took a PATCH replace by path. */
    private static String updates(Answer a, boolean saysNoPatch) {
        if (saysNoPatch) {
            return "updates with PUT, as declared (the whole user, with If-Match when ETags are served); users set "
                    + "sends its PATCH all the same";
        }
        if (a.ok()) {
            return "updates with PATCH (an answer of 2xx counts as done)";
        }
        return a.status() == 405 || a.status() == 501
                ? "falls back to PUT after the first refusal (the whole user, with If-Match when ETags are served)"
                : "reports the refusal: only 405 or 501 make it fall back to PUT; users replace is the way round";
    }

    /** What users set does with the form it sends as the person wrote it. */
    private String asGiven(Answer a) {
        String edits = "users set " + names.of(Setting.ATTRIBUTE_ADD) + "/" + names.of(Setting.ATTRIBUTE_REMOVE);
        return a.ok() ? edits + " send this form as given"
                : edits + " get the refusal; users replace (PUT) is the way round";
    }

    private void patch(String check, String declaredText, String path, ObjectNode body,
                       java.util.function.Predicate<JsonNode> applied, boolean declaredPatch,
                       java.util.function.Function<Answer, String> scimctl) {
        Answer a = http.send("PATCH", path, body, Map.of());
        Answer after = http.get(path);
        boolean works = a.ok() && after.ok() && applied.test(after.body());
        String observed = works ? "works" : a.ok() ? "answered " + a.status() + " but did not apply it" : a.describe();
        Verdict v = works ? (declaredPatch ? Verdict.ok : Verdict.differs) : declaredPatch ? Verdict.differs : Verdict.unsupported;
        add(check, declaredText, observed, v, scimctl.apply(a));
    }

    private void put(String id) {
        String path = "Users/" + ProbeHttp.pathSegment(id);
        Answer current = http.get(path);
        if (!current.ok()) {
            return;
        }
        ObjectNode replacement = user(current.body().path("userName").asText());
        ((ObjectNode) replacement.path("name")).put("givenName", "Replaced");
        Answer a = http.send("PUT", path, replacement, Map.of());
        Answer after = http.get(path);
        boolean works = a.ok() && after.body().path("name").path("givenName").asText("").equals("Replaced");
        add("PUT", "RFC 7644 §3.5.1", works ? "works" : a.describe(), works ? Verdict.ok : Verdict.differs,
                works ? "falls back to PUT where PATCH is refused; users replace sends PUT"
                        : "cannot update users where PATCH is refused");
    }

    private void ifMatch(String id) {
        String path = "Users/" + ProbeHttp.pathSegment(id);
        Answer current = http.get(path);
        String version = current.body().path("meta").path("version").asText("");
        if (version.isEmpty()) {
            add("If-Match", "etag " + (declared.path("etag").path("supported").asBoolean(false) ? "supported" : "not supported"),
                    "no meta.version to send", Verdict.unsupported, "sends no If-Match");
            return;
        }
        ObjectNode body = op("replace", "title", NODES.textNode("Stale"));
        Answer stale = http.send("PATCH", path, body, Map.of("If-Match", "W/\"scimctl-probe-stale\""));
        Answer fresh = http.send("PATCH", path, op("remove", "title", null), Map.of("If-Match", version));
        boolean works = stale.status() == 412 && fresh.ok();
        boolean saysNoEtag = declared.path("etag").path("supported").isBoolean()
                && !declared.path("etag").path("supported").booleanValue();
        add("If-Match", "412 on a stale version (RFC 7644 §3.14)", "stale: " + stale.describe() + ", current: "
                + fresh.describe(), works ? Verdict.ok : Verdict.differs, saysNoEtag
                ? "sends no If-Match, as the server declares no ETags: a PUT may overwrite a change made meanwhile"
                : "sends If-Match with meta.version on PUT; on a 412 it reads again and applies its change once "
                + "(users replace reports the 412 instead)");
    }

    private void group(String first, String second) {
        progress.accept("trying group membership");
        ObjectNode group = NODES.objectNode();
        group.putArray("schemas").add(ScimJson.CORE_GROUP);
        group.put("displayName", tag);
        group.putArray("members").addObject().put("value", first);
        Answer g = post("Groups", group, Map.of());
        if (!g.ok()) {
            add("POST /Groups", "RFC 7644 §3.3", g.describe(), Verdict.differs, "cannot create groups here");
            return;
        }
        String path = "Groups/" + ProbeHttp.pathSegment(g.body().path("id").asText());
        ArrayNode add = NODES.arrayNode();
        add.addObject().put("value", second);
        Answer added = http.send("PATCH", path, op("add", "members", add), Map.of());
        Answer removed = http.send("PATCH", path, op("remove", "members[value eq " + ProbeHttp.literal(first) + "]", null),
                Map.of());
        Answer after = http.get(path);
        List<String> members = new ArrayList<>();
        after.body().path("members").forEach(m -> members.add(m.path("value").asText()));
        boolean right = added.ok() && removed.ok() && members.equals(List.of(second));
        String observed = right ? "works" : !added.ok() ? "add refused (" + added.describe() + ")"
                : !removed.ok() ? "remove refused (" + removed.describe() + ")"
                : members.isEmpty() ? "the remove emptied the group" : "members afterwards: " + members.size();
        add("PATCH members add, remove members[value eq …]", "RFC 7644 §3.5.2", observed,
                right ? Verdict.ok : Verdict.differs, "adds members 100 a request; removes each by the RFC path form "
                        + "members[value eq \"ID\"], never a path-less or plain members remove; where PATCH is "
                        + "refused (405, 501), PUTs the group with its member list changed");
        Answer deleted = http.send("DELETE", path, null, Map.of());
        Answer gone = http.get(path);
        if (deleted.ok() && gone.status() == 404) {
            created.remove(path);
        }
        add("DELETE /Groups then GET", "404 (RFC 7644 §3.6)", "DELETE " + deleted.describe() + ", GET " + gone.describe(),
                deleted.ok() && gone.status() == 404 ? Verdict.ok : Verdict.differs, "groups delete sends it, after asking");
    }

    private void deleteThenGet(String id) {
        String path = "Users/" + ProbeHttp.pathSegment(id);
        Answer deleted = http.send("DELETE", path, null, Map.of());
        Answer gone = http.get(path);
        boolean rfc = deleted.ok() && gone.status() == 404;
        if (rfc) {
            created.remove(path);
        }
        String observed = "DELETE " + deleted.describe() + ", GET " + gone.describe()
                + (gone.ok() ? " (active " + gone.body().path("active").asText("?") + ")" : "");
        add("DELETE /Users then GET", "404 (RFC 7644 §3.6)", observed, rfc ? Verdict.ok : Verdict.differs,
                "deactivates (active false) and deletes only when asked ('users delete')");
    }

    private ObjectNode user(String userName) {
        ObjectNode u = NODES.objectNode();
        u.putArray("schemas").add(ScimJson.CORE_USER).add(ServerProbe.EXT);
        u.put("userName", userName);
        u.putObject("name").put("givenName", "Probe").put("familyName", "Scimctl");
        u.putArray("emails").addObject().put("value", userName).put("type", "work").put("primary", true);
        u.put("active", true);
        u.putObject(ServerProbe.EXT).put("userType", "technician");
        return u;
    }

    private static ObjectNode op(String op, String path, JsonNode value) {
        ObjectNode body = NODES.objectNode();
        body.putArray("schemas").add(ScimJson.PATCH_OP);
        ObjectNode o = body.putArray("Operations").addObject().put("op", op);
        if (path != null) {
            o.put("path", path);
        }
        if (value != null) {
            o.set("value", value);
        }
        return body;
    }

    /**
     * A POST, and what it made remembered, as one step under the lock every request takes: an interrupt's clean-up,
     * which takes that lock too, never misses a user whose answer had arrived but was not yet noted.
     */
    private Answer post(String endpoint, ObjectNode body, Map<String, String> headers) {
        synchronized (http) {
            Answer a = http.send("POST", endpoint, body, headers);
            if (a.ok() && a.body().path("id").isTextual()) {
                remember(endpoint, a.body().path("id").asText());
            }
            return a;
        }
    }

    private void remember(String endpoint, String id) {
        created.put(endpoint + "/" + ProbeHttp.pathSegment(id), endpoint);
    }

    private void add(String check, String declaredText, String observed, Verdict verdict, String scimctl) {
        sink.accept(new ProbeFinding(check, declaredText, observed, verdict, scimctl));
    }

    /** Removes what is left, groups first (they name the users), and says what could not be removed. */
    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(onInterrupt);
        } catch (IllegalStateException e) {
            return; // the JVM is ending: the hook removes them
        }
        List<String> left = removeAll();
        if (!left.isEmpty()) {
            add("remove the throwaway resources", "", "left on the server: " + String.join(", ", left),
                    Verdict.differs, "remove them with 'scimctl api DELETE PATH'");
        }
    }

    /**
     * The shutdown hook: holding the requests' lock, so that the probe sends nothing more (its next request waits
     * until the JVM ends), it removes what the probe made and says so. Without it an interrupted {@code --write} left
     * its throwaway users in the tenant, without a word.
     */
    private void interrupted() {
        synchronized (http) {
            notices.accept("interrupted: removing the throwaway users and group (" + tag + "-…) the probe made");
            List<String> left = removeAll();
            notices.accept(left.isEmpty() ? "removed them: the server is as the probe found it"
                    : "left on the server: " + String.join(", ", left) + "; remove them with 'scimctl api DELETE PATH'");
        }
    }

    private List<String> removeAll() {
        List<String> paths;
        synchronized (created) {
            paths = new ArrayList<>(created.keySet());
        }
        paths.sort((x, y) -> Boolean.compare(x.startsWith("Users"), y.startsWith("Users")));
        List<String> left = new ArrayList<>();
        for (String path : paths) {
            try {
                Answer a = http.send("DELETE", path, null, Map.of());
                if (!a.ok() && a.status() != 404) {
                    left.add(path + " (" + a.describe() + ")");
                } else {
                    created.remove(path);
                }
            } catch (ScimException | IllegalStateException e) { // a failed request, or one cancelled at the end
                left.add(path + " (" + e.getMessage() + ")");
            }
        }
        return left;
    }
}
