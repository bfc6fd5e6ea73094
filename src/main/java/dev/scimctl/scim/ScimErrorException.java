package dev.scimctl.scim;

import dev.scimctl.Setting;

import java.net.URI;
import java.util.Locale;

/** The server answered with an HTTP error status; {@code scimType} and {@code detail} come from its SCIM error body. */
public final class ScimErrorException extends ScimException {
    /**
     * The realm of the 401 challenge ({@code WWW-Authenticate: Bearer realm="…"}) of {@code scimctl sandbox}: a token
     * it refuses is not a NinjaOne token that expired, but an old sandbox token.
     */
    public static final String SANDBOX_REALM = "scimctl-sandbox";

    private final int status;
    private final String scimType;
    private final String detail;
    private final String realm;

    public ScimErrorException(String method, URI uri, int status, String scimType, String detail) {
        this(method, uri, status, scimType, detail, null, null);
    }

    /**
     * @param retryAfter the server's Retry-After on a 429 or 503 that ran out of retries, or null
     * @param realm      the realm of a 401's WWW-Authenticate challenge, or null
     */
    public ScimErrorException(String method, URI uri, int status, String scimType, String detail, String retryAfter,
                              String realm) {
        super(describe(method, uri, status, scimType, detail, retryAfter), null, uri, null);
        this.status = status;
        this.scimType = scimType;
        this.detail = detail;
        this.realm = realm;
    }

    private static String describe(String method, URI uri, int status, String scimType, String detail,
                                   String retryAfter) {
        StringBuilder b = new StringBuilder().append(status).append(' ').append(HttpStatus.reason(status))
                .append(" from ").append(method).append(' ').append(uri);
        if (scimType != null) {
            b.append(" (scimType ").append(scimType).append(')');
        }
        if (detail != null && !detail.isBlank()) {
            b.append(": ").append(detail.strip());
        }
        if (retryAfter != null && !retryAfter.isBlank()) {
            b.append(" (the server asked to wait: Retry-After ").append(retryAfter.strip()).append(')');
        }
        return b.toString();
    }

    public int status() {
        return status;
    }

    /** The SCIM error type ({@code uniqueness}, {@code invalidValue} …), or null when the body named none. */
    public String scimType() {
        return scimType;
    }

    public String detail() {
        return detail;
    }

    @Override
    public boolean isAuthFailure() {
        return status == 401 || status == 403;
    }

    /** 401: the token itself was refused (expired, revoked, mistyped). */
    public boolean isTokenRefused() {
        return status == 401;
    }

    /** The realm of a 401's WWW-Authenticate challenge, or null when it named none. */
    public String realm() {
        return realm;
    }

    /**
     * What to do about a refused token (after "the token was refused."): a scimctl sandbox, which says so in its
     * realm, refuses the token of an earlier start; anything else is taken for NinjaOne, whose tokens expire.
     * {@code names} words the sandbox's data setting.
     */
    public String tokenRefusedAdvice(Setting.Names names) {
        if (SANDBOX_REALM.equals(realm)) {
            String data = names.of(Setting.SANDBOX_DATA);
            return "This is a scimctl sandbox, which makes a new token at each start unless it keeps one with "
                    + data + ": copy the token it printed (with 'scimctl sandbox " + data + " FILE', the one kept in the "
                    + ".token file beside FILE, the same at every start) and run 'scimctl config set-token'";
        }
        return "NinjaOne tokens expire six months after they are generated: generate a new one in the console and "
                + "run 'scimctl config set-token'";
    }

    /** 403: the token was accepted but may not do this. */
    public boolean isForbidden() {
        return status == 403;
    }

    @Override
    public boolean isNotFound() {
        return status == 404;
    }

    @Override
    public boolean isUnsupported() {
        return status == 501 || status == 405;
    }

    @Override
    public boolean isNotServed() {
        return isNotFound() || isUnsupported();
    }

    @Override
    public boolean isConflict() {
        return status == 409 && (scimType == null || scimType.equalsIgnoreCase("uniqueness"));
    }

    @Override
    public boolean isPreconditionFailed() {
        return status == 412;
    }

    /** The server refused a filter: 400 with scimType {@code invalidFilter}, or with none at all. */
    public boolean isRefusedFilter() {
        return status == 400 && (scimType == null || scimType.equalsIgnoreCase("invalidFilter"));
    }

    /** "Nothing to remove": RFC 7644 says 400 noTarget; some servers only say so in the detail. */
    public boolean isNoTarget() {
        return status == 400 && ("noTarget".equalsIgnoreCase(scimType)
                || detail != null && detail.toLowerCase(Locale.ROOT).contains("no target"));
    }

    /** 404, or 400 from servers that refuse an id in a form they never issue: either way, no resource has this id. */
    public boolean isNoSuchId() {
        return status == 404 || status == 400;
    }

    /** 429 Too Many Requests, after the last retry. */
    public boolean isRateLimited() {
        return status == 429;
    }

    public boolean isServerError() {
        return status >= 500;
    }

    /** Not the caller's fault, and not over: the server failed or pushed back (exit 6, not 1). */
    public boolean isServerFault() {
        return isServerError() || isRateLimited();
    }

    @Override
    public boolean isTransient() {
        return isServerFault();
    }

    @Override
    public boolean stopsEverything() {
        return isAuthFailure();
    }
}
