package dev.run;

import dev.orchestrator.StackSnapshot;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * One {@code subscribe} client. The event loop only offers to its bounded queue; the connection's
 * own thread writes. A watcher thread reads the socket so a client that hangs up is noticed at
 * once, even when no event is flowing, and everything it held is released.
 *
 * <p>Snapshots are the whole stack, so only the newest one queued matters: a snapshot offered while
 * an older one still waits replaces it, at the newer one's place in the stream (after every event
 * offered before it), and it is turned into JSON only when written. A client slower than the stack's
 * changes — {@code dev start --wait} on 200 services parsed 600 snapshots of 60 KB each — gets fewer
 * snapshots instead of falling further behind, and the event loop never serializes one nobody reads.
 */
final class Subscriber {
    /** Events a client may lag behind before it is cut off (it can reconnect and resubscribe). */
    static final int MAX_BACKLOG = 1024;
    private static final String CLOSE = "\u0000close";
    /** Queue entry standing for "the newest snapshot, if this entry is still the newest one's". */
    private static final String SNAPSHOT = "\u0000snapshot";

    private final SocketChannel channel;
    private final LineChannel lines;
    private final Function<StackSnapshot, String> render;
    private final BlockingQueue<String> queue = new ArrayBlockingQueue<>(MAX_BACKLOG);
    /** The newest snapshot offered and not yet written, with its sequence number; both guarded by this. */
    private StackSnapshot pendingSnapshot;
    private long pendingSequence;
    private long offeredSnapshots;
    private final java.util.ArrayDeque<Long> snapshotMarks = new java.util.ArrayDeque<>();
    private volatile boolean closed;

    /** @param render turns a snapshot into the event line to send, when it is sent */
    Subscriber(SocketChannel channel, LineChannel lines, Function<StackSnapshot, String> render) {
        this.channel = channel;
        this.lines = lines;
        this.render = render;
    }

    void offer(String event) {
        if (!closed && !queue.offer(event)) {
            cutOff();
        }
    }

    /** Queues {@code snapshot} in place of any older snapshot still waiting. */
    void offerSnapshot(StackSnapshot snapshot) {
        synchronized (this) {
            pendingSnapshot = snapshot;
            pendingSequence = ++offeredSnapshots;
            snapshotMarks.addLast(pendingSequence);
        }
        offer(SNAPSHOT);
    }

    /** The snapshot to write for the queue entry being taken now, or null when a newer one is still queued. */
    private synchronized StackSnapshot takeSnapshot() {
        Long mark = snapshotMarks.pollFirst();
        if (mark == null || mark != pendingSequence) {
            return null; // superseded: the newer snapshot goes out at its own place
        }
        StackSnapshot s = pendingSnapshot;
        pendingSnapshot = null;
        return s;
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
                if (event == SNAPSHOT) {
                    StackSnapshot snapshot = takeSnapshot();
                    if (snapshot != null) {
                        lines.writeLine(render.apply(snapshot));
                    }
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
