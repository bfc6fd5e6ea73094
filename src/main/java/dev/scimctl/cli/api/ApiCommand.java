package dev.scimctl.cli.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scimctl.ExitCode;
import dev.scimctl.InputException;
import dev.scimctl.UsageException;
import dev.scimctl.cli.CommandContext;
import dev.scimctl.cli.ExitCodes;
import dev.scimctl.cli.Formats;
import dev.scimctl.cli.options.ConnectionOptions;
import dev.scimctl.cli.options.FormatOption;
import dev.scimctl.io.BoundedFiles;
import dev.scimctl.io.Sizes;
import dev.scimctl.output.OutputFormat;
import dev.scimctl.scim.RawRequest;
import dev.scimctl.scim.RawResponse;
import dev.scimctl.scim.ScimClient;
import dev.scimctl.scim.ScimJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code scimctl api [METHOD] PATH}: any request to the SCIM server, with the token, retries and exit codes of every command. */
@Command(name = "api")
@ExitCodes({ExitCode.PROBLEMS, ExitCode.AUTH, ExitCode.UNREACHABLE, ExitCode.SERVER})
@Formats(value = {OutputFormat.json, OutputFormat.ndjson}, terminal = OutputFormat.json, pipe = OutputFormat.json,
        note = "json is indented on a terminal and one line in a pipe; ndjson with --paginate is one resource a line.")
public final class ApiCommand implements Callable<Integer> {
    /** The largest body sent (--input, -F @FILE): no SCIM server takes more, and a wrong file must not fill the memory. */
    static final int MAX_BODY_BYTES = 32 * 1024 * 1024;

    private final CommandContext context;

    @Mixin
    ConnectionOptions connection;

    @Parameters(arity = "1..2", paramLabel = "[METHOD] PATH")
    List<String> methodAndPath;

    @Option(names = {"-X", "--method"}, paramLabel = "METHOD")
    String method;

    @Option(names = {"-f", "--raw-field"}, paramLabel = "KEY=VALUE")
    List<String> rawFields = new ArrayList<>();

    @Option(names = {"-F", "--field"}, paramLabel = "KEY=VALUE")
    List<String> typedFields = new ArrayList<>();

    @Option(names = "--input", paramLabel = "FILE")
    String input;

    @Option(names = {"-H", "--header"}, paramLabel = "'NAME: VALUE'")
    List<String> headers = new ArrayList<>();

    @Option(names = "--paginate")
    boolean paginate;

    @Option(names = {"-i", "--include"})
    boolean include;

    @Mixin
    FormatOption output;

    ApiCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Request request = request();
        ScimClient client = context.client(connection);
        ApiPrinter printer = new ApiPrinter(context, pretty());
        if (paginate) {
            new ApiPaginator(client, printer, output.format(context) == OutputFormat.ndjson).run(request.method, request.target,
                    request.headers);
            return ExitCode.OK;
        }
        RawResponse response = client.exchange(new RawRequest(request.method, request.target, request.headers,
                request.body, RawRequest.idempotent(request.method)));
        if (include) {
            printer.statusAndHeaders(response);
        }
        printer.body(response, include);
        response.checked(); // an error status becomes the exception (and exit code) every command gives
        return ExitCode.OK;
    }

    private boolean pretty() {
        return output.format(context) != OutputFormat.ndjson && context.terminals().stdout();
    }

    private record Request(String method, String target, Map<String, String> headers, byte[] body) {
    }

    /** The request the options describe, checked before anything is sent. */
    private Request request() {
        String path = methodAndPath.get(methodAndPath.size() - 1);
        String verb = methodAndPath.size() == 2 ? methodAndPath.get(0) : null;
        if (verb != null && method != null) {
            throw new UsageException("the method is given twice (" + verb + " and -X " + method + "): give one");
        }
        if (verb == null) {
            verb = method;
        }
        if (verb != null && !verb.matches("[A-Za-z]+")) {
            throw new UsageException("'" + verb + "' is not an HTTP method: write GET, POST, PUT, PATCH or DELETE");
        }
        ApiFields fields = new ApiFields();
        rawFields.forEach(fields::addRaw);
        typedFields.forEach(fields::addTyped);
        boolean hasBody = input != null || !fields.isEmpty();
        String m = verb != null ? verb.toUpperCase(Locale.ROOT) : hasBody && !paginate ? "POST" : "GET";
        if (paginate && !m.equals("GET")) {
            throw new UsageException("--paginate follows a listing: it needs GET, not " + m);
        }
        if (paginate && include) {
            throw new UsageException("-i and --paginate cannot be combined: the headers of each page would break the "
                    + "JSON; use --debug to see every exchange on stderr");
        }
        String target = target(path);
        byte[] body = null;
        Map<String, String> query = new LinkedHashMap<>();
        if (input != null) {
            body = readInput();
            query.putAll(fields.asQuery());
        } else if (!fields.isEmpty()) {
            if (m.equals("GET") || m.equals("DELETE") || m.equals("HEAD")) {
                query.putAll(fields.asQuery());
            } else {
                body = fields.asBody().toString().getBytes(StandardCharsets.UTF_8);
            }
        }
        return new Request(m, appendQuery(target, query), parseHeaders(), body);
    }

    /** The path below the base URL. A full URL is accepted only below the base URL: the token goes nowhere else. */
    private String target(String path) {
        if (path.isBlank()) {
            throw new UsageException("PATH is empty: write e.g. Users, Groups/ID or ServiceProviderConfig");
        }
        String lower = path.toLowerCase(Locale.ROOT);
        if (lower.startsWith("http://") || lower.startsWith("https://")) {
            String base = context.client(connection).baseUrl().toString();
            String prefix = base.endsWith("/") ? base : base + "/";
            if (!path.startsWith(prefix)) {
                throw new UsageException(path + " is not below the base URL " + base + ": scimctl sends the token "
                        + "only there; give a path such as Users/ID");
            }
            return path.substring(prefix.length());
        }
        return path;
    }

    private static String appendQuery(String target, Map<String, String> query) {
        StringBuilder b = new StringBuilder(target);
        char sep = target.indexOf('?') >= 0 ? '&' : '?';
        for (Map.Entry<String, String> e : query.entrySet()) {
            b.append(sep).append(ApiPaginator.encode(e.getKey())).append('=').append(ApiPaginator.encode(e.getValue()));
            sep = '&';
        }
        return b.toString();
    }

    private byte[] readInput() {
        if (input.equals("-")) {
            if ("-".equals(connection.tokenFile())) {
                throw new UsageException("--input - and --token-file - both want stdin: give one of them a file");
            }
            try {
                return BoundedFiles.read(context.in(), MAX_BODY_BYTES, "the body on stdin is larger than "
                        + Sizes.human(MAX_BODY_BYTES) + ", more than a SCIM server takes: check what is piped in");
            } catch (IOException e) {
                throw new InputException("cannot read the body from stdin: " + e.getMessage(), e);
            }
        }
        Path file = Path.of(input);
        try {
            return BoundedFiles.read(file, MAX_BODY_BYTES, "the --input file");
        } catch (NoSuchFileException e) {
            throw new InputException("the --input file " + file + " does not exist");
        } catch (IOException e) {
            throw new InputException("cannot read the --input file " + file + ": " + e.getMessage(), e);
        }
    }

    private Map<String, String> parseHeaders() {
        Map<String, String> parsed = new LinkedHashMap<>();
        for (String h : headers) {
            int colon = h.indexOf(':');
            if (colon <= 0 || !h.substring(0, colon).strip().matches("[!#$%&'*+.^_`|~0-9A-Za-z-]+")) {
                throw new UsageException("the header '" + h + "' is not 'Name: value'; write e.g. -H 'If-Match: W/\"3\"'");
            }
            String name = h.substring(0, colon).strip();
            if (RawRequest.RESERVED_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                throw new UsageException("-H cannot set " + name + (name.equalsIgnoreCase("Authorization")
                        ? ": scimctl sends the token of the profile, $SCIMCTL_TOKEN or --token-file"
                        : ": the HTTP client sets it"));
            }
            String value = h.substring(colon + 1).strip();
            if (value.chars().anyMatch(c -> c < 0x20 && c != '\t' || c == 0x7f)) {
                throw new UsageException("the header " + name + " holds a control character (a line break?): a header "
                        + "is one line of text");
            }
            parsed.put(name, value);
        }
        if (!parsed.keySet().stream().anyMatch(n -> n.equalsIgnoreCase("Content-Type")) && input != null) {
            parsed.put("Content-Type", ScimJson.MEDIA_TYPE);
        }
        return parsed;
    }

    /** The parsed JSON of a response body, or null when it has none or it is not JSON. */
    static JsonNode json(RawResponse response) {
        if (response.body().length == 0) {
            return null;
        }
        try {
            return ScimJson.mapper().readTree(response.body());
        } catch (IOException e) {
            return null;
        }
    }
}
