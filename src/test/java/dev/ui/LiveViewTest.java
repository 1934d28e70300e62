package dev.ui;

import static dev.ui.Snapshots.NOW;
import static dev.ui.Snapshots.service;
import static dev.ui.Snapshots.svc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.logs.LogRecord;
import dev.orchestrator.ServiceState;
import dev.orchestrator.StackSnapshot;
import dev.testing.Await;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.jline.terminal.Attributes;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The live view on a virtual JLine terminal: bytes in (keys), bytes out (read back through {@link VtScreen}). */
class LiveViewTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final List<String> NAMES = List.of("db", "api");

    private final ByteArrayOutputStream screenBytes = new ByteArrayOutputStream();
    private final PipedOutputStream keys = new PipedOutputStream();
    private final AtomicInteger quits = new AtomicInteger();
    private final List<String> restarts = new CopyOnWriteArrayList<>();
    private Terminal terminal;
    private LiveView view;

    private final LiveView.Controls controls = new LiveView.Controls() {
        @Override
        public void quit() {
            quits.incrementAndGet();
        }

        @Override
        public void restart(String service) {
            restarts.add(service);
        }
    };

    private Terminal virtualTerminal(int rows, int columns) throws IOException {
        PipedInputStream in = new PipedInputStream(keys, 1024);
        // "exec" makes a pure-Java ExternalTerminal: output reaches the stream synchronously, no pty pumps.
        terminal = TerminalBuilder.builder().system(false).provider("exec").streams(in, screenBytes).type("xterm-256color")
                .size(new Size(columns, rows)).encoding(StandardCharsets.UTF_8).nativeSignals(false).build();
        return terminal;
    }

    private LiveView start(boolean colour, boolean hyperlinks, LiveView.TerminalSource source, PrintStream fallback) {
        LiveView.Settings settings = new LiveView.Settings(NAMES, new Ansi(colour), Glyphs.UNICODE, hyperlinks, true, true,
                "stop", NOW.minusMillis(2500), Clock.fixed(NOW, ZoneOffset.UTC), true);
        view = LiveView.start(settings, controls, source, fallback);
        return view;
    }

    private VtScreen screen(int rows, int columns) {
        VtScreen screen = new VtScreen(rows, columns);
        screen.write(screenBytes.toString(StandardCharsets.UTF_8));
        return screen;
    }

    /** What was written after the first {@code offset} bytes. */
    private String since(int offset) {
        byte[] all = screenBytes.toByteArray();
        return new String(all, offset, all.length - offset, StandardCharsets.UTF_8);
    }

    private static StackSnapshot up() {
        return Snapshots.stack(svc("db", ServiceState.HEALTHY).port(5432).build(),
                svc("api", ServiceState.HEALTHY).port(8080).url("http://127.0.0.1:8080/").build());
    }

    @AfterEach
    void closeEverything() throws IOException {
        if (view != null) {
            view.close();
        }
        keys.close();
    }

    @Test
    void outputScrollsAboveAPinnedStatusAndTheHint() throws IOException {
        Terminal t = virtualTerminal(12, 60);
        start(false, false, () -> t, System.err);
        view.snapshot(Snapshots.stack(service("db", ServiceState.STARTING), svc("api", ServiceState.WAITING)
                .waitingFor("db").build()));
        for (int i = 1; i <= 20; i++) {
            view.output("db", LogRecord.Stream.OUT, "db line " + i);
        }
        view.snapshot(up());
        // The status row and the printed lines are painted by different steps: wait for both.
        Await.until(WAIT, () -> screen(12, 60).lines().get(10).equals("ok 2/2 │ ● db :5432  ● api :8080")
                        && screen(12, 60).lines().get(8).startsWith("dev │ ✔ stack is up"),
                () -> String.join("\n", screen(12, 60).lines()));
        List<String> lines = screen(12, 60).lines();
        assertEquals("r restart  l logs: all  q stop", lines.get(11));
        assertEquals("dev │ ✔ stack is up in 2.5s: api http://127.0.0.1:8080/", lines.get(8));
        assertEquals("db  │ db line 20", lines.get(7));
        assertEquals("db  │ db line 14", lines.get(1));
        assertEquals("", lines.get(9), "the cursor's row, under the output");
    }

    @Test
    void closingGivesTheTerminalBackAsItWas() throws IOException {
        Terminal t = virtualTerminal(10, 40);
        Attributes before = new Attributes(t.getAttributes());
        start(false, false, () -> t, System.err);
        view.snapshot(up());
        Await.until(WAIT, () -> screen(10, 40).lines().get(8).startsWith("ok 2/2"), "status drawn");
        assertFalse(t.getAttributes().getLocalFlag(Attributes.LocalFlag.ICANON), "raw mode while the view runs");
        view.devLine("all stopped");
        view.close();
        VtScreen screen = screen(10, 40);
        assertTrue(screen.cursorVisible(), () -> screenBytes.toString(StandardCharsets.UTF_8).replace("\u001b", "ESC"));
        assertEquals(9, screen.scrollBottom(), "no scroll region left behind");
        assertTrue(screen.lines().stream().noneMatch(l -> l.startsWith("ok") || l.startsWith("r restart")),
                String.join("\n", screen.lines()));
        assertTrue(screen.lines().contains("dev │ all stopped"), () -> "what was queued is printed before the end:\n" + String.join("\n", screen.lines()));
        assertEquals(before.getLocalFlags(), t.getAttributes().getLocalFlags());
        assertEquals(before.getInputFlags(), t.getAttributes().getInputFlags());
    }

    @Test
    void rThenANumberThenEnterRestartsAndQQuits() throws IOException {
        Terminal t = virtualTerminal(12, 70);
        start(false, false, () -> t, System.err);
        view.snapshot(up());
        Await.until(WAIT, () -> screen(12, 70).lines().get(11).startsWith("r restart"), "hint drawn");
        keys.write("r2".getBytes(StandardCharsets.US_ASCII));
        keys.flush();
        Await.until(WAIT, () -> screen(12, 70).lines().get(11).startsWith("restart › 2▏"),
                () -> screen(12, 70).lines().get(11));
        keys.write('\r');
        keys.flush();
        Await.until(WAIT, () -> restarts.equals(List.of("api")), () -> "restarts: " + restarts);
        Await.until(WAIT, () -> screen(12, 70).lines().contains("dev │ restarting api (r)"), "the restart is told");
        keys.write('q');
        keys.flush();
        Await.until(WAIT, () -> quits.get() == 1, "q quits");
    }

    @Test
    void lShowsOneServiceAtATime() throws IOException {
        Terminal t = virtualTerminal(12, 60);
        start(false, false, () -> t, System.err);
        view.snapshot(up());
        keys.write('l');
        keys.flush();
        Await.until(WAIT, () -> screen(12, 60).lines().get(11).equals("r restart  l logs: db  q stop"),
                () -> screen(12, 60).lines().get(11));
        view.output("api", LogRecord.Stream.OUT, "api says hello");
        view.output("db", LogRecord.Stream.OUT, "db says hello");
        view.devLine("dev lines always show");
        Await.until(WAIT, () -> screen(12, 60).lines().contains("dev │ dev lines always show"), "dev line");
        List<String> lines = screen(12, 60).lines();
        assertTrue(lines.contains("db  │ db says hello"), String.join("\n", lines));
        assertFalse(lines.contains("api │ api says hello"), String.join("\n", lines));
    }

    @Test
    void serviceOutputCannotMoveTheCursorOrClearTheScreen() throws IOException {
        Terminal t = virtualTerminal(10, 50);
        start(true, false, () -> t, System.err);
        view.snapshot(up());
        view.output("api", LogRecord.Stream.OUT, "\u001b[2J\u001b[Hgotcha \u001b[32mgreen\u001b[0m\u001b[1;3r");
        Await.until(WAIT, () -> screen(10, 50).lines().contains("api │ gotcha green"),
                () -> String.join("\n", screen(10, 50).lines()));
        VtScreen screen = screen(10, 50);
        assertEquals("ok 2/2 │ ● db :5432  ● api :8080", screen.lines().get(8));
        assertEquals(7, screen.scrollBottom());
    }

    @Test
    void theUpLineLinksUrlsWhereSupported() throws IOException {
        Terminal t = virtualTerminal(10, 80);
        start(false, true, () -> t, System.err);
        view.snapshot(up());
        String link = "\u001b]8;;http://127.0.0.1:8080/\u001b\\http://127.0.0.1:8080/\u001b]8;;\u001b\\";
        Await.until(WAIT, () -> screenBytes.toString(StandardCharsets.UTF_8).contains(link), "an OSC 8 link");
    }

    @Test
    void aResizeRedrawsForTheNewSize() throws IOException {
        Terminal t = virtualTerminal(10, 60);
        start(false, false, () -> t, System.err);
        view.snapshot(up());
        Await.until(WAIT, () -> screen(10, 60).lines().get(8).startsWith("ok"), "status drawn");
        int drawnBefore = screenBytes.size();
        t.setSize(new Size(40, 16));
        Await.until(WAIT, () -> since(drawnBefore).contains("\u001b[15;1H"), "status moved to the new bottom rows");
        String after = since(drawnBefore);
        assertTrue(after.startsWith("\u001b7\u001b[r\u001b8\u001b[J"), "the old status is erased, wherever the terminal put it");
    }

    @Test
    void withoutATerminalItPrintsPlainLines() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream fallback = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        start(false, false, () -> {
            throw new IOException("not a terminal");
        }, fallback);
        view.snapshot(up());
        view.output("db", LogRecord.Stream.OUT, "\u001b[2Jhello");
        view.devLine("bye");
        view.close();
        assertEquals("dev │ ✔ stack is up in 2.5s: api http://127.0.0.1:8080/\ndb  │ hello\ndev │ bye\n",
                bytes.toString(StandardCharsets.UTF_8));
    }
}
