package dev.health;

import java.io.IOException;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * TLS for {@code https} health URLs, layered over the probe's own raw socket so the proxy and
 * self-connect guards still apply. Certificates and host names are not verified (see
 * {@link HttpProbe}): the answer only says whether the local service responds.
 */
final class Tls {
    private Tls() {
    }

    /**
     * Wraps {@code raw} and completes the handshake. Each handshake read is bounded by what is
     * left of the deadline when the handshake starts.
     */
    static SSLSocket handshake(Socket raw, String host, int port, Deadline deadline) throws IOException {
        SSLSocket tls = (SSLSocket) Holder.CONTEXT.getSocketFactory().createSocket(raw, host, port, true);
        tls.setSoTimeout(deadline.remainingSocketMillis());
        tls.startHandshake();
        return tls;
    }

    /** Built on first https probe only: most stacks never need it. */
    private static final class Holder {
        static final SSLContext CONTEXT = create();

        private static SSLContext create() {
            try {
                SSLContext context = SSLContext.getInstance("TLS");
                context.init(null, new TrustManager[] {new TrustEverything()}, null);
                return context;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("this JVM offers no TLS implementation", e);
            }
        }
    }

    /** The extended form, so JSSE does not add its own endpoint identification on top. */
    private static final class TrustEverything extends X509ExtendedTrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
