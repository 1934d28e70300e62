package dev.ui;

import dev.config.Durations;
import dev.logs.LogRecord;
import dev.orchestrator.Failure;
import dev.orchestrator.OrchestratorListener;
import dev.orchestrator.ServiceSnapshot;
import dev.orchestrator.ServiceState;
import dev.orchestrator.StackSnapshot;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The foreground view for pipes and plain terminals: every service line with an aligned
 * {@code name │} prefix, and state changes as {@code dev │ api healthy in 1.3s}. A dedicated printer
 * thread does the writing, so a slow terminal delays only this view: service output lines are
 * dropped (and counted) when it falls behind, never the log files and never dev's own lines.
 */
public final class ConsoleView implements OrchestratorListener, AutoCloseable {
    /** Service lines buffered for a slow terminal before the view starts skipping. */
    static final int MAX_PENDING_LINES = 10_000;
    private static final String DEV = "dev";

    private final PrintStream out;
    private final Ansi ansi;
    private final int width;
    private final Map<String, Integer> colours;
    private final BlockingQueue<Line> queue = new LinkedBlockingQueue<>();
    private final Map<String, String> prefixes = new java.util.concurrent.ConcurrentHashMap<>();
    private final AtomicLong pendingServiceLines = new AtomicLong();
    private final AtomicLong skipped = new AtomicLong();
    private final Thread printer;
    private final Instant began;
    private volatile boolean closed;
    private boolean announcedUp;

    public ConsoleView(PrintStream out, Ansi ansi, List<String> serviceNames, Instant began) {
        this.out = out;
        this.ansi = ansi;
        this.began = began;
        this.width = Math.max(DEV.length(), serviceNames.stream().mapToInt(String::length).max().orElse(0));
        this.colours = new java.util.HashMap<>();
        for (int i = 0; i < serviceNames.size(); i++) {
            colours.put(serviceNames.get(i), i);
        }
        this.printer = new Thread(this::print, "dev-console");
        this.printer.setDaemon(true);
        this.printer.start();
    }

    @Override
    public void output(String service, LogRecord.Stream stream, String raw) {
        if (pendingServiceLines.get() >= MAX_PENDING_LINES) {
            skipped.incrementAndGet();
            return;
        }
        pendingServiceLines.incrementAndGet();
        String text = ansi.enabled() ? (raw.indexOf('\u001b') >= 0 ? raw + Ansi.RESET : raw) : dev.logs.AnsiStripper.strip(raw);
        queue.add(new Line(true, prefix(service) + text));
    }

    /** A queued line; service lines count against {@link #MAX_PENDING_LINES}, dev's own never do. */
    private record Line(boolean fromService, String text) {
    }

    @Override
    public void transition(Transition t) {
        String line = TransitionText.describe(t, ansi);
        if (line != null) {
            devLine(line);
        }
        Failure f = t.failure();
        if (f != null && (t.to() == ServiceState.FAILED || t.to() == ServiceState.SKIPPED
                || t.to() == ServiceState.WAITING)) {
            if (f.suggestion() != null) {
                continuation(ansi.dim("hint: ") + f.suggestion());
            }
            if (!t.lastLines().isEmpty() && f.kind() != Failure.Kind.DEPENDENCY_FAILED) {
                continuation(ansi.dim("last output of " + t.service() + ":"));
                t.lastLines().forEach(l -> continuation(ansi.dim("│ ") + l));
            }
        }
    }

    @Override
    public void snapshot(StackSnapshot s) {
        if (!announcedUp && !s.stopping() && s.allUp() && !s.services().isEmpty()) {
            announcedUp = true;
            devLine(ansi.green("✔ stack is up") + " in " + Durations.format(Duration.between(began, Instant.now()))
                    + urls(s));
        }
    }

    @Override
    public void notice(String message) {
        devLine(message);
    }

    /** Prints a line immediately in order with everything else (e.g. "stopping…"). */
    public void devLine(String text) {
        queue.add(new Line(false, prefix(DEV) + text));
    }

    private void continuation(String text) {
        queue.add(new Line(false, " ".repeat(width) + " " + ansi.dim("│") + "   " + text));
    }

    private String urls(StackSnapshot s) {
        List<String> parts = new ArrayList<>();
        for (ServiceSnapshot svc : s.services()) {
            if (svc.url() != null && svc.state() != ServiceState.COMPLETED) {
                parts.add(svc.name() + " " + ansi.cyan(svc.url()));
            }
        }
        return parts.isEmpty() ? "" : ": " + String.join("  ", parts);
    }

    /** Prefixes are computed once per name: they are on the path of every output line. */
    private String prefix(String name) {
        return prefixes.computeIfAbsent(name, this::renderPrefix);
    }

    private String renderPrefix(String name) {
        String padded = name + " ".repeat(Math.max(0, width - name.length()));
        String coloured = DEV.equals(name) ? ansi.bold(padded) : ansi.service(colours.getOrDefault(name, 0), padded);
        return coloured + " " + ansi.dim("│") + " ";
    }

    /**
     * Drains the queue in batches and writes each batch with one write and one flush: a syscall
     * per line would make the terminal (or the pipe) the bottleneck of a chatty service.
     */
    private void print() {
        List<Line> batch = new ArrayList<>();
        StringBuilder text = new StringBuilder(64 * 1024);
        try {
            while (!closed || !queue.isEmpty()) {
                Line first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, 4096);
                long n = skipped.getAndSet(0);
                if (n > 0) {
                    text.append(prefix(DEV)).append(ansi.yellow("… terminal too slow: skipped " + n
                            + " lines (all of them are in .dev/logs)")).append('\n');
                }
                int fromServices = 0;
                for (Line line : batch) {
                    text.append(line.text()).append('\n');
                    if (line.fromService()) {
                        fromServices++;
                    }
                }
                out.print(text);
                out.flush();
                pendingServiceLines.addAndGet(-fromServices);
                batch.clear();
                text.setLength(0);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            out.flush();
        }
    }

    /** Flushes what is queued (bounded) and stops the printer. */
    @Override
    public void close() {
        closed = true;
        try {
            printer.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
