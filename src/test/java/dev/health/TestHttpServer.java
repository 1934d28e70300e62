package dev.health;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback server for probe tests: accepts on an ephemeral port, reads each request head and
 * lets a {@link Handler} answer (or not). Every accepted socket is closed by {@link #close()}.
 */
final class TestHttpServer implements AutoCloseable {
    /** Answers one connection; the request head has already been read. */
    @FunctionalInterface
    interface Handler {
        void handle(String requestHead, OutputStream out) throws IOException, InterruptedException;
    }

    private final ServerSocket server;
    private final Handler handler;
    private final boolean readRequest;
    private final Thread acceptor;
    private final List<Socket> accepted = new CopyOnWriteArrayList<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();

    private TestHttpServer(ServerSocket server, Handler handler, boolean readRequest) {
        this.server = server;
        this.handler = handler;
        this.readRequest = readRequest;
        this.acceptor = new Thread(this::acceptLoop, "test-http-server-" + server.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    static TestHttpServer start(Handler handler) throws IOException {
        return start(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), handler);
    }

    /** Serves on an already bound socket, e.g. an {@code SSLServerSocket}. */
    static TestHttpServer start(ServerSocket bound, Handler handler) {
        return new TestHttpServer(bound, handler, true);
    }

    /** Answers as soon as a connection is accepted, without waiting for a request. */
    static TestHttpServer startEager(Handler handler) throws IOException {
        return new TestHttpServer(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), handler, false);
    }

    /** Answers every request with {@code status} and a tiny body. */
    static Handler status(int status) {
        return (head, out) -> {
            byte[] body = "ok\n".getBytes(StandardCharsets.US_ASCII);
            out.write(("HTTP/1.1 " + status + " Whatever\r\nContent-Length: " + body.length
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
        };
    }

    int port() {
        return server.getLocalPort();
    }

    List<String> requests() {
        return requests;
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            Socket socket;
            try {
                socket = server.accept();
            } catch (IOException e) {
                return;
            }
            accepted.add(socket);
            Thread worker = new Thread(() -> serve(socket), "test-http-conn");
            worker.setDaemon(true);
            worker.start();
        }
    }

    private void serve(Socket socket) {
        try {
            String head = readRequest ? readHead(socket.getInputStream()) : "";
            if (readRequest) {
                requests.add(head);
            }
            handler.handle(head, socket.getOutputStream());
            socket.shutdownOutput();
        } catch (IOException | InterruptedException e) {
            // The probe hung up or the test closed the server: nothing to answer any more.
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        int b;
        while (matched < end.length && (b = in.read()) >= 0) {
            head.write(b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket socket : accepted) {
            socket.close();
        }
    }
}
