package dev.scimctl.scim;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Recognises a base URL that goes one step too far: it ends in a resource or discovery path ({@code …/scim/v2/Users},
 * {@code …/Users/2819c223…}, {@code …/ServiceProviderConfig}) where the SCIM base ({@code …/scim/v2}) belongs. Every
 * request would then go to {@code …/Users/Users}, which some servers answer with a listing and others with a 404.
 */
public final class BaseUrlShape {
    /** The endpoints RFC 7644 puts below the base URL, lower-cased. */
    private static final Set<String> ENDPOINTS = Set.of("users", "groups", "me", "bulk", ".search",
            "serviceproviderconfig", "serviceproviderconfigs", "schemas", "resourcetypes");
    /** Endpoints whose next segment is an id. */
    private static final Set<String> WITH_ID = Set.of("users", "groups", "schemas", "resourcetypes");

    private BaseUrlShape() {
    }

    /** A base URL that ends in an endpoint: what it ends in, and the base URL to use instead. */
    public record Misplaced(String endpoint, URI base) {
    }

    /** The base URL to use instead when {@code url} ends in a resource or discovery path; else empty. */
    public static Optional<Misplaced> check(URI url) {
        String path = url.getRawPath() == null ? "" : url.getRawPath();
        List<String> segments = new ArrayList<>(Arrays.asList(path.split("/")));
        segments.removeIf(String::isEmpty);
        int n = segments.size();
        int cut = -1;
        if (n >= 1 && ENDPOINTS.contains(lower(segments.get(n - 1)))) {
            cut = n - 1;
        } else if (n >= 2 && WITH_ID.contains(lower(segments.get(n - 2)))) {
            cut = n - 2;
        }
        if (cut < 0) {
            return Optional.empty();
        }
        String endpoint = "/" + String.join("/", segments.subList(cut, n));
        String basePath = "/" + String.join("/", segments.subList(0, cut));
        try {
            URI base = new URI(url.getScheme(), url.getRawUserInfo(), url.getHost(), url.getPort(),
                    basePath.equals("/") ? "" : basePath, null, null);
            return Optional.of(new Misplaced(endpoint, base));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
