package dev.scimctl.scim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimctl.scim.model.PatchOp;
import dev.scimctl.scim.model.ScimUser;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * The server's users: every way scimctl reads, finds, creates, changes and removes one. Commands, the importer and
 * map-groups come here; none of them builds a request or reads a status code.
 * <p>
 * <b>Finding by userName</b> has one case rule. SCIM defines userName as not case-exact, and a server may say
 * otherwise in its /Schemas ({@code caseExact}). An exact match is preferred; a match in another case counts unless
 * the server says userName is case-exact. Servers that compare case-sensitively while saying nothing (or saying the
 * opposite) would miss a user whose case differs: where the first look-up finds nobody, one more request asks for
 * the name in lower and upper case, never a full listing.
 */
public final class Users extends Endpoint {
    private static final String ENDPOINT = "Users";
    /** Names per other-case request: up to four clauses each keeps the URL far below what servers and proxies take. */
    public static final int OTHER_CASE_NAMES_PER_REQUEST = 6;

    public Users(ScimClient client) {
        super(client, ENDPOINT);
    }

    // ---- reading ----------------------------------------------------------------------------------------------

    /**
     * The user as the command line names it: an id first when the argument looks like one (a UUID, or anything
     * without an '@', since NinjaOne userNames are e-mail addresses), else (or when no user has that id) a userName.
     */
    public Optional<JsonNode> find(String idOrUserName) {
        if (looksLikeId(idOrUserName)) {
            Optional<JsonNode> byId = findById(idOrUserName);
            if (byId.isPresent()) {
                return byId;
            }
        }
        return findByUserName(idOrUserName);
    }

    /** Whether a command-line argument is tried as an id before as a userName. */
    public static boolean looksLikeId(String s) {
        return Ids.isUuid(s) || s.indexOf('@') < 0;
    }

    /** The user with this userName, by the case rule above. */
    public Optional<JsonNode> findByUserName(String userName) {
        if (!resource.client().filterSupported()) {
            return findInFullListing(userName, "the server does not support filtering (its ServiceProviderConfig "
                    + "says so); scimctl reads every user to find " + userName);
        }
        Lookup first;
        try {
            first = lookUp(userName, 10);
        } catch (ScimErrorException e) {
            if (!e.isRefusedFilter()) {
                throw e;
            }
            resource.client().forgetDiscovery();
            return findInFullListing(userName, "the server refused the userName filter (" + e.getMessage()
                    + "); scimctl reads every user to find " + userName);
        }
        if (first.user().isPresent()) {
            return first.user();
        }
        if (first.filterIgnored()) {
            return findInFullListing(userName, "the server ignored the userName filter (it sent other users); "
                    + "scimctl reads every user to find " + userName);
        }
        if (needsEscaping(userName)) {
            // Servers differ in unescaping \" and \\ in filter literals: such a rare name is checked in the listing.
            return findInFullListing(userName, "a userName with a quote, backslash or control character cannot be "
                    + "trusted to a server's filter; looking for it in the full user list");
        }
        return otherCase(userName);
    }

    /**
     * One filtered request for a userName, no fallback: for callers that read many users and choose a full listing
     * themselves when the server ignores filters (the importer).
     */
    public Lookup lookUp(String userName) {
        return lookUp(userName, 2);
    }

    private Lookup lookUp(String userName, int count) {
        return lookUpBy("userName", userName, count, this::otherCaseCounts);
    }

    /** A miss that may be a server comparing case-sensitively: one more request, for the name in other cases. */
    private Optional<JsonNode> otherCase(String userName) {
        return Optional.ofNullable(findInOtherCase(List.of(userName)).found().get(userName));
    }

    /** What {@link #findInOtherCase} found (by the userName asked for) and how many requests it took. */
    public record OtherCase(Map<String, JsonNode> found, int requests) {
    }

    /**
     * For userNames that a filtered look-up missed, on servers that compare userName case-sensitively: the users
     * whose userName is one of them in another case ({@link #otherCases}: lower, upper, an e-mail's domain in lower
     * case, "First.Last"). One request asks for up to
     * {@value #OTHER_CASE_NAMES_PER_REQUEST} names (an {@code or} of their other cases); where the server takes no
     * {@code or}, one request per other case. Nothing is asked where the server says userName is case-exact, and
     * nothing for a name whose filter literal needs escaping (see {@link #needsEscaping}).
     */
    public OtherCase findInOtherCase(Collection<String> userNames) {
        if (Boolean.TRUE.equals(resource.client().userNameCaseExact())) {
            return new OtherCase(Map.of(), 0); // the server says userName is case-exact: another case is another user
        }
        Map<String, JsonNode> found = new LinkedHashMap<>();
        int requests = 0;
        List<String> batch = new ArrayList<>();
        Set<String> variants = new LinkedHashSet<>();
        Iterator<String> names = userNames.iterator();
        while (names.hasNext()) {
            String name = names.next();
            List<String> other = otherCases(name);
            if (!other.isEmpty() && !needsEscaping(name)) {
                batch.add(name);
                variants.addAll(other);
            }
            if (!batch.isEmpty() && (batch.size() == OTHER_CASE_NAMES_PER_REQUEST || !names.hasNext())) {
                List<JsonNode> candidates = new ArrayList<>();
                requests += withUserNames(variants, candidates);
                for (String n : batch) {
                    pick(candidates, n).ifPresent(u -> found.put(n, u));
                }
                batch.clear();
                variants.clear();
            }
        }
        return new OtherCase(found, requests);
    }

    /**
     * The forms in which another system most likely stored this name: all lower case, all upper case, and for an
     * e-mail address the domain in lower case (domains ignore case, so systems fold it) and "First.Last" with it (a
     * directory that capitalises names); those that differ from the name.
     */
    static List<String> otherCases(String userName) {
        Set<String> variants = new LinkedHashSet<>(List.of(userName.toLowerCase(Locale.ROOT),
                userName.toUpperCase(Locale.ROOT)));
        int at = userName.lastIndexOf('@');
        if (at > 0 && at == userName.indexOf('@') && at < userName.length() - 1) {
            String domain = userName.substring(at).toLowerCase(Locale.ROOT);
            variants.add(userName.substring(0, at) + domain);
            variants.add(capitaliseWords(userName.substring(0, at)) + domain);
        }
        variants.remove(userName);
        return List.copyOf(variants);
    }

    /** "john.doe-smith" → "John.Doe-Smith": a capital after the start and after '.', '-' or '_', the rest lower. */
    private static String capitaliseWords(String local) {
        StringBuilder out = new StringBuilder(local.length());
        boolean wordStart = true;
        for (int i = 0; i < local.length(); i++) {
            char c = local.charAt(i);
            out.append(wordStart ? Character.toUpperCase(c) : Character.toLowerCase(c));
            wordStart = c == '.' || c == '-' || c == '_';
        }
        return out.toString();
    }

    /** Adds the users with exactly these userNames (as the server compares) to {@code into}; returns the requests. */
    private int withUserNames(Collection<String> userNames, List<JsonNode> into) {
        Filter any = null;
        for (String v : userNames) {
            any = any == null ? Filter.eq("userName", v) : any.or(Filter.eq("userName", v));
        }
        try {
            // Room for one more than asked, so that a server that ignores the filter shows it without a long listing.
            into.addAll(listAtMost(any, userNames.size() + 1));
            return 1;
        } catch (ScimErrorException e) {
            if (!e.isRefusedFilter() || userNames.size() == 1) {
                throw e;
            }
        }
        for (String v : userNames) { // the server takes no 'or': one name a request
            into.addAll(listAtMost(Filter.eq("userName", v), 2));
        }
        return 1 + userNames.size();
    }

    private Optional<JsonNode> findInFullListing(String userName, String why) {
        resource.client().notice(why);
        List<JsonNode> candidates = new ArrayList<>();
        try (Stream<JsonNode> all = list(ListQuery.all())) {
            all.filter(u -> u.path("userName").asText().equalsIgnoreCase(userName)).forEach(candidates::add);
        }
        return pick(candidates, userName);
    }

    /** The case rule: an exact match first; another case unless the server says userName is case-exact. */
    private Optional<JsonNode> pick(List<JsonNode> found, String userName) {
        return pick(found, "userName", userName, this::otherCaseCounts);
    }

    private boolean otherCaseCounts() {
        return !Boolean.TRUE.equals(resource.client().userNameCaseExact());
    }

    /**
     * Whether a value must be escaped in a filter literal (a quote, a backslash, a control character): servers differ
     * in unescaping such literals, so a miss for one is checked in the full listing.
     */
    public static boolean needsEscaping(String s) {
        return Filter.literal(s).indexOf('\\') >= 0;
    }

    /** The users as the records the importer and map-groups read. */
    public Stream<ScimUser> listUsers(ListQuery query) {
        return list(query).map(this::toUser);
    }

    public ScimUser toUser(JsonNode node) {
        return resource.client().convert(node, ScimUser.class, ENDPOINT);
    }

    // ---- writing ----------------------------------------------------------------------------------------------

    /**
     * Creates a user and returns it as the server sent it back. A POST lost to a dropped connection is sent again: if
     * the first one did create the user, the server answers 409, {@link ScimException#isConflict()}.
     */
    public JsonNode create(JsonNode user) {
        return resource.create(user, true);
    }

    /** PUTs the whole user; {@code ifMatch} is the version read (null for none). Returns the user sent back, or null. */
    public JsonNode replace(String id, JsonNode user, String ifMatch) {
        return resource.replace(id, user, ifMatch);
    }

    /**
     * Changes a user: the PATCH where the server takes it, else a PUT of the user with {@code edit} applied (see
     * {@link Resource#update}).
     *
     * @param current the user as just read, to spare a GET before a PUT; null to read it
     */
    public void update(String id, PatchOp patch, UnaryOperator<ObjectNode> edit, JsonNode current) {
        resource.update(id, patch, edit, current);
    }

    /**
     * Changes a user only if it is still the version read (see {@link Resource#updateIfUnchanged}): a change made
     * meanwhile is a {@link ScimException} whose {@code isPreconditionFailed()} is true, never overwritten.
     *
     * @param replacement the whole user as it should become, for servers without PATCH
     * @param version     the user's {@code meta.version} as read, or null
     */
    public void updateIfUnchanged(String id, PatchOp patch, JsonNode replacement, String version) {
        resource.updateIfUnchanged(id, patch, replacement, version);
    }

    /**
     * PUTs {@code body} in place of the user {@code current}, with If-Match where the server serves ETags: the version
     * the body carries in {@code meta.version} (the one its writer read), else the current one. A change made since is
     * refused, {@link ScimException#isPreconditionFailed()}. Returns the user as the server now holds it; null in a dry
     * run.
     */
    public JsonNode replace(String id, JsonNode body, JsonNode current) {
        ObjectNode sent = body.deepCopy();
        String read = sent.path("meta").path("version").asText(null);
        sent.remove("meta"); // read-only; some servers refuse a PUT that carries it
        String version = read != null ? read : current.path("meta").path("version").asText(null);
        JsonNode back = replace(id, sent, resource.ifMatchSent() ? version : null);
        return afterChange(id, back);
    }

    /**
     * Sends a PATCH as it is, with no PUT to fall back on (a person's edit may not be expressible as one), and not
     * again after a dropped connection (an add to a list would be made twice). Returns the user as the server now
     * holds it; null in a dry run.
     */
    public JsonNode patch(String id, PatchOp op) {
        return afterChange(id, resource.patch(id, op, false));
    }

    /** An empty PATCH to fill from the command line, its values typed by the server's User schemas. */
    public AttributeEdits edits() {
        return new AttributeEdits(userSchemas());
    }

    /** The User resource's schemas as /Schemas describes them (the core and its extensions); empty when not served. */
    private List<JsonNode> userSchemas() {
        Optional<JsonNode> all;
        Optional<JsonNode> types;
        try {
            all = resource.client().schemas();
            types = all.isPresent() ? resource.client().resourceTypes() : Optional.empty();
        } catch (ScimErrorException e) {
            return List.of(); // discovery helps; it is never a reason to stop
        }
        if (all.isEmpty()) {
            return List.of();
        }
        Set<String> wanted = new LinkedHashSet<>();
        for (JsonNode t : types.map(d -> d.has("Resources") ? d.get("Resources") : d).orElse(JsonNodeFactory.instance
                .arrayNode())) {
            if (t.path("endpoint").asText().replace("/", "").equalsIgnoreCase(ENDPOINT)) {
                wanted.add(t.path("schema").asText());
                t.path("schemaExtensions").forEach(x -> wanted.add(x.path("schema").asText()));
            }
        }
        List<JsonNode> found = new ArrayList<>();
        JsonNode list = all.get().has("Resources") ? all.get().get("Resources") : all.get();
        for (JsonNode schema : list) {
            String id = schema.path("id").asText();
            // Without /ResourceTypes: every schema that is not the Group's or one of the discovery documents'.
            boolean user = wanted.isEmpty() ? !id.endsWith(":Group") && !id.contains(":core:2.0:ServiceProviderConfig")
                    && !id.contains(":core:2.0:ResourceType") && !id.contains(":core:2.0:Schema") : wanted.contains(id);
            if (user) {
                found.add(schema);
            }
        }
        return found;
    }

    private JsonNode afterChange(String id, JsonNode sentBack) {
        if (resource.client().isDryRun()) {
            return null;
        }
        return sentBack != null && sentBack.hasNonNull("id") ? sentBack : get(id);
    }

    /** Sets {@code active: false}, by PATCH or by PUT as the server allows. */
    public void deactivate(String id) {
        update(id, PatchOp.of(PatchOp.replace("active", BooleanNode.FALSE)), u -> u.put("active", false), null);
    }
}
