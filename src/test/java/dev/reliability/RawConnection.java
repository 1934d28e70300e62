package dev.reliability;

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
import java.util.ArrayList;
import java.util.List;

/**
 * A connection to a control socket that sends whatever bytes a test wants (garbage, half a request, ten
 * megabytes without a newline) and reads the reply lines until the server hangs up or a deadline passes.
 */
final class RawConnection implements AutoCloseable {
    private final SocketChannel channel;

    private RawConnection(SocketChannel channel) {
        this.channel = channel;
    }

    static RawConnection open(Path socket) throws IOException {
        SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX);
        ch.connect(UnixDomainSocketAddress.of(socket));
        return new RawConnection(ch);
    }

    /** Writes all of {@code bytes}; false when the server stopped reading and hung up part-way. */
    boolean send(byte[] bytes) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        try {
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    boolean send(String text) {
        return send(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Says "nothing more from me" while still reading, as a client that has sent its request does. */
    void finishSending() throws IOException {
        channel.shutdownOutput();
    }

    /** What the server said until it hung up or {@code timeout} passed; {@code hungUp} tells which. */
    record Replies(List<String> lines, boolean hungUp) {
    }

    Replies readUntilHangUp(Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<String> lines = new ArrayList<>();
        StringBuilder pending = new StringBuilder();
        channel.configureBlocking(false);
        try (Selector selector = Selector.open()) {
            channel.register(selector, SelectionKey.OP_READ);
            ByteBuffer in = ByteBuffer.allocate(16 * 1024);
            while (true) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return new Replies(lines, false);
                }
                selector.select(Math.max(1, left / 1_000_000));
                selector.selectedKeys().clear();
                in.clear();
                int n;
                try {
                    n = channel.read(in);
                } catch (IOException e) {
                    n = -1; // reset by the server
                }
                if (n < 0) {
                    if (pending.length() > 0) {
                        lines.add(pending.toString());
                    }
                    return new Replies(lines, true);
                }
                pending.append(new String(in.array(), 0, n, StandardCharsets.UTF_8));
                for (int nl = pending.indexOf("\n"); nl >= 0; nl = pending.indexOf("\n")) {
                    lines.add(pending.substring(0, nl));
                    pending.delete(0, nl + 1);
                }
            }
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
