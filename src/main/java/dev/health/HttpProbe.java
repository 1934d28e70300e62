package dev.health;

import dev.config.HealthCheck;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;

/**
 * Healthy when a {@code GET} is answered with a status in {@code [minStatus, maxStatus]}.
 *
 * <p>Deliberately not {@code HttpURLConnection} or {@code HttpClient}: both consult proxy settings
 * ({@code http.proxyHost}, the platform's proxy selector), and a corporate proxy must never sit
 * between dev and a service on 127.0.0.1. A raw socket also shares the self-connect guard of
 * {@link Connector}. Only the status line is read; the whole exchange (connect, TLS handshake,
 * request, status line) shares one deadline, re-armed before every read so a server dribbling
 * bytes cannot stretch it. {@code https} URLs are spoken through {@link Tls} without certificate
 * checks, as {@code curl -k} would: this probes liveness of a local service, it is not a trust
 * decision, and dev servers commonly use self-signed certificates.
 *
 * @param localBind null for an ephemeral client port; tests set it to provoke a self-connect
 */
record HttpProbe(HealthCheck.Http check, InetSocketAddress localBind) implements Probe {
    private static final Pattern STATUS_LINE = Pattern.compile("HTTP/\\d(?:\\.\\d)?\\s+(\\d{3})(?:\\s.*)?");
    private static final int MAX_STATUS_LINE = 8192;

    @Override
    public ProbeResult attempt() {
        Deadline deadline = new Deadline(check.timing().timeout());
        try {
            int status = exchange(deadline);
            boolean ok = status >= check.minStatus() && status <= check.maxStatus();
            return new ProbeResult(ok, "HTTP " + status, deadline.elapsed());
        } catch (ProbeFailure failure) {
            return ProbeResult.unhealthy(failure.getMessage(), deadline.elapsed());
        }
    }

    private int exchange(Deadline deadline) throws ProbeFailure {
        URI uri = check.uri();
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        boolean https = scheme.equals("https");
        if (!https && !scheme.equals("http")) {
            throw new ProbeFailure("unsupported URL scheme in " + uri + " (http or https)");
        }
        if (uri.getHost() == null) {
            throw new ProbeFailure("no host in URL " + uri);
        }
        String host = unbracket(uri.getHost());
        int port = uri.getPort() != -1 ? uri.getPort() : https ? 443 : 80;
        String target = Connector.hostPort(host, port);
        Socket socket = Connector.connect(host, port, localBind, deadline);
        try {
            if (https) {
                socket = handshake(socket, host, port, deadline, target);
            }
            OutputStream out = socket.getOutputStream();
            out.write(request(uri, port, https).getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return parseStatus(readStatusLine(socket, deadline, target), target);
        } catch (SocketTimeoutException e) {
            throw new ProbeFailure(deadline.timedOut() + " waiting for a response from " + target);
        } catch (SSLException e) {
            throw new ProbeFailure("TLS handshake with " + target + " failed: " + Connector.message(e));
        } catch (IOException e) {
            throw new ProbeFailure("connection to " + target + " failed: " + Connector.message(e));
        } finally {
            Connector.closeQuietly(socket);
        }
    }

    private static Socket handshake(Socket raw, String host, int port, Deadline deadline, String target)
            throws IOException, ProbeFailure {
        try {
            return Tls.handshake(raw, host, port, deadline);
        } catch (SocketTimeoutException e) {
            throw new ProbeFailure(deadline.timedOut() + " in the TLS handshake with " + target);
        }
    }

    private static String request(URI uri, int port, boolean https) {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
        boolean defaultPort = port == (https ? 443 : 80);
        String hostHeader = uri.getHost() + (defaultPort ? "" : ":" + port);
        return "GET " + path + query + " HTTP/1.1\r\n"
                + "Host: " + hostHeader + "\r\n"
                + "User-Agent: dev-health\r\n"
                + "Accept: */*\r\n"
                + "Connection: close\r\n"
                + "\r\n";
    }

    /** Reads up to the first line feed, re-arming the read timeout to what is left of the deadline. */
    private static String readStatusLine(Socket socket, Deadline deadline, String target)
            throws IOException, ProbeFailure {
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        byte[] buffer = new byte[512];
        while (true) {
            if (deadline.expired()) {
                throw new SocketTimeoutException();
            }
            socket.setSoTimeout(deadline.remainingSocketMillis());
            int n = in.read(buffer);
            if (n < 0) {
                if (line.size() == 0) {
                    throw new ProbeFailure("connection closed by " + target + " before a response");
                }
                break;
            }
            int newline = indexOf(buffer, n, (byte) '\n');
            line.write(buffer, 0, newline < 0 ? n : newline);
            if (newline >= 0) {
                break;
            }
            if (line.size() > MAX_STATUS_LINE) {
                throw new ProbeFailure("not an HTTP response from " + target + " (no status line)");
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1).strip();
    }

    private static int parseStatus(String statusLine, String target) throws ProbeFailure {
        Matcher m = STATUS_LINE.matcher(statusLine);
        if (!m.matches()) {
            throw new ProbeFailure("not an HTTP response from " + target + ": " + Text.oneLine(statusLine, 60));
        }
        return Integer.parseInt(m.group(1));
    }

    private static int indexOf(byte[] bytes, int length, byte wanted) {
        for (int i = 0; i < length; i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        return -1;
    }

    /** {@link URI#getHost()} keeps the brackets of an IPv6 literal; name resolution wants them off. */
    private static String unbracket(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }
}
