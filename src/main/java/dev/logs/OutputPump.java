package dev.logs;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Drains one stream of a child process on its own daemon thread and hands every line to a
 * {@link LineSink} (splitting rules in {@link LineSplitter}, stripping in {@link AnsiStripper}).
 *
 * <p>The pump never stops reading because of its sink: a child whose pipe fills up blocks in
 * {@code write}, so slowness or failure downstream must cost at most lines, never the service.
 * It reads 64 KiB at a time and decodes lines straight from that buffer.
 *
 * <p>A line without its terminator (a prompt, a progress bar) is emitted once no more input
 * has arrived for {@link #PARTIAL_LINE_DELAY}; the thread itself stays blocked in
 * {@code read}, and the shared {@link LogTimer} does the flushing under the pump's lock.
 * The pump ends at end of stream (or a read error, such as the stream being closed).
 */
public final class OutputPump {
    /**
     * Long enough that a writer descheduled mid-line on a loaded machine (a pipe write boundary
     * rarely falls on a newline) does not get its line cut in two; short enough for a prompt.
     */
    public static final Duration PARTIAL_LINE_DELAY = Duration.ofMillis(200);
    static final int CHUNK_SIZE = 64 * 1024;
    /** A quiet service never needs more; a read that fills the chunk doubles it, up to {@link #CHUNK_SIZE}. */
    static final int INITIAL_CHUNK_SIZE = 4 * 1024;

    private final InputStream in;
    private final LineSplitter splitter;
    private final ReentrantLock lock = new ReentrantLock();
    private final CountDownLatch ended = new CountDownLatch(1);
    private final AtomicLong bytes = new AtomicLong();
    private final Thread thread;
    // Guarded by lock.
    private long lastInputNanos;
    private Instant lastInputTime;
    private boolean timerArmed;
    private boolean finished;
    private volatile IOException readFailure;

    private OutputPump(String threadName, InputStream in, LogRecord.Stream stream, LineSink sink) {
        this.in = in;
        this.splitter = new LineSplitter(stream, sink);
        this.thread = new Thread(this::run, threadName);
        thread.setDaemon(true);
    }

    /**
     * Starts pumping {@code in} (e.g. {@code process.getInputStream()}) on a new daemon thread.
     *
     * @param threadName shows up in thread dumps, e.g. {@code dev-pump-api-out}
     */
    public static OutputPump start(String threadName, InputStream in, LogRecord.Stream stream, LineSink sink) {
        OutputPump pump = new OutputPump(threadName, in, stream, sink);
        pump.thread.start();
        return pump;
    }

    /** Waits until the stream ended and its last line was delivered; false on timeout. */
    public boolean awaitEnd(Duration timeout) throws InterruptedException {
        return ended.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    public boolean hasEnded() {
        return ended.getCount() == 0;
    }

    /** Bytes read so far. */
    public long bytes() {
        return bytes.get();
    }

    /** Lines delivered so far. */
    public long lines() {
        lock.lock();
        try {
            return splitter.lines();
        } finally {
            lock.unlock();
        }
    }

    /** Why lines may be missing downstream: a read error, or the first exception the sink threw. */
    public Optional<Exception> failure() {
        if (readFailure != null) {
            return Optional.of(readFailure);
        }
        lock.lock();
        try {
            return Optional.ofNullable(splitter.sinkFailure());
        } finally {
            lock.unlock();
        }
    }

    private void run() {
        byte[] chunk = new byte[INITIAL_CHUNK_SIZE];
        try {
            int n;
            while ((n = in.read(chunk, 0, chunk.length)) >= 0) {
                if (n > 0) {
                    bytes.addAndGet(n);
                    accept(chunk, n);
                    if (n == chunk.length && chunk.length < CHUNK_SIZE) {
                        chunk = new byte[chunk.length * 2]; // more was waiting: read more per call
                    }
                }
            }
        } catch (IOException e) {
            readFailure = e;
        } finally {
            lock.lock();
            try {
                splitter.finish(lastInputTime == null ? Instant.now() : lastInputTime);
                finished = true;
            } finally {
                lock.unlock();
            }
            closeQuietly();
            ended.countDown();
        }
    }

    private void accept(byte[] chunk, int n) {
        Instant now = Instant.now();
        lock.lock();
        try {
            splitter.feed(chunk, 0, n, now);
            lastInputNanos = System.nanoTime();
            lastInputTime = now;
            if (splitter.hasPartial() && !timerArmed) {
                timerArmed = true;
                LogTimer.schedule(this::partialLineDue, PARTIAL_LINE_DELAY.toNanos());
            }
        } finally {
            lock.unlock();
        }
    }

    /** Timer task: flush the unfinished line if input has been quiet long enough, else wait the rest. */
    private void partialLineDue() {
        lock.lock();
        try {
            timerArmed = false;
            if (finished || !splitter.hasPartial()) {
                return;
            }
            long quiet = System.nanoTime() - lastInputNanos;
            if (quiet >= PARTIAL_LINE_DELAY.toNanos()) {
                splitter.flushPartial(lastInputTime);
            } else {
                timerArmed = true;
                LogTimer.schedule(this::partialLineDue, PARTIAL_LINE_DELAY.toNanos() - quiet);
            }
        } finally {
            lock.unlock();
        }
    }

    private void closeQuietly() {
        try {
            in.close();
        } catch (IOException e) {
            // The stream is finished either way; nothing useful to do with a close failure.
        }
    }
}
