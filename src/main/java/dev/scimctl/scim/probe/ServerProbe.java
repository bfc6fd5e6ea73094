package dev.scimctl.scim.probe;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scimctl.Setting;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimctl.scim.probe.ProbeFinding.Verdict;
import dev.scimctl.scim.probe.ProbeHttp.Answer;
import dev.scimctl.scim.ScimClient;
import dev.scimctl.scim.ScimJson;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * {@code scimctl probe}: tries what a SCIM server declares in /ServiceProviderConfig (and what the RFC asks of every
 * server) against what it does, with read-only requests on the users it already has. {@link WriteProbe} adds the
 * checks that need a throwaway user and group.
 */
public final class ServerProbe {
    static final String EXT = ScimJson.NINJAONE_USER;
    private static final int SAMPLE = 50;
    private static final int LARGEST_PAGE_TRIED = 1000;

    private final ProbeHttp http;
    private final Consumer<ProbeFinding> sink;
    private final Consumer<String> progress;
    private final Consumer<String> notices;
    private final Setting.Names names;
    private JsonNode declared = JsonNodeFactory.instance.objectNode();

    /**
     * @param sink     receives each finding as soon as it is known
     * @param progress receives a short line before each step (for a terminal's stderr)
     * @param notices  receives what must be said in any case: what an interrupted {@code --write} removed or left
     * @param names    words the findings that point at a choice of the user (on the command line, its option)
     */
    public ServerProbe(ScimClient client, Consumer<ProbeFinding> sink, Consumer<String> progress,
                       Consumer<String> notices, Setting.Names names) {
        this.names = names;
        this.http = new ProbeHttp(client);
        this.sink = sink;
        this.progress = progress;
        this.notices = notices;
    }

    /** Runs the read-only checks, then, with {@code write}, the write checks (which leave the server as found). */
    public void run(boolean write) {
        readDeclaration();
        if (write) {
            // Throwaway users first, so that the read checks have something to read on an empty server.
            try (WriteProbe writes = new WriteProbe(http, sink, progress, notices, declared, names)) {
                writes.createSampleUsers();
                readChecks();
                writes.run();
            }
        } else {
            readChecks();
        }
    }

    private void readDeclaration() {
        progress.accept("reading /ServiceProviderConfig");
        Answer spc = http.get("ServiceProviderConfig");
        if (spc.ok() && spc.body().isObject()) {
            declared = spc.body();
            add("ServiceProviderConfig", "served (RFC 7644 §4)", "served", Verdict.ok,
                    "reads it to choose PATCH or PUT and whether to ask the server to sort");
        } else {
            add("ServiceProviderConfig", "served (RFC 7644 §4)", "not served (" + spc.describe() + ")", Verdict.differs,
                    "assumes PATCH, filters and paging, and falls back when a request is refused");
        }
    }

    private String declared(String feature) {
        JsonNode f = declared.path(feature).path("supported");
        return f.isBoolean() ? (f.asBoolean() ? "supported" : "not supported") : "not declared";
    }

    private boolean declaredSupported(String feature) {
        return declared.path(feature).path("supported").asBoolean(false);
    }

    void readChecks() {
        progress.accept("listing users");
        Answer page = http.get(ProbeHttp.query("Users", "startIndex", "1", "count", Integer.toString(SAMPLE)));
        if (!page.ok()) {
            add("list /Users", "a ListResponse", page.describe(), Verdict.differs,
                    "cannot list users here; the remaining checks need a listing");
            return;
        }
        List<JsonNode> users = new ArrayList<>();
        page.body().path("Resources").forEach(users::add);
        long total = page.body().path("totalResults").asLong(-1);
        add("list /Users", "a ListResponse", users.size() + " users on the first page, totalResults " + total, Verdict.ok,
                "lists page by page");
        Optional<JsonNode> sample = users.stream().filter(u -> u.path("userName").asText("").matches(".*[A-Za-z].{3,}")).findFirst();
        filters(users, sample);
        extensionFilter(users);
        sorting(users);
        paging(total);
        projection(sample);
        etags(sample);
        search(sample);
        bulk();
        largestPage(total);
        groups();
    }

    private void filters(List<JsonNode> users, Optional<JsonNode> sample) {
        String declaredFilter = declared("filter");
        if (sample.isEmpty()) {
            for (String check : List.of("filter userName eq", "filter userName co", "filter userName sw", "filter and",
                    "filter or")) {
                unchecked(check, declaredFilter);
            }
            unchecked("userName eq ignores case", "caseExact: false (RFC 7643 §4.1.1)");
            return;
        }
        JsonNode u = sample.get();
        String id = u.path("id").asText();
        String name = u.path("userName").asText();
        progress.accept("trying filters on userName");
        filter("filter userName eq", declaredFilter, "userName eq " + ProbeHttp.literal(name), List.of(id),
                "looks a user up by userName eq", "lists users and compares userNames itself");
        String swapped = swapCase(name);
        Answer ci = http.get(ProbeHttp.query("Users", "filter", "userName eq " + ProbeHttp.literal(swapped)));
        if (ci.ok() && contains(ci.body(), id)) {
            add("userName eq ignores case", "caseExact: false (RFC 7643 §4.1.1)", "'" + swapped + "' finds '" + name + "'",
                    Verdict.ok, "re-checks every match case-insensitively all the same");
        } else {
            add("userName eq ignores case", "caseExact: false (RFC 7643 §4.1.1)",
                    ci.ok() ? "case-sensitive: '" + swapped + "' finds nothing" : "refused (" + ci.describe() + ")",
                    Verdict.differs, "re-checks matches case-insensitively; a look-up in another case can miss, and "
                            + "the create that follows is refused with 409 (never a duplicate)");
        }
        String middle = name.substring(1, Math.min(name.length() - 1, 6));
        String prefix = name.substring(0, Math.min(name.length(), 4));
        filter("filter userName co", declaredFilter, "userName co " + ProbeHttp.literal(middle), List.of(id),
                "uses co in " + names.of(Setting.USER_FILTER) + " only as given", "users list applies the filter to what the server returns");
        filter("filter userName sw", declaredFilter, "userName sw " + ProbeHttp.literal(prefix), List.of(id),
                "uses sw in " + names.of(Setting.USER_FILTER) + " only as given", "users list applies the filter to what the server returns");
        filter("filter and", declaredFilter, "userName sw " + ProbeHttp.literal(prefix) + " and userName co "
                + ProbeHttp.literal(middle), List.of(id), "combines its shortcuts with and",
                "users list applies the filter to what the server returns");
        Optional<JsonNode> other = users.stream().filter(o -> !o.path("id").asText().equals(id)
                && !o.path("userName").asText("").isEmpty()).findFirst();
        if (other.isPresent()) {
            filter("filter or", declaredFilter, "userName eq " + ProbeHttp.literal(name) + " or userName eq "
                            + ProbeHttp.literal(other.get().path("userName").asText()),
                    List.of(id, other.get().path("id").asText()), "uses or in " + names.of(Setting.USER_FILTER) + " only as given",
                    "users list applies the filter to what the server returns");
        } else {
            unchecked("filter or", declaredFilter);
        }
    }

    private void filter(String check, String declaredFilter, String expression, List<String> expected,
                        String whenOk, String whenNot) {
        Answer a = http.get(ProbeHttp.query("Users", "filter", expression, "count", Integer.toString(SAMPLE)));
        boolean found = a.ok() && expected.stream().allMatch(e -> contains(a.body(), e));
        String observed = found ? "works" : a.ok() ? "answers without the match" : "refused (" + a.describe() + ")";
        add(check, declaredFilter, observed, found ? Verdict.ok : Verdict.differs, found ? whenOk : whenNot);
    }

    private void extensionFilter(List<JsonNode> users) {
        String path = EXT + ":userType";
        Optional<JsonNode> withType = users.stream().filter(u -> u.path(EXT).path("userType").isTextual()).findFirst();
        if (withType.isEmpty()) {
            add("filter on an extension attribute", declared("filter"),
                    "no user carries the extension to try it on", Verdict.unchecked, "");
            return;
        }
        String value = withType.get().path(EXT).path("userType").asText();
        progress.accept("trying a filter on " + path);
        Answer a = http.get(ProbeHttp.query("Users", "filter", path + " eq " + ProbeHttp.literal(value),
                "count", Integer.toString(SAMPLE)));
        boolean found = a.ok() && contains(a.body(), withType.get().path("id").asText());
        boolean onlyMatches = true;
        for (JsonNode r : a.body().path("Resources")) {
            onlyMatches &= r.path(EXT).path("userType").asText("").equalsIgnoreCase(value);
        }
        boolean ok = found && onlyMatches;
        String observed = ok ? "works" : a.ok() ? (found ? "returns users that do not match" : "not resolved: matches nothing")
                : "refused (" + a.describe() + ")";
        add("filter on an extension attribute", declared("filter"), observed, ok ? Verdict.ok : Verdict.differs,
                ok ? "filters by userType and organizationId on the server"
                        : "users list checks every user against its shortcut filters itself, and an empty answer "
                        + "against the full list");
    }

    private void sorting(List<JsonNode> users) {
        if (users.size() < 2) {
            unchecked("sortBy userName", declared("sort"));
            return;
        }
        progress.accept("trying sortBy");
        Answer up = http.get(ProbeHttp.query("Users", "sortBy", "userName", "sortOrder", "ascending",
                "count", Integer.toString(SAMPLE)));
        Answer down = http.get(ProbeHttp.query("Users", "sortBy", "userName", "sortOrder", "descending",
                "count", Integer.toString(SAMPLE)));
        Comparator<String> byName = String.CASE_INSENSITIVE_ORDER;
        boolean sorted = up.ok() && down.ok() && isSorted(names(up.body()), byName)
                && isSorted(names(down.body()), byName.reversed());
        boolean supported = declaredSupported("sort");
        String observed = sorted ? "sorts, both orders" : up.ok() && down.ok() ? "ignores sortBy" : "refused (" + up.describe() + ")";
        Verdict v = sorted ? (supported ? Verdict.ok : Verdict.differs) : supported ? Verdict.differs : Verdict.unsupported;
        String sortBy = "users list " + names.of(Setting.USER_SORT);
        add("sortBy userName", declared("sort"), observed, v, supported
                ? sortBy + " asks the server to sort" + (sorted ? "" : ", and gets the server's order")
                : sortBy + " warns and keeps the server's order");
    }

    private void paging(long total) {
        if (total < 2) {
            unchecked("startIndex advances", "RFC 7644 §3.4.2.4");
            unchecked("totalResults is the total", "RFC 7644 §3.4.2");
            unchecked("itemsPerPage is the page's size", "RFC 7644 §3.4.2");
            return;
        }
        progress.accept("trying paging");
        Answer first = http.get(ProbeHttp.query("Users", "startIndex", "1", "count", "1"));
        Answer second = http.get(ProbeHttp.query("Users", "startIndex", "2", "count", "1"));
        String a = first.body().path("Resources").path(0).path("id").asText("");
        String b = second.body().path("Resources").path(0).path("id").asText("");
        int firstSize = first.body().path("Resources").size();
        boolean advances = first.ok() && second.ok() && !a.isEmpty() && !b.isEmpty() && !a.equals(b);
        add("startIndex advances", "RFC 7644 §3.4.2.4", advances ? "yes" : firstSize > 1 ? "ignores count ("
                        + firstSize + " on a page of 1)" : "no: the same page again",
                advances ? Verdict.ok : Verdict.differs, advances ? "pages by startIndex, a few pages at once"
                        : "stops a listing at a repeated page, with a note");
        long pageTotal = first.body().path("totalResults").asLong(-1);
        boolean isTotal = pageTotal == total;
        add("totalResults is the total", "RFC 7644 §3.4.2", isTotal ? "yes (" + total + ")"
                        : pageTotal + " on a page of 1, " + total + " on a page of " + SAMPLE,
                isTotal ? Verdict.ok : Verdict.differs, isTotal ? "stops paging at totalResults"
                        : "pages on until a page comes back empty");
        // Ask for more than there are: the page holds them all, and itemsPerPage should say how many it holds.
        long asked = Math.min(total + 5, LARGEST_PAGE_TRIED);
        Answer whole = http.get(ProbeHttp.query("Users", "startIndex", "1", "count", Long.toString(asked)));
        JsonNode items = whole.body().path("itemsPerPage");
        int got = whole.body().path("Resources").size();
        boolean right = items.isMissingNode() || items.asInt() == got;
        add("itemsPerPage is the page's size", "RFC 7644 §3.4.2",
                items.isMissingNode() ? "not sent" : items.asInt() + " on a page of " + got + " (count=" + asked + ")",
                right ? Verdict.ok : Verdict.differs, "counts the Resources it receives; never reads itemsPerPage");
    }

    private void projection(Optional<JsonNode> sample) {
        if (sample.isEmpty()) {
            unchecked("attributes=userName", "RFC 7644 §3.4.2.5");
            return;
        }
        progress.accept("trying attributes=");
        String id = sample.get().path("id").asText();
        Answer a = http.get(ProbeHttp.query("Users/" + ProbeHttp.pathSegment(id), "attributes", "userName"));
        boolean projected = a.ok() && a.body().has("userName") && a.body().has("id") && !a.body().has("name")
                && !a.body().has("emails") && !a.body().has("active");
        add("attributes=userName", "RFC 7644 §3.4.2.5", projected ? "returns id and userName only"
                        : a.ok() ? "returns every attribute" : "refused (" + a.describe() + ")",
                projected ? Verdict.ok : Verdict.differs, projected ? "asks only for the attributes it shows"
                        : "asks for fewer attributes, and reads whatever comes");
    }

    private void etags(Optional<JsonNode> sample) {
        if (sample.isEmpty()) {
            unchecked("ETags (meta.version)", declared("etag"));
            return;
        }
        Answer a = http.get("Users/" + ProbeHttp.pathSegment(sample.get().path("id").asText()));
        String version = a.body().path("meta").path("version").asText("");
        String header = a.ok() ? a.header("ETag") : null;
        boolean served = !version.isEmpty();
        boolean supported = declaredSupported("etag");
        String observed = served ? "meta.version " + version : header != null
                ? "no meta.version; an HTTP ETag header " + header + " (not a SCIM version)" : "none";
        add("ETags (meta.version)", declared("etag"), observed,
                served == supported ? (served ? Verdict.ok : Verdict.unsupported) : Verdict.differs,
                !served ? "sends no If-Match; prefers PATCH where declared"
                        : supported || !declared.path("etag").path("supported").isBoolean()
                        ? "sends If-Match with meta.version on PUT"
                        : "sends no If-Match, as the server declares no ETags");
    }

    private void search(Optional<JsonNode> sample) {
        progress.accept("trying POST /Users/.search and the content types");
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.putArray("schemas").add("urn:ietf:params:scim:api:messages:2.0:SearchRequest");
        body.put("count", 1);
        sample.ifPresent(u -> body.put("filter", "userName eq " + ProbeHttp.literal(u.path("userName").asText())));
        Answer scim = http.send("POST", "Users/.search", body, Map.of());
        if (!scim.ok()) {
            add("POST /Users/.search", "optional (RFC 7644 §3.4.3)", "not served (" + scim.describe() + ")",
                    Verdict.unsupported, "searches with GET only");
            add("Content-Type application/json accepted", "application/scim+json (RFC 7644 §3.1)",
                    "not tried without .search (" + names.of(Setting.PROBE_WRITES) + " tries it)", Verdict.unchecked, "always sends application/scim+json");
            return;
        }
        add("POST /Users/.search", "optional (RFC 7644 §3.4.3)", "served", Verdict.ok, "searches with GET only");
        Answer plain = http.send("POST", "Users/.search", body, Map.of("Content-Type", "application/json"));
        contentType(plain);
    }

    void contentType(Answer plain) {
        add("Content-Type application/json accepted", "application/scim+json (RFC 7644 §3.1)",
                plain.ok() ? "accepted" : "refused (" + plain.describe() + ")", plain.ok() ? Verdict.ok : Verdict.unsupported,
                "always sends application/scim+json; accepts either in answers");
    }

    /** An empty bulk request changes nothing, and shows whether /Bulk is there. */
    private void bulk() {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.putArray("schemas").add("urn:ietf:params:scim:api:messages:2.0:BulkRequest");
        body.putArray("Operations");
        Answer a = http.send("POST", "Bulk", body, Map.of());
        boolean served = a.ok();
        boolean supported = declaredSupported("bulk");
        add("POST /Bulk (no operations)", declared("bulk"), served ? "served" : "not served (" + a.describe() + ")",
                served == supported ? (served ? Verdict.ok : Verdict.unsupported) : Verdict.differs,
                "does not use /Bulk");
    }

    private void largestPage(long total) {
        progress.accept("asking for a page of " + LARGEST_PAGE_TRIED);
        Answer a = http.get(ProbeHttp.query("Users", "startIndex", "1", "count", Integer.toString(LARGEST_PAGE_TRIED)));
        JsonNode maxResults = declared.path("filter").path("maxResults");
        String declaredMax = maxResults.isNumber() ? "filter.maxResults " + maxResults.asInt() : "not declared";
        if (!a.ok()) {
            add("largest page", declaredMax, "a page of " + LARGEST_PAGE_TRIED + " refused (" + a.describe() + ")",
                    Verdict.differs, "asks for 100 a page");
            return;
        }
        int got = a.body().path("Resources").size();
        boolean capped = got < Math.min(total, LARGEST_PAGE_TRIED);
        String observed = capped ? got + " of " + total : "at least " + got + " (every user fit)";
        boolean agrees = !capped || !maxResults.isNumber() || maxResults.asInt() == got;
        add("largest page", declaredMax, observed, agrees ? Verdict.ok : Verdict.differs,
                "asks for 100 a page and takes what comes");
    }

    private void groups() {
        Answer a = http.get(ProbeHttp.query("Groups", "count", "1"));
        add("list /Groups", "a ListResponse", a.ok() ? "served, totalResults " + a.body().path("totalResults").asText("?")
                : "refused (" + a.describe() + ")", a.ok() ? Verdict.ok : Verdict.differs, a.ok() ? "lists groups page by page"
                : "groups and group sync cannot work here");
    }

    private void add(String check, String declaredText, String observed, Verdict verdict, String scimctl) {
        sink.accept(new ProbeFinding(check, declaredText, observed, verdict, scimctl));
    }

    private void unchecked(String check, String declaredText) {
        add(check, declaredText, "too few users to try it (" + names.of(Setting.PROBE_WRITES) + " adds throwaway ones)", Verdict.unchecked, "");
    }

    static boolean contains(JsonNode list, String id) {
        for (JsonNode r : list.path("Resources")) {
            if (r.path("id").asText().equals(id)) {
                return true;
            }
        }
        return false;
    }

    private static List<String> names(JsonNode list) {
        List<String> names = new ArrayList<>();
        list.path("Resources").forEach(r -> names.add(r.path("userName").asText("")));
        return names;
    }

    private static boolean isSorted(List<String> names, Comparator<String> order) {
        if (names.size() < 2) {
            return false;
        }
        for (int i = 1; i < names.size(); i++) {
            if (order.compare(names.get(i - 1), names.get(i)) > 0) {
                return false;
            }
        }
        return true;
    }

    private static String swapCase(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            b.append(Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c));
        }
        return b.toString().equals(s) ? s.toUpperCase(Locale.ROOT) : b.toString();
    }
}
