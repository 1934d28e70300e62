package dev.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Predicate;

/**
 * Talks to a running orchestrator. Every read has a deadline (a hung or SIGSTOPped orchestrator
 * must not hang {@code dev status}), which is why this uses a selector rather than blocking reads.
 */
public final class ControlClient implements AutoCloseable {
    private final SocketChannel channel;
    private final Selector selector;
    private final ByteBuffer in = ByteBuffer.allocate(64 * 1024);
    private final java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();

    private ControlClient(SocketChannel channel, Selector selector) {
        this.channel = channel;
        this.selector = selector;
        in.flip();
    }

    public static ControlClient connect(Path socket) throws IOException {
        SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            ch.connect(UnixDomainSocketAddress.of(socket));
            ch.configureBlocking(false);
            Selector selector = Selector.open();
            ch.register(selector, SelectionKey.OP_READ);
            return new ControlClient(ch, selector);
        } catch (IOException e) {
            ch.close();
            throw e;
        }
    }

    /** Sends one request and waits up to {@code timeout} for its reply. */
    public JsonNode request(ObjectNode request, Duration timeout) throws IOException {
        send(request);
        JsonNode reply = next(timeout);
        if (reply == null) {
            throw new java.net.SocketTimeoutException("no answer within " + timeout.toMillis() + " ms");
        }
        return reply;
    }

    public void send(ObjectNode request) throws IOException {
        ByteBuffer out = ByteBuffer.wrap((Json.write(request) + "\n").getBytes(StandardCharsets.UTF_8));
        long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        while (out.hasRemaining()) {
            if (channel.write(out) == 0 && System.nanoTime() > deadline) {
                throw new java.net.SocketTimeoutException("orchestrator not reading");
            }
        }
    }

    /**
     * The next message, or null when {@code timeout} passes first.
     *
     * @throws java.io.EOFException when the orchestrator closed the connection
     */
    public JsonNode next(Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            while (in.hasRemaining()) {
                byte b = in.get();
                if (b == '\n') {
                    byte[] bytes = line.toByteArray();
                    line.reset();
                    return Json.read(bytes);
                }
                line.write(b);
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return null;
            }
            selector.select(Math.max(1, left / 1_000_000));
            selector.selectedKeys().clear();
            in.clear();
            int n = channel.read(in);
            in.flip();
            if (n < 0) {
                throw new java.io.EOFException("the orchestrator closed the connection");
            }
        }
    }

    /** Reads messages until one matches or the timeout passes; returns it or null. */
    public JsonNode until(Predicate<JsonNode> match, Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return null;
            }
            JsonNode m = next(Duration.ofNanos(left));
            if (m == null || match.test(m)) {
                return m;
            }
        }
    }

    @Override
    public void close() throws IOException {
        try {
            selector.close();
        } finally {
            channel.close();
        }
    }
}
