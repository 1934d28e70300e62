package dev.run;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One {@code subscribe} client. The event loop only offers to its bounded queue; the connection's
 * own thread writes. A watcher thread reads the socket so a client that hangs up is noticed at
 * once, even when no event is flowing, and everything it held is released.
 */
final class Subscriber {
    /** Events a client may lag behind before it is cut off (it can reconnect and resubscribe). */
    static final int MAX_BACKLOG = 1024;
    private static final String CLOSE = "\u0000close";

    private final SocketChannel channel;
    private final LineChannel lines;
    private final BlockingQueue<String> queue = new ArrayBlockingQueue<>(MAX_BACKLOG);
    private volatile boolean closed;

    Subscriber(SocketChannel channel, LineChannel lines) {
        this.channel = channel;
        this.lines = lines;
    }

    void offer(String event) {
        if (!closed && !queue.offer(event)) {
            cutOff();
        }
    }

    /**
     * Too slow: cut off rather than buffer without bound. Its connection thread is most likely
     * blocked writing to a full socket buffer and would never look at the flag, so the channel
     * is closed under it (which fails that write at once and never blocks the caller, the event loop).
     */
    private void cutOff() {
        close();
        ControlServer.closeQuietly(channel);
    }

    /** Writes queued events until the client leaves or is cut off. */
    void pump() throws IOException {
        Thread watcher = new Thread(this::watchForHangUp, "dev-control-sub-watch");
        watcher.setDaemon(true);
        watcher.start();
        try {
            while (!closed) {
                String event;
                try {
                    event = queue.poll(500, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                if (event == null || event == CLOSE) {
                    continue;
                }
                lines.writeLine(event);
            }
        } finally {
            close();
            ControlServer.closeQuietly(channel);
            try {
                watcher.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void watchForHangUp() {
        ByteBuffer sink = ByteBuffer.allocate(512);
        try {
            while (!closed) {
                sink.clear();
                if (channel.read(sink) < 0) {
                    break;
                }
            }
        } catch (IOException e) {
            // closed under us: that is the hang-up
        }
        close();
    }

    void close() {
        closed = true;
        queue.offer(CLOSE);
    }
}
