package dev.ui;

import dev.logs.LogRecord;
import dev.orchestrator.StackSnapshot;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jline.terminal.Attributes;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.utils.NonBlockingReader;

/**
 * The foreground view on a terminal: output and dev's lines scroll, and a colour-coded status of
 * every service stays pinned at the bottom ({@link StatusArea}), with a one-line key hint
 * ({@link KeyCommands}) under it.
 *
 * <p>Threads: one painter owns the terminal and does every write (lines, then the status, in one
 * flush per batch; a spinner tick every {@value #TICK_MILLIS} ms). One key reader, while the
 * view runs, reads stdin in raw mode and turns keys into {@link Controls} calls. The listener
 * callbacks only queue and never block: service output goes through a bounded {@link PrintQueue},
 * so a slow terminal costs skipped lines (with a notice), never a stalled service.
 *
 * <p>The terminal is opened on the painter thread, so the caller does not wait for JLine. If it
 * cannot be opened (stdin is not a terminal, say), the view prints plain lines to the fallback
 * stream and shows no status. The terminal is given back as it was (scroll region, cursor,
 * attributes) on every way out: {@link #close}, an exception on the painter, or JVM shutdown.
 *
 * <p>Not handled: suspending with Ctrl-Z. The shell then gets the terminal with the scroll region
 * still set, and after {@code fg} the status comes back only with the next resize. Catching
 * SIGTSTP to tidy up first would mean re-implementing job control in the JVM.
 */
public final class LiveView implements View {
    static final long TICK_MILLIS = 100;
    /** Service lines buffered for a slow terminal before the view starts skipping. */
    static final int MAX_PENDING_LINES = 10_000;
    /** Lines written per frame at most, so the status keeps moving under a flood. */
    private static final int BATCH = 500;

    /** What the keys do. Called on the key reader thread; must not block for long. */
    public interface Controls {
        void quit();

        void restart(String service);
    }

    /** Opens the terminal; runs on the painter thread. */
    public interface TerminalSource {
        Terminal open() throws IOException;
    }

    /**
     * @param services   in declaration order (prefix colours, numbers in the restart prompt)
     * @param hyperlinks whether URLs in the "stack is up" line are OSC 8 links ({@link Hyperlinks#supported})
     * @param keys       whether to read keys (raw mode on stdin while the view runs)
     * @param logsKey    whether {@code l} filters output (there is output to filter)
     * @param quitLabel  what {@code q} does, for the hint
     * @param began      when the stack was asked to start, for "stack is up in …"
     * @param announceUp whether to print "stack is up" when every required service is (false when
     *                   it already was as the view started: a watch of a running stack)
     */
    public record Settings(List<String> services, Ansi ansi, Glyphs glyphs, boolean hyperlinks, boolean keys,
                           boolean logsKey, String quitLabel, Instant began, Clock clock, boolean announceUp) {
        public Settings {
            services = List.copyOf(services);
        }
    }

    private final Settings settings;
    private final Controls controls;
    private final TerminalSource source;
    private final PrintStream fallback;
    private final ConsoleLines lines;
    private final StatusRenderer renderer;
    private final StatusArea area = new StatusArea();
    private final PrintQueue queue = new PrintQueue(MAX_PENDING_LINES);
    private final KeyCommands keys;
    private final Thread painter;
    private final Thread exitHook = new Thread(this::emergencyRestore, "dev-live-restore");
    private volatile KeyHint hint;
    private volatile String logFilter;
    private volatile StackSnapshot latest;
    private volatile boolean closed;
    private volatile Terminal terminal;
    private volatile Attributes savedAttributes;
    private volatile boolean restored;
    private boolean announcedUp;

    private LiveView(Settings settings, Controls controls, TerminalSource source, PrintStream fallback) {
        this.settings = settings;
        this.controls = controls;
        this.source = source;
        this.fallback = fallback;
        this.lines = new ConsoleLines(settings.ansi(), settings.services());
        this.renderer = new StatusRenderer(new Segments(settings.glyphs()), settings.ansi());
        this.keys = new KeyCommands(settings.services(), settings.logsKey());
        this.hint = keys.hint(settings.quitLabel());
        this.announcedUp = !settings.announceUp();
        this.painter = new Thread(this::paint, "dev-live");
        this.painter.setDaemon(true);
    }

    /** Starts the painter (which opens the terminal) and returns at once. */
    public static LiveView start(Settings settings, Controls controls, TerminalSource source, PrintStream fallback) {
        LiveView view = new LiveView(settings, controls, source, fallback);
        Runtime.getRuntime().addShutdownHook(view.exitHook);
        view.painter.start();
        return view;
    }

    /**
     * Whether {@code dev start} should use this view rather than plain lines: stdout is a
     * terminal that can move its cursor ({@code TERM} set and not {@code dumb}), and this is not
     * CI (any non-empty {@code CI} but "false"/"0": CI logs are files, whatever the runner's pty says).
     */
    public static boolean wanted(java.util.Map<String, String> env, boolean stdoutIsTerminal) {
        String term = env.getOrDefault("TERM", "");
        String ci = env.getOrDefault("CI", "");
        boolean inCi = !ci.isEmpty() && !ci.equalsIgnoreCase("false") && !ci.equals("0");
        return stdoutIsTerminal && !term.isEmpty() && !term.equals("dumb") && !inCi;
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
        latest = s;
        if (!announcedUp && !s.stopping() && s.allUp() && !s.services().isEmpty()) {
            announcedUp = true;
            queue.dev(lines.stackUp(s, Duration.between(settings.began(), settings.clock().instant()),
                    settings.hyperlinks()));
        } else {
            queue.wake();
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

    @Override
    public void close() {
        closed = true;
        queue.wake();
        try {
            painter.join(3000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(exitHook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down: the hook runs (and finds everything restored)
        }
    }

    private void paint() {
        Thread keyReader = null;
        try {
            Terminal t = open();
            if (t != null && settings.keys()) {
                savedAttributes = t.enterRawMode();
                keyReader = new Thread(() -> readKeys(t), "dev-keys");
                keyReader.setDaemon(true);
                keyReader.start();
            }
            long nextTick = System.nanoTime();
            while (!closed || !queue.isEmpty()) {
                PrintQueue.Item item = queue.poll(Duration.ofNanos(Math.max(0, nextTick - System.nanoTime())));
                StringBuilder frame = new StringBuilder();
                for (int n = 0; item != null; ) {
                    append(frame, item);
                    item = ++n < BATCH ? queue.poll(Duration.ZERO) : null;
                }
                if (System.nanoTime() - nextTick >= 0) {
                    nextTick = System.nanoTime() + TICK_MILLIS * 1_000_000;
                }
                if (t != null) {
                    frame.append(drawStatus(t));
                    if (frame.length() > 0) {
                        t.writer().write(frame.toString());
                        t.writer().flush();
                    }
                } else if (frame.length() > 0) {
                    fallback.print(frame);
                    fallback.flush();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            // A broken terminal must not take the stack down with it; say so where it can be seen.
            fallback.println("dev: the live view stopped: " + e);
        } finally {
            closed = true;
            if (keyReader != null) {
                try {
                    keyReader.join(1000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            restore();
        }
    }

    private Terminal open() {
        try {
            terminal = source.open();
        } catch (IOException | RuntimeException | LinkageError e) {
            terminal = null; // no terminal to be had: plain lines, no status
        }
        return terminal;
    }

    private void append(StringBuilder frame, PrintQueue.Item item) {
        if (item instanceof PrintQueue.Item.ServiceLine l) {
            String filter = logFilter;
            if (filter == null || filter.equals(l.service())) {
                frame.append(lines.serviceLine(l.service(), TerminalText.forLiveView(l.raw(), settings.ansi().enabled())))
                        .append('\n');
            }
        } else if (item instanceof PrintQueue.Item.DevLine l) {
            frame.append(l.text()).append('\n');
        } else if (item instanceof PrintQueue.Item.Skipped s) {
            frame.append(lines.devLine(settings.ansi().yellow(PrintQueue.skippedMessage(s.lines())))).append('\n');
        }
    }

    /** The status rows for the terminal's current size; empty when nothing changed. */
    private String drawStatus(Terminal t) {
        StackSnapshot s = latest;
        if (s == null) {
            return "";
        }
        Size size = t.getSize();
        int rows = size.getRows();
        int columns = size.getColumns();
        if (rows <= 0 || columns <= 0) {
            return ""; // size unknown (a pty that never got one): no status rather than a guess
        }
        int width = Math.max(1, columns - 1); // never the last column: no auto-wrap surprises
        List<String> status = new java.util.ArrayList<>(
                renderer.render(s, settings.clock().instant(), width, statusLines(rows)));
        if (settings.keys() && rows >= 8) {
            status.add(renderer.hint(hint, width));
        }
        return area.update(status, rows, columns);
    }

    /** Status rows for a screen of {@code rows}: up to 3, and never more than an eighth of it. */
    static int statusLines(int rows) {
        return Math.max(1, Math.min(3, rows / 8));
    }

    private void readKeys(Terminal t) {
        NonBlockingReader reader = t.reader();
        try {
            while (!closed) {
                int c = reader.read(TICK_MILLIS);
                if (c == NonBlockingReader.READ_EXPIRED) {
                    continue;
                }
                if (c < 0) {
                    return; // end of input: no more keys, the view goes on
                }
                act(keys.feed(c));
            }
        } catch (IOException e) {
            // stdin went away; the view goes on without keys
        }
    }

    private void act(KeyCommands.Action action) {
        if (action == null) {
            return;
        }
        if (action instanceof KeyCommands.Action.Quit) {
            controls.quit();
        } else if (action instanceof KeyCommands.Action.Restart r) {
            devLine("restarting " + settings.ansi().bold(r.service()) + " (r)");
            controls.restart(r.service());
        } else if (action instanceof KeyCommands.Action.Problem p) {
            devLine(settings.ansi().yellow(p.message()));
        }
        logFilter = keys.logFilter();
        hint = keys.hint(settings.quitLabel());
        queue.wake();
    }

    /** Puts the terminal back: scroll region, cursor, line discipline. Runs once. */
    private synchronized void restore() {
        if (restored) {
            return;
        }
        restored = true;
        Terminal t = terminal;
        if (t == null) {
            fallback.flush();
            return;
        }
        try {
            t.writer().write(area.close());
            t.writer().flush();
            if (savedAttributes != null) {
                t.setAttributes(savedAttributes);
            }
            t.close();
        } catch (IOException | UncheckedIOException e) {
            // the terminal is gone: nothing left to restore
        }
    }

    /** The JVM is exiting without {@link #close} (an uncaught error, System.exit elsewhere). */
    private void emergencyRestore() {
        closed = true;
        restore();
    }
}
