package dev.ui;

import dev.logs.LogRecord;
import dev.orchestrator.StackSnapshot;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The foreground view for pipes and plain terminals: every service line with an aligned
 * {@code name │} prefix, and state changes as {@code dev │ api healthy in 1.3s}. No cursor
 * movement, ever. A dedicated printer thread does the writing, so a slow terminal delays only
 * this view: service output lines are dropped (and counted) when it falls behind, never the log
 * files and never dev's own lines.
 */
public final class ConsoleView implements View {
    /** Service lines buffered for a slow terminal before the view starts skipping. */
    static final int MAX_PENDING_LINES = 10_000;

    private final PrintStream out;
    private final Ansi ansi;
    private final ConsoleLines lines;
    private final PrintQueue queue = new PrintQueue(MAX_PENDING_LINES);
    private final java.util.Map<String, byte[]> prefixBytes = new java.util.HashMap<>();
    private final Thread printer;
    private final Instant began;
    private final Clock clock;
    private volatile boolean closed;
    private boolean announcedUp;

    public ConsoleView(PrintStream out, Ansi ansi, List<String> serviceNames, Instant began) {
        this(out, ansi, serviceNames, began, Clock.systemUTC(), true);
    }

    /**
     * @param clock      tells the time for "stack is up in …" (tests fix it)
     * @param announceUp whether to print "stack is up" once every required service is (false when it
     *                   already was as the view started: a watch of a running stack)
     */
    public ConsoleView(PrintStream out, Ansi ansi, List<String> serviceNames, Instant began, Clock clock,
                       boolean announceUp) {
        this.out = out;
        this.announcedUp = !announceUp;
        this.ansi = ansi;
        this.began = began;
        this.clock = clock;
        this.lines = new ConsoleLines(ansi, serviceNames);
        this.printer = new Thread(this::print, "dev-console");
        this.printer.setDaemon(true);
        this.printer.start();
    }

    @Override
    public void output(String service, LogRecord.Stream stream, String raw) {
        queue.service(service, raw);
    }

    @Override
    public void transition(Transition t) {
        lines.transition(t).forEach(queue::dev);
    }

    @Override
    public void snapshot(StackSnapshot s) {
        if (!announcedUp && !s.stopping() && s.allUp() && !s.services().isEmpty()) {
            announcedUp = true;
            queue.dev(lines.stackUp(s, Duration.between(began, clock.instant()), false));
        }
    }

    @Override
    public void notice(String message) {
        devLine(message);
    }

    @Override
    public void devLine(String text) {
        queue.dev(lines.devLine(text));
    }

    private String serviceText(String raw) {
        return ansi.enabled() ? raw + (raw.indexOf('\u001b') >= 0 ? Ansi.RESET : "") : dev.logs.AnsiStripper.strip(raw);
    }

    /**
     * Writes what is queued in batches, with one write and one flush per batch: a syscall per line
     * would make the terminal (or the pipe) the bottleneck of a chatty service. Lines are encoded
     * into the batch one by one against a cached encoded prefix: concatenating an ASCII line to the
     * non-Latin-1 {@code │} would inflate every line to UTF-16 and back, which under a flood costs a
     * core that capture needs.
     */
    private void print() {
        ByteArrayOutputStream batch = new ByteArrayOutputStream(256 * 1024);
        try {
            while (!closed || !queue.isEmpty()) {
                PrintQueue.Item item = queue.poll(Duration.ofMillis(100));
                int n = 0;
                while (item != null) {
                    append(batch, item);
                    item = ++n < 4096 && batch.size() < 256 * 1024 ? queue.poll(Duration.ZERO) : null;
                }
                if (batch.size() > 0) {
                    batch.writeTo(out);
                    out.flush();
                    batch.reset();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // PrintStream never throws; a ByteArrayOutputStream cannot fail
        } finally {
            out.flush();
        }
    }

    private void append(ByteArrayOutputStream batch, PrintQueue.Item item) {
        if (item instanceof PrintQueue.Item.ServiceLine l) {
            batch.writeBytes(prefixBytes.computeIfAbsent(l.service(),
                    s -> lines.prefix(s).getBytes(StandardCharsets.UTF_8)));
            batch.writeBytes(serviceText(l.raw()).getBytes(StandardCharsets.UTF_8));
        } else if (item instanceof PrintQueue.Item.DevLine l) {
            batch.writeBytes(l.text().getBytes(StandardCharsets.UTF_8));
        } else if (item instanceof PrintQueue.Item.Skipped s) {
            batch.writeBytes(lines.devLine(ansi.yellow(PrintQueue.skippedMessage(s.lines())))
                    .getBytes(StandardCharsets.UTF_8));
        } else {
            return;
        }
        batch.write('\n');
    }

    /** Flushes what is queued (bounded) and stops the printer. */
    @Override
    public void close() {
        closed = true;
        // The printer may be parked in a 100 ms poll: without a wake every stop waits that out.
        queue.wake();
        try {
            printer.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
