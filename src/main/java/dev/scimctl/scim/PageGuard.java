package dev.scimctl.scim;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a listing believes of each page, shared by {@link Pager} and {@link ConcurrentPager}, so that no listing runs
 * forever and none stops early without saying so:
 * <ul>
 *     <li>a page whose ids were all delivered before (a server ignoring {@code startIndex}, or alternating pages),
 *     an empty page while {@code totalResults} promises more, and a page reaching past {@code totalResults} end the
 *     listing with a {@link ScimProtocolException} (exit 6) naming the server's fault;</li>
 *     <li>an id seen before on a page that also brings new ones is left out (pages shift while users are added);</li>
 *     <li>a listing that ends on a full page at {@code totalResults} asks for the next page once: a published SCIM
 *     server reports the page's length as {@code totalResults}. What that page brings is read, with a warning;</li>
 *     <li>a {@code totalResults} that keeps growing ahead of the pages, each bringing new ids, ends the listing once
 *     it has read {@link #GROWTH_ALLOWED} times the first page's total (and at least {@link #GROWTH_MARGIN} more):
 *     a tenant grows during a listing, but not without end.</li>
 * </ul>
 */
public final class PageGuard {
    private final String resource;
    private final URI base;
    private final ClientListener listener;
    /** How many times the first page's totalResults a listing may read before its growing total is not believed. */
    static final int GROWTH_ALLOWED = 2;
    /** ... and at least this many more than that total, so that a small tenant may grow by an import meanwhile. */
    static final int GROWTH_MARGIN = 10_000;

    private final Set<String> seen = new HashSet<>();
    /** The first page's totalResults, or -1 before it or when the server gives none. */
    private long firstTotal = -1;
    /** The server's totalResults turned out wrong: from then on, only an empty or short page ends the listing. */
    private boolean totalWrong;
    /** The one extra page past totalResults was asked for. */
    private boolean askedPastTotal;

    PageGuard(String resource, URI base, ClientListener listener) {
        this.resource = resource;
        this.base = base;
        this.listener = listener;
    }

    /**
     * Checks a page fetched at {@code startIndex} for {@code count} resources; returns the resources not delivered
     * before, in order.
     */
    List<JsonNode> accept(Pager.Page page, long startIndex, int count) {
        long total = page.total();
        if (page.size() == 0) {
            if (!totalWrong && !askedPastTotal && total >= startIndex) {
                throw fault("the page at startIndex=" + startIndex + " is empty although totalResults is " + total
                        + ": the server stopped before the end it promised, so the listing would be incomplete");
            }
            return List.of();
        }
        List<JsonNode> fresh = new ArrayList<>(page.size());
        for (JsonNode r : page.resources()) {
            if (seen.add(r.get("id").asText())) {
                fresh.add(r);
            }
        }
        if (fresh.isEmpty() && askedPastTotal && !totalWrong && total >= 0 && startIndex > total) {
            return fresh; // the extra page past a true totalResults: a server answering it with the last page again
        }
        if (fresh.isEmpty()) {
            throw fault("the page at startIndex=" + startIndex + " repeats only " + resource + " already listed (ids "
                    + ids(page, 3) + "): the server does not page by startIndex, so scimctl stops rather than "
                    + "list forever");
        }
        if (firstTotal < 0) {
            firstTotal = total;
        }
        if (!totalWrong && firstTotal >= 0 && seen.size() > readLimit(firstTotal)) {
            throw fault(growing(seen.size(), firstTotal, total));
        }
        if (!totalWrong && total >= 0) {
            if (startIndex > total) {
                totalWrong = true;
                listener.notice("the server's totalResults (" + total + ") is wrong: the page after it brought "
                        + fresh.size() + " more " + resource + "; scimctl reads on until a page comes back short");
            } else if (startIndex - 1 + page.size() > total) {
                throw fault("the page at startIndex=" + startIndex + " holds " + page.size() + " " + resource
                        + ", past the totalResults of " + total + " the same page gives");
            }
        }
        return fresh;
    }

    /** Whether the listing is complete after a page of {@code size} (asked: {@code count}); {@code next} is where it would go on. */
    boolean complete(Pager.Page page, long next, int count) {
        if (page.size() == 0) {
            return true;
        }
        long total = page.total();
        if (totalWrong || total < 0) {
            return page.size() < count;
        }
        if (next <= total) {
            return false;
        }
        if (page.size() >= count && !askedPastTotal) {
            askedPastTotal = true; // ends on a full page: ask once whether totalResults told the truth
            return false;
        }
        return true;
    }

    /** How many resources a listing whose first page said {@code firstTotal} may read before it stops. */
    public static long readLimit(long firstTotal) {
        return Math.max(GROWTH_ALLOWED * firstTotal, firstTotal + GROWTH_MARGIN);
    }

    /** The fault of a listing past {@link #readLimit}. */
    public static String growing(long read, long firstTotal, long total) {
        return read + " resources read although the first page's totalResults was " + firstTotal + " (now " + total
                + "): the total keeps growing ahead of the pages, so scimctl stops rather than list forever";
    }

    private ScimProtocolException fault(String what) {
        return new ScimProtocolException(base, "listing " + resource + " at " + base + ": " + what, null);
    }

    private static String ids(Pager.Page page, int max) {
        List<String> ids = new ArrayList<>();
        for (JsonNode r : page.resources()) {
            if (ids.size() == max) {
                ids.add("…");
                break;
            }
            ids.add(r.get("id").asText());
        }
        return String.join(", ", ids);
    }
}
