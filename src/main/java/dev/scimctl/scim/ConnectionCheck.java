package dev.scimctl.scim;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scimctl.scim.model.ServiceProviderConfig;

import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.UnknownHostException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The network and protocol steps of {@code test-connection}: DNS, TCP, TLS, then /ServiceProviderConfig, /Schemas,
 * /ResourceTypes and a one-user listing. Each step is timed; a failure stops the steps that depend on it.
 */
public final class ConnectionCheck {
    private final ScimClient client;
    private final URI url;
    private final Duration connectTimeout;
    private final SSLSocketFactory tlsSockets;
    private final Clock clock;

    public ConnectionCheck(ScimClient client, URI url, Duration connectTimeout, SSLSocketFactory tlsSockets, Clock clock) {
        this.client = client;
        this.url = url;
        this.connectTimeout = connectTimeout;
        this.tlsSockets = tlsSockets == null ? (SSLSocketFactory) SSLSocketFactory.getDefault() : tlsSockets;
        this.clock = clock;
    }

    /** Runs the steps in order; once one fails, the later ones are skipped with the reason. */
    public List<CheckStep> run() {
        Origin origin = Origin.of(url);
        InetAddress[] address = new InetAddress[1];
        Map<String, Supplier<CheckStep>> plan = new LinkedHashMap<>();
        plan.put("dns", () -> dns(origin, address));
        plan.put("connect", () -> connect(origin, address[0]));
        plan.put("tls", () -> "https".equals(origin.scheme()) ? tls(origin)
                : CheckStep.skip("tls", "not used: the URL is http"));
        plan.put("service-provider-config", this::serviceProviderConfig);
        plan.put("schemas", this::schemas);
        plan.put("users", this::users);
        List<CheckStep> steps = new ArrayList<>();
        CheckStep failed = null;
        for (Map.Entry<String, Supplier<CheckStep>> step : plan.entrySet()) {
            CheckStep result = failed == null ? step.getValue().get()
                    : CheckStep.skip(step.getKey(), "skipped: " + failed.name() + " failed");
            if (result.status() == CheckStep.Status.FAIL && failed == null) {
                failed = result;
            }
            steps.add(result);
        }
        return steps;
    }

    private CheckStep dns(Origin origin, InetAddress[] out) {
        long t0 = System.nanoTime();
        try {
            InetAddress[] all = InetAddress.getAllByName(origin.host());
            out[0] = all[0];
            String list = Arrays.stream(all).map(InetAddress::getHostAddress).distinct().collect(Collectors.joining(", "));
            return new CheckStep("dns", CheckStep.Status.OK, ms(t0), origin.host() + " → " + list,
                    facts("host", origin.host(), "addresses", list), null, null);
        } catch (UnknownHostException e) {
            return new CheckStep("dns", CheckStep.Status.FAIL, ms(t0), "cannot resolve " + origin.host(),
                    facts("host", origin.host()), "check the base URL for typos; copy it again from the NinjaOne console",
                    new ScimConnectionException(ScimConnectionException.Kind.DNS, url,
                            "cannot resolve the host name " + origin.host() + ": check the base URL for typos", e));
        }
    }

    private CheckStep connect(Origin origin, InetAddress address) {
        long t0 = System.nanoTime();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, origin.port()), (int) connectTimeout.toMillis());
            return new CheckStep("connect", CheckStep.Status.OK, ms(t0),
                    "TCP connection to " + address.getHostAddress() + ":" + origin.port(),
                    facts("address", address.getHostAddress(), "port", origin.port()), null, null);
        } catch (IOException e) {
            String what = e instanceof java.net.SocketTimeoutException ? "timed out" : "refused";
            return new CheckStep("connect", CheckStep.Status.FAIL, ms(t0),
                    "cannot connect to " + address.getHostAddress() + ":" + origin.port() + " (" + what + ")",
                    facts("address", address.getHostAddress(), "port", origin.port()),
                    "is the server running, and the port in the base URL right? Is a firewall or proxy in the way?",
                    new ScimConnectionException(ScimConnectionException.Kind.CONNECT, url, "cannot connect to "
                            + origin.host() + ":" + origin.port() + " (" + what + ")", e));
        }
    }

    private CheckStep tls(Origin origin) {
        long t0 = System.nanoTime();
        try (SSLSocket socket = (SSLSocket) tlsSockets.createSocket()) {
            socket.connect(new InetSocketAddress(origin.host(), origin.port()), (int) connectTimeout.toMillis());
            socket.setSoTimeout((int) connectTimeout.toMillis());
            var params = socket.getSSLParameters();
            params.setEndpointIdentificationAlgorithm("HTTPS");
            socket.setSSLParameters(params);
            socket.startHandshake();
            SSLSession session = socket.getSession();
            Certificate[] chain = session.getPeerCertificates();
            Map<String, Object> facts = new LinkedHashMap<>();
            facts.put("protocol", session.getProtocol());
            CheckStep.Status status = CheckStep.Status.OK;
            String summary = session.getProtocol();
            if (chain.length > 0 && chain[0] instanceof X509Certificate leaf) {
                long days = ChronoUnit.DAYS.between(clock.instant(), leaf.getNotAfter().toInstant());
                facts.put("subject", leaf.getSubjectX500Principal().getName());
                facts.put("issuer", leaf.getIssuerX500Principal().getName());
                facts.put("daysToExpiry", days);
                summary += ", certificate " + leaf.getSubjectX500Principal().getName() + ", expires in " + days + " days";
                if (days < 14) {
                    status = CheckStep.Status.WARN;
                }
            }
            return new CheckStep("tls", status, ms(t0), summary, facts,
                    status == CheckStep.Status.WARN ? "the server's certificate expires soon: tell its operator" : null, null);
        } catch (IOException e) {
            return new CheckStep("tls", CheckStep.Status.FAIL, ms(t0), "TLS handshake failed: " + e.getMessage(),
                    facts(), "is there TLS inspection on this network? Its CA must be trusted by this Java runtime",
                    new ScimConnectionException(ScimConnectionException.Kind.TLS, url, "TLS with " + origin.host()
                            + " failed: " + e.getMessage(), e));
        }
    }

    private CheckStep serviceProviderConfig() {
        long t0 = System.nanoTime();
        try {
            Optional<ServiceProviderConfig> spc = client.serviceProviderConfig();
            if (spc.isEmpty()) {
                return new CheckStep("service-provider-config", CheckStep.Status.WARN, ms(t0),
                        "authenticated, but /ServiceProviderConfig is not served; scimctl will find out by trying",
                        facts("served", false), null, null);
            }
            ServiceProviderConfig c = spc.get();
            Map<String, Object> facts = new LinkedHashMap<>();
            facts.put("served", true);
            facts.put("patch", c.patchSupported());
            facts.put("filter", c.filterSupported());
            if (c.maxResults() != null) {
                facts.put("maxResults", c.maxResults());
            }
            facts.put("bulk", c.bulkSupported());
            facts.put("etag", c.etagSupported());
            facts.put("sort", c.sortSupported());
            String summary = "token accepted; patch " + yesNo(c.patchSupported()) + ", filter " + yesNo(c.filterSupported())
                    + (c.maxResults() != null ? " (max " + c.maxResults() + ")" : "") + ", bulk " + yesNo(c.bulkSupported())
                    + ", etag " + yesNo(c.etagSupported()) + ", sort " + yesNo(c.sortSupported());
            return new CheckStep("service-provider-config", CheckStep.Status.OK, ms(t0), summary, facts, null, null);
        } catch (ScimException e) {
            return failed("service-provider-config", t0, e);
        }
    }

    private CheckStep schemas() {
        long t0 = System.nanoTime();
        try {
            Optional<JsonNode> schemas = client.schemas();
            Optional<JsonNode> types = client.resourceTypes();
            boolean inSchemas = schemas.map(s -> mentions(s, "id", ScimJson.NINJAONE_USER)).orElse(false);
            boolean inTypes = types.map(t -> mentions(t, "schema", ScimJson.NINJAONE_USER)).orElse(false);
            Map<String, Object> facts = new LinkedHashMap<>();
            facts.put("schemasServed", schemas.isPresent());
            facts.put("resourceTypesServed", types.isPresent());
            facts.put("ninjaOneExtension", inSchemas || inTypes);
            if (schemas.isEmpty() && types.isEmpty()) {
                return new CheckStep("schemas", CheckStep.Status.WARN, ms(t0),
                        "/Schemas and /ResourceTypes are not served; the NinjaOne extension cannot be confirmed",
                        facts, null, null);
            }
            if (!inSchemas && !inTypes) {
                return new CheckStep("schemas", CheckStep.Status.WARN, ms(t0),
                        "the NinjaOne extension " + ScimJson.NINJAONE_USER + " is not advertised", facts,
                        "userType and organizationId may be ignored by this server: is it the NinjaOne endpoint?", null);
            }
            return new CheckStep("schemas", CheckStep.Status.OK, ms(t0), "NinjaOne user extension advertised", facts,
                    null, null);
        } catch (ScimException e) {
            return failed("schemas", t0, e);
        }
    }

    private CheckStep users() {
        long t0 = System.nanoTime();
        try {
            ScimResponse r = client.send(ScimRequest.get("Users", ScimClient.pageQuery(ListQuery.all(), 1, 1)));
            JsonNode total = r.body() == null ? null : r.body().get("totalResults");
            if (total == null || !total.canConvertToLong()) {
                return new CheckStep("users", CheckStep.Status.WARN, ms(t0),
                        "listing answered, but without totalResults", facts(), null, null);
            }
            return new CheckStep("users", CheckStep.Status.OK, ms(t0), "listing works: " + total.asLong() + " users",
                    facts("totalResults", total.asLong()), null, null);
        } catch (ScimErrorException e) {
            if (e.status() == 403 || e.status() == 501 || e.status() == 405) {
                return new CheckStep("users", CheckStep.Status.WARN, ms(t0),
                        "the server does not allow listing users (" + e.status() + ")", facts("status", e.status()),
                        "scimctl falls back to per-user look-ups where it can", null);
            }
            return failed("users", t0, e);
        } catch (ScimException e) {
            return failed("users", t0, e);
        }
    }

    private CheckStep failed(String name, long t0, ScimException e) {
        String fix;
        if (e instanceof ScimErrorException se && se.status() == 401) {
            fix = "the token was refused. NinjaOne tokens expire six months after they are generated: generate a new "
                    + "one in the console and run 'scimctl config set-token'";
        } else if (e instanceof ScimErrorException se && se.status() == 403) {
            fix = "the token is not allowed to do this: is SCIM provisioning enabled for this identity provider?";
        } else if (e instanceof ScimErrorException se && se.status() == 404) {
            fix = "the base URL does not lead to a SCIM endpoint: copy the API endpoint URL from the NinjaOne console";
        } else if (e instanceof ScimProtocolException || e instanceof ScimRedirectException) {
            fix = "is the base URL the SCIM endpoint itself? Copy it again from the NinjaOne console";
        } else if (e instanceof ScimConnectionException) {
            fix = "check the network path to the server and try again; raise --timeout if it is only slow";
        } else {
            fix = "the server failed; try again later";
        }
        return new CheckStep(name, CheckStep.Status.FAIL, ms(t0), e.getMessage(), facts(), fix, e);
    }

    /** Facts in the order given: machine-readable output keeps a stable key order (Map.of has none). */
    private static Map<String, Object> facts(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }

    private static boolean mentions(JsonNode listOrArray, String field, String urn) {
        JsonNode items = listOrArray.has("Resources") ? listOrArray.get("Resources") : listOrArray;
        if (!items.isArray()) {
            return false;
        }
        for (JsonNode item : items) {
            if (urn.equals(item.path(field).asText())) {
                return true;
            }
            for (JsonNode ext : item.path("schemaExtensions")) {
                if (urn.equals(ext.path("schema").asText())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String yesNo(boolean b) {
        return b ? "yes" : "no";
    }

    private static long ms(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }
}
