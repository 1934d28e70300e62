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
    private final BlockingQueue<String> queue = new LinkedBlockingQueue<>();
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
        String text = ansi.enabled() ? raw + (raw.indexOf('\u001b') >= 0 ? Ansi.RESET : "") : dev.logs.AnsiStripper.strip(raw);
        queue.add("\u0000" + prefix(service) + text);
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
        queue.add(prefix(DEV) + text);
    }

    private void continuation(String text) {
        queue.add(" ".repeat(width) + " " + ansi.dim("│") + "   " + text);
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

    private String prefix(String name) {
        String padded = String.format("%-" + width + "s", name);
        String coloured = DEV.equals(name) ? ansi.bold(padded) : ansi.service(colours.getOrDefault(name, 0), padded);
        return coloured + " " + ansi.dim("│") + " ";
    }

    private void print() {
        try {
            while (!closed || !queue.isEmpty()) {
                String line = queue.poll(100, TimeUnit.MILLISECONDS);
                if (line == null) {
                    continue;
                }
                long n = skipped.getAndSet(0);
                if (n > 0) {
                    out.println(prefix(DEV) + ansi.yellow("… terminal too slow: skipped " + n
                            + " lines (all of them are in .dev/logs)"));
                }
                if (line.charAt(0) == '\u0000') {
                    pendingServiceLines.decrementAndGet();
                    line = line.substring(1);
                }
                out.println(line);
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
