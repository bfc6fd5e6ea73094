package dev.scimctl.importer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimctl.NotFoundException;
import dev.scimctl.scim.CaseInsensitive;
import dev.scimctl.scim.ListQuery;
import dev.scimctl.scim.Groups;
import dev.scimctl.scim.ScimClient;
import dev.scimctl.scim.Users;
import dev.scimctl.scim.model.ScimGroup;
import dev.scimctl.text.Counted;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The server's side of an import: the users of the file (or all users) and the groups the file names, read either by
 * one {@code userName eq} look-up per user or by one paged listing, whichever takes fewer round trips. userName and a
 * group's displayName are matched ignoring case, as SCIM defines them.
 */
public final class RemoteState {
    /** How the users (or groups) were read. */
    public enum Method { LOOKUPS, LISTING, NONE }

    private final Map<String, RemoteUser> users;
    /** By {@link #groupKey}: every group of that name in any case (or accents' encoding), in the server's order. */
    private final Map<String, List<ScimGroup>> groups;
    private final boolean allUsersKnown;
    private final String description;
    private final int requests;

    private RemoteState(Map<String, RemoteUser> users, Map<String, List<ScimGroup>> groups, boolean allUsersKnown,
                        String description, int requests) {
        this.users = users;
        this.groups = groups;
        this.allUsersKnown = allUsersKnown;
        this.description = description;
        this.requests = requests;
    }

    /** A state given as it is: for plans made without a server, and tests. */
    static RemoteState of(Collection<RemoteUser> users, Collection<ScimGroup> groups, boolean allUsersKnown) {
        Map<String, RemoteUser> u = new LinkedHashMap<>();
        users.forEach(r -> u.put(ImportRow.key(r.userName()), r));
        Map<String, List<ScimGroup>> g = new LinkedHashMap<>();
        groups.forEach(x -> add(g, x));
        return new RemoteState(u, g, allUsersKnown, "given", 0);
    }

    /** The server holds none of these users and groups: for plans made without a server. */
    public static RemoteState empty() {
        return new RemoteState(Map.of(), Map.of(), true, "an empty server", 0);
    }

    /**
     * Reads what the plan needs.
     *
     * @param userNames  the file's userNames
     * @param groupNames the group names the file uses
     * @param allUsers   every user is needed (--deactivate-missing), not only the file's
     * @param limit      how many look-ups may run at once (fewer while the server pushes back)
     */
    public static RemoteState read(ScimClient client, ServerCapabilities caps, Collection<String> userNames,
                                   Collection<String> groupNames, boolean allUsers, AdaptiveLimit limit,
                                   Progress progress) {
        return new Reader(client, caps, limit, progress).read(userNames, groupNames, allUsers);
    }

    public Optional<RemoteUser> user(String userName) {
        return Optional.ofNullable(users.get(ImportRow.key(userName)));
    }

    /** Every user read; all the server's users when {@link #allUsersKnown()}. */
    public Collection<RemoteUser> users() {
        return Collections.unmodifiableCollection(users.values());
    }

    public boolean allUsersKnown() {
        return allUsersKnown;
    }

    /**
     * The server's group of this name: the one named exactly so, else the only one named so in another case. Several
     * in other cases and none exactly ("team" for "Team" and "TEAM") is refused: which one the file means cannot be
     * known, and an import must not add members to a guess.
     */
    public Optional<ScimGroup> group(String displayName) {
        List<ScimGroup> named = groups.getOrDefault(groupKey(displayName), List.of());
        String name = displayName.strip();
        List<ScimGroup> ambiguous = CaseInsensitive.ambiguous(named, g -> g.displayName().strip(), name);
        if (!ambiguous.isEmpty()) {
            throw new NotFoundException(ambiguous.size() + " groups on the server are named '" + name + "' ignoring "
                    + "case: " + String.join(", ", ambiguous.stream()
                    .map(g -> "'" + g.displayName() + "' (id " + g.id() + ")").toList())
                    + "; write one's exact display name in the file");
        }
        return named.stream().filter(g -> name.equals(g.displayName().strip())).findFirst()
                .or(() -> named.stream().findFirst());
    }

    /** Adds a group under its key, once per id. */
    private static void add(Map<String, List<ScimGroup>> into, ScimGroup g) {
        if (g.displayName() == null) {
            return;
        }
        List<ScimGroup> named = into.computeIfAbsent(groupKey(g.displayName()), k -> new ArrayList<>());
        synchronized (named) {
            if (named.stream().noneMatch(x -> x.id() != null && x.id().equals(g.id()))) {
                named.add(g);
            }
        }
    }

    /** How the state was read, for the plan's header: "listed 5000 users in 50 pages; looked up 3 groups". */
    public String description() {
        return description;
    }

    /** How many requests reading took. */
    public int requests() {
        return requests;
    }

    /** Equal for names SCIM calls equal (caseExact false), and for accents encoded either way. */
    static String groupKey(String displayName) {
        return CaseInsensitive.fold(displayName.strip());
    }

    /** One reading of the server: the strategy choice, the look-ups and the listings. */
    private static final class Reader {
        private final Users users;
        private final Groups groupsEndpoint;
        private final ServerCapabilities caps;
        private final AdaptiveLimit limit;
        private final int parallel;
        private final Progress progress;
        private final AtomicInteger requests = new AtomicInteger();
        private final AtomicInteger foundInOtherCase = new AtomicInteger();

        Reader(ScimClient client, ServerCapabilities caps, AdaptiveLimit limit, Progress progress) {
            this.users = new Users(client);
            this.groupsEndpoint = new Groups(client);
            this.caps = caps;
            this.limit = limit;
            this.parallel = limit.max();
            this.progress = progress;
        }

        /** The groups are read on a worker while the users are read: neither needs the other. */
        RemoteState read(Collection<String> userNames, Collection<String> groupNames, boolean allUsers) {
            List<String> parts = new ArrayList<>();
            Map<String, List<ScimGroup>> groups = new ConcurrentHashMap<>();
            List<String> groupParts = new ArrayList<>();
            FutureTask<Void> groupRead = new FutureTask<>(() -> readGroups(groupNames, groups, groupParts), null);
            if (!groupNames.isEmpty()) {
                Workers.named("scimctl-read-groups").newThread(groupRead).start();
            }
            Map<String, RemoteUser> users = new ConcurrentHashMap<>();
            boolean allKnown;
            try {
                allKnown = readUsers(userNames, allUsers, users, parts);
            } catch (RuntimeException e) {
                groupRead.cancel(true);
                throw e;
            }
            if (!groupNames.isEmpty()) {
                Workers.await(groupRead);
                parts.addAll(groupParts);
            }
            return new RemoteState(users, groups, allKnown, String.join("; ", parts), requests.get());
        }

        private boolean readUsers(Collection<String> userNames, boolean allUsers, Map<String, RemoteUser> into,
                                  List<String> parts) {
            long total = size(users.count());
            long pages = pages(total);
            Method method;
            String why;
            if (allUsers) {
                method = Method.LISTING;
                why = "deactivating the users missing from the file needs every user";
            } else if (Boolean.FALSE.equals(caps.filter())) {
                method = Method.LISTING;
                why = "the server does not filter";
            } else if (total >= 0 && pages * parallel <= userNames.size()) {
                method = Method.LISTING;
                why = "cheaper than " + userNames.size() + " look-ups";
            } else {
                method = Method.LOOKUPS;
                why = total < 0 ? "the server did not say how many users it has"
                        : "cheaper than listing " + total + " users";
            }
            if (method == Method.LOOKUPS && userNames.isEmpty()) {
                parts.add("no users to look up");
                return false;
            }
            if (method == Method.LOOKUPS) {
                if (lookUpUsers(userNames, into)) {
                    parts.add("looked up " + userNames.size() + " users one by one (" + why + ")"
                            + (foundInOtherCase.get() == 0 ? "" : ", " + foundInOtherCase.get()
                            + " found only in another case"));
                    return false;
                }
                into.clear();
                why = "the server ignored a userName filter";
            }
            long n = listUsers(total, into);
            parts.add("listed all " + n + " users in " + Math.max(1, pages(n)) + " page" + (pages(n) > 1 ? "s" : "")
                    + " (" + why + ")");
            return true;
        }

        /** Counts the request behind a totalResults probe (-1: the server did not say). */
        private long size(long total) {
            requests.incrementAndGet();
            return total;
        }

        private long pages(long total) {
            return total <= 0 ? 1 : (total + caps.maxPageSize() - 1) / caps.maxPageSize();
        }

        private long listUsers(long total, Map<String, RemoteUser> into) {
            progress.begin("reading users", Math.max(total, 0));
            long n = 0;
            try (Stream<JsonNode> all = users.list(ListQuery.all().withPageSize(caps.maxPageSize()))) {
                for (JsonNode node : (Iterable<JsonNode>) all::iterator) {
                    n++;
                    RemoteUser u = remoteUser(node);
                    if (u.userName() != null) {
                        into.putIfAbsent(ImportRow.key(u.userName()), u);
                    }
                    progress.step(false);
                }
            } finally {
                progress.end();
            }
            requests.addAndGet((int) pages(n));
            return n;
        }

        /**
         * Looks every user up; false when the server turned out to ignore the filter. The names missed are asked again
         * in other cases, several to a request, unless a hit already showed that the server ignores case.
         */
        private boolean lookUpUsers(Collection<String> userNames, Map<String, RemoteUser> into) {
            AtomicBoolean filterIgnored = new AtomicBoolean();
            AtomicBoolean ignoresCase = new AtomicBoolean();
            Set<String> missed = ConcurrentHashMap.newKeySet();
            progress.begin("looking up users", userNames.size());
            try {
                runAll(userNames, userName -> {
                    if (filterIgnored.get()) {
                        return;
                    }
                    Optional<RemoteUser> found = lookUpUser(userName, filterIgnored);
                    found.ifPresent(u -> into.putIfAbsent(ImportRow.key(u.userName()), u));
                    if (found.isEmpty()) {
                        missed.add(userName);
                    } else if (!Users.needsEscaping(userName) && !userName.equals(found.get().userName())) {
                        ignoresCase.set(true); // the filter found it in another case
                    }
                    progress.step(false);
                });
            } finally {
                progress.end();
            }
            if (filterIgnored.get()) {
                return false;
            }
            if (!ignoresCase.get() && !missed.isEmpty()) {
                lookUpOtherCases(missed, into);
            }
            return true;
        }

        /**
         * A server that compares userName case-sensitively misses a user whose case differs from the file's: without
         * this, the plan would create a second one. The misses are asked again in lower and upper case, as many names
         * to a request as the resource layer puts in one {@code or} filter, those requests in parallel.
         */
        private void lookUpOtherCases(Collection<String> missed, Map<String, RemoteUser> into) {
            List<String> names = missed.stream().filter(n -> !Users.needsEscaping(n)).sorted().toList();
            List<List<String>> batches = new ArrayList<>();
            for (int i = 0; i < names.size(); i += Users.OTHER_CASE_NAMES_PER_REQUEST) {
                batches.add(names.subList(i, Math.min(names.size(), i + Users.OTHER_CASE_NAMES_PER_REQUEST)));
            }
            runAll(batches, batch -> {
                Users.OtherCase found = users.findInOtherCase(batch);
                requests.addAndGet(found.requests());
                found.found().values().forEach(n -> {
                    foundInOtherCase.incrementAndGet();
                    RemoteUser u = remoteUser(n);
                    into.putIfAbsent(ImportRow.key(u.userName()), u);
                });
            });
        }

        private Optional<RemoteUser> lookUpUser(String userName, AtomicBoolean filterIgnored) {
            requests.incrementAndGet();
            if (Users.needsEscaping(userName)) {
                // Servers differ in unescaping such literals: the resource layer knows how to find these safely.
                Optional<JsonNode> u = users.findByUserName(userName);
                if (u.isEmpty()) {
                    return Optional.empty();
                }
                requests.incrementAndGet();
                return Optional.of(remoteUser(users.get(u.get().path("id").asText())));
            }
            Users.Lookup found = users.lookUp(userName);
            if (found.filterIgnored()) {
                filterIgnored.set(true);
            }
            return found.user().map(this::remoteUser);
        }

        private void readGroups(Collection<String> names, Map<String, List<ScimGroup>> into, List<String> parts) {
            long total = size(groupsEndpoint.count());
            boolean list = Boolean.FALSE.equals(caps.filter()) || total >= 0 && pages(total) * parallel <= names.size();
            if (!list) {
                AtomicBoolean ignored = new AtomicBoolean();
                runAll(names, name -> {
                    requests.incrementAndGet();
                    Users.Lookup found = groupsEndpoint.lookUp(name);
                    if (found.filterIgnored()) {
                        ignored.set(true);
                    }
                    found.found().stream().map(groupsEndpoint::toGroup)
                            .filter(g -> g.displayName() != null && CaseInsensitive.equal(g.displayName(), name))
                            .forEach(g -> add(into, g));
                });
                // A name the filter did not find is looked for in the whole list before the plan creates it: servers
                // differ in how they compare (case, an accent encoded as one code point or two), and a second group
                // that looks the same could not be told apart in NinjaOne's mapping.
                boolean allFound = names.stream().allMatch(n -> into.containsKey(groupKey(n)));
                if (!ignored.get() && allFound) {
                    parts.add("looked up " + Counted.of(names.size(), "group"));
                    return;
                }
                into.clear();
            }
            long n = 0;
            try (Stream<ScimGroup> all = groupsEndpoint.listGroups(ListQuery.all().withPageSize(caps.maxPageSize()))) {
                for (ScimGroup g : (Iterable<ScimGroup>) all::iterator) {
                    n++;
                    add(into, g);
                }
            }
            requests.addAndGet((int) pages(n));
            parts.add("listed all " + n + " groups");
        }

        private RemoteUser remoteUser(JsonNode node) {
            return new RemoteUser((ObjectNode) node, users.toUser(node));
        }

        /**
         * Runs a task per item, as many at once as the limit allows. A task that failed for a reason that may pass (the
         * client core ran out of retries on 429s or 5xx) gets one more try at the end; any other failure is thrown.
         */
        private <T> void runAll(Collection<T> items, Consumer<T> task) {
            List<T> again = new ArrayList<>();
            ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(parallel, items.size())),
                    Workers.named("scimctl-read"));
            try {
                List<Future<?>> futures = new ArrayList<>(items.size());
                for (T item : items) {
                    futures.add(pool.submit(() -> {
                        try {
                            limit.acquire();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            throw new CancellationException("interrupted");
                        }
                        try {
                            task.accept(item);
                        } catch (RuntimeException e) {
                            if (!Applier.isTransient(e)) {
                                throw e;
                            }
                            synchronized (again) {
                                again.add(item);
                            }
                        } finally {
                            limit.release();
                        }
                    }));
                }
                for (Future<?> f : futures) {
                    f.get();
                }
            } catch (ExecutionException e) {
                throw Workers.unwrap(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancellationException("interrupted");
            } finally {
                pool.shutdownNow();
            }
            again.forEach(task);
        }
    }
}
