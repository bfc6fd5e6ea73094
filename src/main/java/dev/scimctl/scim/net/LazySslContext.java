package dev.scimctl.scim.net;

import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLContextSpi;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import java.security.KeyManagementException;
import java.security.SecureRandom;
import java.util.function.Supplier;

/**
 * An SSLContext that builds the real one on its first TLS connection. The JDK's HttpClient takes its SSLContext when
 * it is built; handing it the real one would load the TLS stack and read the trust store on every run, also for an
 * {@code http://} URL that never makes a handshake (about 400 classes and the cacerts file).
 *
 * <p>Give the HttpClient explicit {@link SSLParameters} as well ({@link #unsetParameters()}): without them it asks
 * the context for its defaults at once.
 */
final class LazySslContext extends SSLContext {
    LazySslContext(Supplier<SSLContext> real) {
        super(new Spi(real), null, "TLS");
    }

    /**
     * Parameters that leave the engine's own defaults (protocols, cipher suites) in place: the same as the real
     * context's defaults, without building it.
     */
    static SSLParameters unsetParameters() {
        return new SSLParameters();
    }

    private static final class Spi extends SSLContextSpi {
        private final Supplier<SSLContext> supplier;

        Spi(Supplier<SSLContext> supplier) {
            this.supplier = supplier;
        }

        private SSLContext real() {
            return supplier.get();
        }

        @Override
        protected void engineInit(KeyManager[] km, TrustManager[] tm, SecureRandom sr) throws KeyManagementException {
            throw new KeyManagementException("already initialised");
        }

        @Override
        protected SSLSocketFactory engineGetSocketFactory() {
            return real().getSocketFactory();
        }

        @Override
        protected SSLServerSocketFactory engineGetServerSocketFactory() {
            return real().getServerSocketFactory();
        }

        @Override
        protected SSLEngine engineCreateSSLEngine() {
            return real().createSSLEngine();
        }

        @Override
        protected SSLEngine engineCreateSSLEngine(String host, int port) {
            return real().createSSLEngine(host, port);
        }

        @Override
        protected SSLSessionContext engineGetServerSessionContext() {
            return real().getServerSessionContext();
        }

        @Override
        protected SSLSessionContext engineGetClientSessionContext() {
            return real().getClientSessionContext();
        }

        @Override
        protected SSLParameters engineGetDefaultSSLParameters() {
            return real().getDefaultSSLParameters();
        }

        @Override
        protected SSLParameters engineGetSupportedSSLParameters() {
            return real().getSupportedSSLParameters();
        }
    }
}
