package dev.scimctl.config;

/** The environment variables scimctl reads; {@code scimctl help environment} documents each. */
public final class EnvVars {
    public static final String URL = "SCIMCTL_URL";
    public static final String TOKEN = "SCIMCTL_TOKEN";
    public static final String TOKEN_FILE = "SCIMCTL_TOKEN_FILE";
    public static final String PROFILE = "SCIMCTL_PROFILE";
    public static final String CONFIG_DIR = "SCIMCTL_CONFIG_DIR";
    public static final String CONNECT_TIMEOUT = "SCIMCTL_CONNECT_TIMEOUT";
    public static final String TIMEOUT = "SCIMCTL_TIMEOUT";
    /** The most a server's answer may hold (e.g. 64MiB); past it, scimctl stops reading (exit 6). */
    public static final String MAX_RESPONSE_SIZE = "SCIMCTL_MAX_RESPONSE_SIZE";
    /** Where discovery (what each server supports) is kept between runs. */
    public static final String CACHE_DIR = "SCIMCTL_CACHE_DIR";
    /** Extra CAs, as for OpenSSL and curl; scimctl adds them to the JDK's CAs rather than replacing those. */
    public static final String SSL_CERT_FILE = "SSL_CERT_FILE";
    public static final String SSL_CERT_DIR = "SSL_CERT_DIR";

    private EnvVars() {
    }
}
