package dev.run;

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

/**
 * A control-socket client that sends arbitrary bytes (what {@link ControlClient} never would) and reads the
 * server's reply lines with a deadline. Tells apart "answered", "hung up" and "said nothing".
 */
final class RawSocketClient implements AutoCloseable {
    /** What came back: a line, end of stream (the server dropped us), or nothing before the deadline. */
    sealed interface Reply permits Line, HungUp, Silence {
    }

    record Line(String text) implements Reply {
    }

    record HungUp() implements Reply {
    }

    record Silence() implements Reply {
    }

    private final SocketChannel channel;
    private final StringBuilder pending = new StringBuilder();

    private RawSocketClient(SocketChannel channel) {
        this.channel = channel;
    }

    static RawSocketClient connect(Path socket) throws IOException {
        SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX);
        ch.connect(UnixDomainSocketAddress.of(socket));
        return new RawSocketClient(ch);
    }

    /** Writes all of {@code bytes} (blocking). */
    void send(byte[] bytes) throws IOException {
        ByteBuffer buf = ByteBuffer.wrap(bytes);
        while (buf.hasRemaining()) {
            channel.write(buf);
        }
    }

    void send(String text) throws IOException {
        send(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Half-closes the sending side, as a client that is done talking does. */
    void shutdownOutput() throws IOException {
        channel.shutdownOutput();
    }

    /** The next reply line, end of stream, or silence once {@code timeout} passes. */
    Reply read(Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        if (channel.isBlocking()) {
            channel.configureBlocking(false);
        }
        try (Selector selector = Selector.open()) {
            channel.register(selector, SelectionKey.OP_READ);
            ByteBuffer in = ByteBuffer.allocate(8192);
            while (true) {
                int nl = pending.indexOf("\n");
                if (nl >= 0) {
                    String line = pending.substring(0, nl);
                    pending.delete(0, nl + 1);
                    return new Line(line);
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return new Silence();
                }
                selector.select(Math.max(1, left / 1_000_000));
                selector.selectedKeys().clear();
                in.clear();
                int n;
                try {
                    n = channel.read(in);
                } catch (IOException e) {
                    return new HungUp(); // reset by the server
                }
                if (n < 0) {
                    return new HungUp();
                }
                pending.append(new String(in.array(), 0, n, StandardCharsets.UTF_8));
            }
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
