package dev.scimctl.scim;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scimctl.Setting;
import dev.scimctl.scim.model.ServiceProviderConfig;
import dev.scimctl.scim.net.Certificates;
import dev.scimctl.scim.net.Network;
import dev.scimctl.scim.net.NoProxy;
import dev.scimctl.scim.net.ProxyRoute;
import dev.scimctl.scim.net.ProxyTunnel;
import dev.scimctl.scim.net.ServerCertificateException;
import dev.scimctl.scim.net.TrustSettings;

import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
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
 * The network and protocol steps of {@code test-connection}: the proxy and the trusted CAs in use, DNS, TCP, TLS,
 * then /ServiceProviderConfig, /Schemas, /ResourceTypes and a one-user listing. Each step is timed; a failure stops
 * the steps that depend on it. The probes take the same road as the client: through the same proxy (a CONNECT
 * tunnel for TLS) with the same SSLContext.
 */
public final class ConnectionCheck {
    private static final int EXPIRY_WARNING_DAYS = 14;
    /** More extra CAs than this is a bundle, summed up rather than listed. */
    private static final int BUNDLE_SIZE = 5;

    private final ScimClient client;
    private final URI url;
    private final Duration connectTimeout;
    private final Network network;
    private final Clock clock;
    private final Setting.Names names;
    /** Set when /ServiceProviderConfig was not found, so that a 404 on /Users too can blame the base URL. */
    private boolean serviceProviderConfigMissing;

    /** {@code names} words the fixes that point at a setting (on the command line, its option). */
    public ConnectionCheck(ScimClient client, URI url, Duration connectTimeout, Clock clock, Setting.Names names) {
        this.names = names;
        this.client = client;
        this.url = url;
        this.connectTimeout = connectTimeout;
        this.network = client.network();
        this.clock = clock;
    }

    /** Runs the steps in order; once one fails, the later ones are skipped with the reason. */
    public List<CheckStep> run() {
        Origin origin = Origin.of(url);
        boolean https = "https".equals(origin.scheme());
        ProxyRoute route = network.route(url);
        InetAddress[] address = new InetAddress[1];
        Map<String, Supplier<CheckStep>> plan = new LinkedHashMap<>();
        plan.put("base-url", this::baseUrl);
        plan.put("proxy", () -> proxy(route));
        plan.put("trust", () -> https ? trust() : CheckStep.skip("trust", "not used: the URL is http"));
        plan.put("dns", () -> route.isDirect() ? dns(origin, address) : proxyDns(route, origin, address));
        plan.put("connect", () -> route.isDirect() ? connect(origin, address[0])
                : proxyConnect(route, origin, address[0], https));
        plan.put("tls", () -> https ? tls(origin, route, address[0]) : CheckStep.skip("tls", "not used: the URL is http"));
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

    /** A base URL ending in /Users (or another endpoint) would send every request one level too deep. */
    private CheckStep baseUrl() {
        Optional<BaseUrlShape.Misplaced> misplaced = BaseUrlShape.check(url);
        if (misplaced.isEmpty()) {
            return new CheckStep("base-url", CheckStep.Status.OK, 0, url.getRawPath() == null || url.getRawPath().isEmpty()
                    ? "no path" : url.getRawPath(), facts("path", url.getRawPath()), null, null);
        }
        BaseUrlShape.Misplaced m = misplaced.get();
        String text = "the base URL ends in " + m.endpoint() + ", an endpoint below the SCIM base URL, so every request"
                + " would go one level too deep (" + m.endpoint() + "/Users): use " + m.base();
        return new CheckStep("base-url", CheckStep.Status.FAIL, 0, "ends in " + m.endpoint() + ", not at the SCIM base",
                facts("path", url.getRawPath(), "endsIn", m.endpoint(), "useInstead", m.base().toString()),
                "use " + m.base() + " (the API endpoint URL as the NinjaOne console shows it, without " + m.endpoint()
                        + ")", new dev.scimctl.UsageException(text));
    }

    private CheckStep proxy(ProxyRoute route) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("used", !route.isDirect());
        if (route.isDirect()) {
            facts.put("why", route.why());
            return new CheckStep("proxy", CheckStep.Status.OK, 0, "none: " + route.why(), facts, null, null);
        }
        facts.put("proxy", route.proxy().redacted());
        facts.put("source", route.why());
        facts.put("authentication", route.proxy().hasCredentials() ? "basic" : "none");
        return new CheckStep("proxy", CheckStep.Status.OK, 0, route.proxy().redacted() + " (from " + route.why() + ")"
                + (route.proxy().hasCredentials() ? ", Basic authentication as " + route.proxy().user() : ""),
                facts, null, null);
    }

    private CheckStep trust() {
        TrustSettings trust = network.trust();
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("jdkDefault", true);
        List<String> details = new ArrayList<>();
        CheckStep.Status status = CheckStep.Status.OK;
        String fix = null;
        if (trust.caFile() != null) {
            facts.put("caFile", trust.caFile().toString());
            facts.put("caFileSource", trust.source());
            List<X509Certificate> cas = trust.extraCertificates();
            List<X509Certificate> expired = cas.stream()
                    .filter(ca -> ca.getNotAfter().toInstant().isBefore(clock.instant())).toList();
            facts.put("extraCas", cas.size());
            facts.put("expiredExtraCas", expired.size());
            if (cas.size() <= BUNDLE_SIZE) {
                // A file of one or a few CAs was made for this: each matters, and an expired one is worth a warning.
                for (X509Certificate ca : cas) {
                    details.add("extra CA: " + ca.getSubjectX500Principal().getName()
                            + (expired.contains(ca) ? ", EXPIRED " : ", valid until ") + Certificates.notAfter(ca));
                }
                if (!expired.isEmpty()) {
                    status = CheckStep.Status.WARN;
                    fix = "replace the expired CA certificate in " + trust.caFile();
                }
            } else {
                // A whole bundle (SSL_CERT_FILE often names the system's): stale roots in it are common and harmless.
                details.add("a bundle of " + cas.size() + " CA certificates" + (expired.isEmpty() ? ""
                        : "; " + expired.size() + " of them expired, which only matters if one signed this server"));
            }
        }
        return new CheckStep("trust", status, 0, trust.describe(), facts, fix, null).withDetails(details);
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

    /** Through a proxy only the proxy's name is resolved here; the proxy resolves the server's. */
    private CheckStep proxyDns(ProxyRoute route, Origin origin, InetAddress[] out) {
        long t0 = System.nanoTime();
        String proxyHost = route.proxy().host();
        try {
            InetAddress[] all = InetAddress.getAllByName(proxyHost);
            out[0] = all[0];
            String list = Arrays.stream(all).map(InetAddress::getHostAddress).distinct().collect(Collectors.joining(", "));
            return new CheckStep("dns", CheckStep.Status.OK, ms(t0), "proxy " + proxyHost + " → " + list
                    + (NoProxy.isAddress(origin.host()) ? "; the proxy connects to " : "; the proxy resolves ")
                    + origin.host() + " itself",
                    facts("proxyHost", proxyHost, "addresses", list, "resolvedByProxy", origin.host()), null, null);
        } catch (UnknownHostException e) {
            return new CheckStep("dns", CheckStep.Status.FAIL, ms(t0), "cannot resolve the proxy's host name " + proxyHost,
                    facts("proxyHost", proxyHost), "check the proxy URL (from " + route.why() + ")",
                    new ScimConnectionException(ScimConnectionException.Kind.DNS, url, "cannot resolve the host name of "
                            + "the proxy " + route.proxy().redacted() + " (from " + route.why() + "): check the proxy URL", e));
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

    /** TCP to the proxy, and for https a CONNECT tunnel through it to the server, as the client will open. */
    private CheckStep proxyConnect(ProxyRoute route, Origin origin, InetAddress proxyAddress, boolean https) {
        long t0 = System.nanoTime();
        InetSocketAddress proxy = new InetSocketAddress(proxyAddress, route.proxy().port());
        String proxyText = proxyAddress.getHostAddress() + ":" + route.proxy().port();
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("proxyAddress", proxyAddress.getHostAddress());
        facts.put("proxyPort", route.proxy().port());
        if (!https) {
            try (Socket socket = new Socket()) {
                socket.connect(proxy, (int) connectTimeout.toMillis());
                return new CheckStep("connect", CheckStep.Status.OK, ms(t0), "TCP connection to the proxy " + proxyText
                        + "; it forwards each http request to " + origin.host() + ":" + origin.port(), facts, null, null);
            } catch (IOException e) {
                return proxyFailure("connect", t0, route, e, facts);
            }
        }
        try (Socket socket = ProxyTunnel.open(route.proxy(), proxy, origin.host(), origin.port(),
                (int) connectTimeout.toMillis()).socket()) {
            facts.put("tunnel", origin.host() + ":" + origin.port());
            return new CheckStep("connect", CheckStep.Status.OK, ms(t0), "tunnel to " + origin.host() + ":" + origin.port()
                    + " through the proxy " + proxyText + " (CONNECT answered 2xx)", facts, null, null);
        } catch (IOException e) {
            return proxyFailure("connect", t0, route, e, facts);
        }
    }

    private CheckStep proxyFailure(String step, long t0, ProxyRoute route, IOException e, Map<String, Object> facts) {
        ScimConnectionException failure;
        String fix;
        if (e instanceof ProxyTunnel.RefusedException refused) {
            failure = Failures.proxyRefused(url, route, refused.status(), e);
            fix = refused.credentialsRefused() ? "check the proxy's user name and password"
                    : "ask whoever runs the proxy, or keep this host away from it with NO_PROXY if it can be reached directly";
        } else {
            String what = e instanceof java.net.SocketTimeoutException ? "timed out" : e.getMessage();
            failure = new ScimConnectionException(ScimConnectionException.Kind.CONNECT, url, "cannot connect to the proxy "
                    + route.proxy().redacted() + " (from " + route.why() + "): " + what, e);
            fix = "is the proxy address right, and is the proxy running?";
        }
        return new CheckStep(step, CheckStep.Status.FAIL, ms(t0), failure.getMessage(), facts, fix, failure);
    }

    private CheckStep tls(Origin origin, ProxyRoute route, InetAddress address) {
        long t0 = System.nanoTime();
        int timeout = (int) connectTimeout.toMillis();
        // A plain-HTTP port never answers a ClientHello: after a moment of silence, ask the port what it speaks.
        boolean askIfStalled = route.isDirect() && timeout > SchemeMixup.STALL_MILLIS;
        return handshake(origin, route, address, askIfStalled ? (int) SchemeMixup.STALL_MILLIS : timeout, askIfStalled, t0);
    }

    private CheckStep handshake(Origin origin, ProxyRoute route, InetAddress address, int timeout, boolean askIfStalled,
                                long t0) {
        SSLSocketFactory factory = network.trust().sslContext().getSocketFactory();
        try (SSLSocket socket = tlsSocket(factory, origin, route, address, timeout)) {
            socket.setSoTimeout(timeout);
            var params = socket.getSSLParameters();
            params.setEndpointIdentificationAlgorithm("HTTPS");
            socket.setSSLParameters(params);
            socket.startHandshake();
            SSLSession session = socket.getSession();
            Map<String, Object> facts = new LinkedHashMap<>();
            facts.put("protocol", session.getProtocol());
            facts.put("cipherSuite", session.getCipherSuite());
            facts.put("trust", network.trust().describe());
            CheckStep.Status status = CheckStep.Status.OK;
            String summary = session.getProtocol();
            List<X509Certificate> chain = x509(session.getPeerCertificates());
            if (!chain.isEmpty()) {
                X509Certificate leaf = chain.get(0);
                long days = ChronoUnit.DAYS.between(clock.instant(), leaf.getNotAfter().toInstant());
                facts.put("subject", leaf.getSubjectX500Principal().getName());
                facts.put("issuer", leaf.getIssuerX500Principal().getName());
                facts.put("notAfter", leaf.getNotAfter().toInstant().toString());
                facts.put("daysToExpiry", days);
                facts.put("chain", chainFacts(chain));
                summary += ", certificate " + leaf.getSubjectX500Principal().getName() + ", expires in " + days + " days";
                if (days < EXPIRY_WARNING_DAYS) {
                    status = CheckStep.Status.WARN;
                }
            }
            return new CheckStep("tls", status, ms(t0), summary, facts,
                    status == CheckStep.Status.WARN ? "the server's certificate expires soon: tell its operator" : null, null)
                    .withDetails(chainLines(chain));
        } catch (ProxyTunnel.RefusedException e) {
            return proxyFailure("tls", t0, route, e, new LinkedHashMap<>());
        } catch (IOException e) {
            if (route.isDirect() && (askIfStalled && e instanceof SocketTimeoutException || Failures.isNotTls(e))) {
                ScimConnectionException mixup = SchemeMixup.plainHttpOnTlsUrl(url, url,
                        (int) Math.min(connectTimeout.toMillis(), 3000));
                if (mixup != null) {
                    return new CheckStep("tls", CheckStep.Status.FAIL, ms(t0), mixup.getMessage(),
                            facts("speaks", "plain HTTP"), "use " + mixup.useInstead()
                            + " if the server has no TLS, or the port of its https listener", mixup);
                }
                if (askIfStalled && e instanceof SocketTimeoutException) {
                    return handshake(origin, route, address, (int) connectTimeout.toMillis(), false, t0);
                }
            }
            ScimConnectionException failure = Failures.classify(e, url, connectTimeout, network, names);
            ServerCertificateException refused = find(e, ServerCertificateException.class);
            Map<String, Object> facts = new LinkedHashMap<>();
            facts.put("trust", network.trust().describe());
            List<String> details = List.of();
            if (refused != null) {
                facts.put("problem", refused.problem().name().toLowerCase(java.util.Locale.ROOT));
                facts.put("chain", chainFacts(refused.chain()));
                details = chainLines(refused.chain());
            }
            return new CheckStep("tls", CheckStep.Status.FAIL, ms(t0), failure.getMessage(), facts, tlsFix(refused),
                    failure).withDetails(details);
        }
    }

    private SSLSocket tlsSocket(SSLSocketFactory factory, Origin origin, ProxyRoute route, InetAddress address,
                                int timeout) throws IOException {
        if (route.isDirect()) {
            Socket socket = new Socket();
            try {
                socket.connect(new InetSocketAddress(address, origin.port()), timeout);
            } catch (IOException e) {
                socket.close();
                throw e;
            }
            // Connected by address: name the host, so that SNI and the name check use it, as HttpClient does.
            return (SSLSocket) factory.createSocket(socket, origin.host(), origin.port(), true);
        }
        Socket tunnel = ProxyTunnel.open(route.proxy(), new InetSocketAddress(address, route.proxy().port()),
                origin.host(), origin.port(), timeout).socket();
        return (SSLSocket) factory.createSocket(tunnel, origin.host(), origin.port(), true);
    }

    private String tlsFix(ServerCertificateException refused) {
        if (refused == null) {
            return "check that the server supports TLS 1.2 or newer, and that nothing on the way cuts the connection";
        }
        return switch (refused.problem()) {
            case UNKNOWN_ISSUER -> "get the certificate of the CA that signed it (your TLS inspection's or your private "
                    + "CA: see the chain above) as PEM, then pass " + names.of(Setting.CA_CERTS) + " FILE or save it with "
                    + "'scimctl config set-profile NAME " + names.of(Setting.CA_CERTS) + " FILE'";
            case HOSTNAME_MISMATCH -> "use the host name the certificate names, as the NinjaOne console shows the URL";
            case EXPIRED -> "tell the server's operator to renew the certificate; check this machine's date and time";
            case NOT_YET_VALID -> "check this machine's date and time";
            case OTHER -> "see the message; the certificate chain is shown above";
        };
    }

    private static List<X509Certificate> x509(Certificate[] certs) {
        List<X509Certificate> out = new ArrayList<>();
        for (Certificate c : certs) {
            if (c instanceof X509Certificate x) {
                out.add(x);
            }
        }
        return out;
    }

    private List<String> chainLines(List<X509Certificate> chain) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < chain.size(); i++) {
            X509Certificate c = chain.get(i);
            long days = ChronoUnit.DAYS.between(clock.instant(), c.getNotAfter().toInstant());
            String validity = c.getNotAfter().toInstant().isBefore(clock.instant())
                    ? "EXPIRED " + Certificates.notAfter(c)
                    : c.getNotBefore().toInstant().isAfter(clock.instant()) ? "NOT VALID BEFORE " + Certificates.notBefore(c)
                    : "expires " + Certificates.notAfter(c) + " (" + days + " days)";
            lines.add("certificate " + i + ": " + c.getSubjectX500Principal().getName() + "; issuer "
                    + c.getIssuerX500Principal().getName() + "; " + validity
                    + (i == 0 ? "; names " + String.join(", ", Certificates.hostNames(c)) : ""));
        }
        return lines;
    }

    private static List<Map<String, Object>> chainFacts(List<X509Certificate> chain) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (X509Certificate c : chain) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("subject", c.getSubjectX500Principal().getName());
            m.put("issuer", c.getIssuerX500Principal().getName());
            m.put("notBefore", c.getNotBefore().toInstant().toString());
            m.put("notAfter", c.getNotAfter().toInstant().toString());
            m.put("names", Certificates.hostNames(c));
            out.add(m);
        }
        return out;
    }

    private static <T extends Throwable> T find(Throwable t, Class<T> type) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (type.isInstance(c)) {
                return type.cast(c);
            }
        }
        return null;
    }

    private CheckStep serviceProviderConfig() {
        long t0 = System.nanoTime();
        try {
            client.forgetDiscovery(); // a check asks the server afresh, and saves what it says for later runs
            Optional<ServiceProviderConfig> spc = client.serviceProviderConfig();
            if (spc.isEmpty()) {
                // A 404 says nothing of the token (many servers check the path first); the users step will tell.
                serviceProviderConfigMissing = true;
                return new CheckStep("service-provider-config", CheckStep.Status.WARN, ms(t0),
                        "not found (404, 405 or 501): this server does not serve it here, or the base URL is wrong; "
                                + "the users step tells which, and whether the token is accepted",
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
            String summary = "served: patch " + yesNo(c.patchSupported()) + ", filter " + yesNo(c.filterSupported())
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
            long total = client.count("Users"); // checked as any listing is: a ListResponse of the right shape
            if (total < 0) {
                return new CheckStep("users", CheckStep.Status.WARN, ms(t0),
                        "listing answered, but without totalResults", facts(), null, null);
            }
            return new CheckStep("users", CheckStep.Status.OK, ms(t0), "token accepted; listing works: " + total + " users",
                    facts("totalResults", total), null, null);
        } catch (ScimErrorException e) {
            if (e.isForbidden() || e.isUnsupported()) {
                return new CheckStep("users", CheckStep.Status.WARN, ms(t0),
                        "the server does not allow listing users (" + e.status() + ")", facts("status", e.status()),
                        "scimctl falls back to per-user look-ups where it can", null);
            }
            if (e.isNotFound() && serviceProviderConfigMissing) {
                return new CheckStep("users", CheckStep.Status.FAIL, ms(t0), e.getMessage(), facts("status", e.status()),
                        "the base URL is wrong: neither /ServiceProviderConfig nor /Users is found below " + url
                                + "; copy the API endpoint URL from the NinjaOne console (it ends in the SCIM base, "
                                + "often /scim/v2)", e);
            }
            return failed("users", t0, e);
        } catch (ScimException e) {
            return failed("users", t0, e);
        }
    }

    private CheckStep failed(String name, long t0, ScimException e) {
        String fix;
        if (e instanceof ScimErrorException se && se.isTokenRefused()) {
            fix = "the token was refused. " + se.tokenRefusedAdvice(names);
        } else if (e instanceof ScimErrorException se && se.isForbidden()) {
            fix = "the token is not allowed to do this: is SCIM provisioning enabled for this identity provider?";
        } else if (e instanceof ScimErrorException && e.isNotFound()) {
            fix = "the base URL does not lead to a SCIM endpoint: copy the API endpoint URL from the NinjaOne console";
        } else if (e.useInstead() != null) {
            fix = useInstead(e.useInstead());
        } else if (e instanceof ScimProtocolException || e instanceof ScimRedirectException) {
            fix = "is the base URL the SCIM endpoint itself? Copy it again from the NinjaOne console";
        } else if (e instanceof ScimConnectionException) {
            fix = "check the network path to the server and try again; raise " + names.of(Setting.REQUEST_TIMEOUT)
                    + " if it is only slow";
        } else {
            fix = "the server failed; try again later";
        }
        return new CheckStep(name, CheckStep.Status.FAIL, ms(t0), e.getMessage(), facts(), fix, e);
    }

    private String useInstead(URI url) {
        String flag = names.of(Setting.BASE_URL);
        return "use " + url + " as the base URL (" + flag + ", or 'scimctl config set-profile NAME " + flag + " …')";
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
