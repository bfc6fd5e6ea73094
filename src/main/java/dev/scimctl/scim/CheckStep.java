package dev.scimctl.scim;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One step of a connection check: its result, how long it took, what it found, and on failure the likely cause
 * and the fix.
 *
 * @param name    a stable identifier (settings, proxy, trust, dns, connect, tls, service-provider-config, schemas, users)
 * @param status  the outcome
 * @param millis  how long the step took
 * @param summary one line for people
 * @param facts   what was found, as key → value (stable keys, for --output json)
 * @param fix     what to do, when the step did not pass
 * @param failure the exception behind a failure, or null
 * @param details further lines for people, shown under the summary (e.g. a certificate chain)
 */
public record CheckStep(String name, Status status, long millis, String summary, Map<String, Object> facts, String fix,
                        RuntimeException failure, List<String> details) {
    public enum Status { OK, WARN, FAIL, SKIP }

    public CheckStep {
        facts = facts == null ? Map.of() : new LinkedHashMap<>(facts);
        details = details == null ? List.of() : List.copyOf(details);
    }

    public CheckStep(String name, Status status, long millis, String summary, Map<String, Object> facts, String fix,
                     RuntimeException failure) {
        this(name, status, millis, summary, facts, fix, failure, List.of());
    }

    public CheckStep withDetails(List<String> lines) {
        return new CheckStep(name, status, millis, summary, facts, fix, failure, lines);
    }

    public static CheckStep skip(String name, String why) {
        return new CheckStep(name, Status.SKIP, 0, why, null, null, null);
    }
}
