package dev.scimctl.testing;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes one run's output comparable with a golden file: replaces what a server or the machine makes up per run, and
 * nothing else. One instance per run, applied to stdout and then stderr, so that a value gets the same placeholder in
 * both. In this order:
 * <ol>
 *     <li>the run's folder (given) becomes {@code {dir}};</li>
 *     <li>measurements become one placeholder each, whatever their value: a duration ({@code (12 ms)},
 *     {@code in 0.3 s}, JSON's {@code "millis" : 12}) becomes {@code {ms}} or {@code {s}}, a written zip's
 *     size {@code {bytes}};</li>
 *     <li>the server's port (given) becomes {@code {port}} wherever it stands as a whole number;</li>
 *     <li>ids (UUIDs) and timestamps (ISO-8601 instants) become {@code {id1}}, {@code {id2}} … and
 *     {@code {time1}} …, numbered in order of first appearance: the same id is the same placeholder wherever it appears again (a
 *     location URL, a member, a later command's output), so the comparison still sees which resource is which.</li>
 * </ol>
 * ETags (meta.version) are left alone: the sandbox numbers them by revision, so they are the same every run.
 */
public final class OutputNormaliser {
    private static final Pattern UUID =
            Pattern.compile("\\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\\b");
    private static final Pattern INSTANT = Pattern.compile("\\b\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(?:\\.\\d+)?Z");
    private static final Pattern MILLIS = Pattern.compile("\\b\\d+ ms\\b");
    private static final Pattern JSON_MILLIS = Pattern.compile("(\"millis\" ?: ?)\\d+");
    private static final Pattern SECONDS = Pattern.compile("\\bin \\d+(?:\\.\\d+)? s\\b");
    private static final Pattern ZIP_SIZE = Pattern.compile("(\\.zip \\()\\d+( bytes\\))");

    private final String dir;
    private final Pattern port;
    private final Map<String, String> ids = new LinkedHashMap<>();
    private final Map<String, String> times = new LinkedHashMap<>();

    /**
     * @param dir  the run's folder, or null
     * @param port the server's port, or 0 when the run had no server
     */
    public OutputNormaliser(String dir, int port) {
        this.dir = dir;
        this.port = port > 0 ? Pattern.compile("(?<![\\d.])" + port + "(?![\\d.])") : null;
    }

    public String apply(String text) {
        String t = dir == null ? text : text.replace(dir, "{dir}");
        t = MILLIS.matcher(t).replaceAll("{ms} ms");
        t = JSON_MILLIS.matcher(t).replaceAll("$1{ms}");
        t = SECONDS.matcher(t).replaceAll("in {s} s");
        t = ZIP_SIZE.matcher(t).replaceAll("$1{bytes}$2");
        if (port != null) {
            t = port.matcher(t).replaceAll("{port}");
        }
        t = numbered(t, UUID, ids, "id");
        return numbered(t, INSTANT, times, "time");
    }

    private static String numbered(String text, Pattern pattern, Map<String, String> seen, String kind) {
        Matcher m = pattern.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String placeholder = seen.computeIfAbsent(m.group(), v -> "{" + kind + (seen.size() + 1) + "}");
            m.appendReplacement(out, Matcher.quoteReplacement(placeholder));
        }
        m.appendTail(out);
        return out.toString();
    }
}
