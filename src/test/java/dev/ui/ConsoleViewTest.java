package dev.ui;

import static dev.ui.Snapshots.NOW;
import static dev.ui.Snapshots.service;
import static dev.ui.Snapshots.svc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.logs.LogRecord;
import dev.orchestrator.Failure;
import dev.orchestrator.OrchestratorListener.Transition;
import dev.orchestrator.ServiceSnapshot;
import dev.orchestrator.ServiceState;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The plain view, as a pipe, a file or CI sees it: golden text, no escape sequences. */
class ConsoleViewTest {
    private static final List<String> NAMES = List.of("db", "api", "worker");

    /** One start as the orchestrator reports it: transitions, output, snapshots. */
    static void playStart(View view) {
        view.devLine("starting shop: db → (api, worker)");
        view.transition(new Transition("api", ServiceState.PENDING, ServiceState.WAITING, 0, null, List.of(),
                svc("api", ServiceState.WAITING).waitingFor("db healthy").build()));
        view.transition(new Transition("db", ServiceState.PENDING, ServiceState.STARTING, 0, null, List.of(),
                service("db", ServiceState.STARTING)));
        view.output("db", LogRecord.Stream.OUT, "\u001b[1mready\u001b[0m to accept connections");
        view.transition(new Transition("db", ServiceState.STARTING, ServiceState.HEALTHY, 1300, null, List.of(),
                service("db", ServiceState.HEALTHY)));
        view.transition(new Transition("api", ServiceState.WAITING, ServiceState.STARTING, 0, null, List.of(),
                service("api", ServiceState.STARTING)));
        view.output("api", LogRecord.Stream.ERR, "listening on :8080");
        Failure failure = new Failure(Failure.Kind.EXITED, "exit code 1", "see its output below");
        view.transition(new Transition("worker", ServiceState.RUNNING, ServiceState.FAILED, 900, failure,
                List.of("boom", "trace"), svc("worker", ServiceState.FAILED).optional().build()));
        view.transition(new Transition("api", ServiceState.STARTING, ServiceState.HEALTHY, 2000, null, List.of(),
                service("api", ServiceState.HEALTHY)));
        ServiceSnapshot db = svc("db", ServiceState.HEALTHY).url("127.0.0.1:5432").port(5432).build();
        ServiceSnapshot api = svc("api", ServiceState.HEALTHY).url("http://127.0.0.1:8080/").port(8080).build();
        ServiceSnapshot worker = svc("worker", ServiceState.FAILED).optional().build();
        view.snapshot(Snapshots.stack(db, service("api", ServiceState.STARTING), worker));
        view.snapshot(Snapshots.stack(db, api, worker));
        view.snapshot(Snapshots.stack(db, api, worker));
        view.devLine("stopping…");
    }

    private static String run(Ansi ansi) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
             ConsoleView view = new ConsoleView(out, ansi, NAMES, NOW.minusMillis(4500), Clock.fixed(NOW, ZoneOffset.UTC),
                     true)) {
            playStart(view);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void plainOutputIsExactlyThis() {
        assertEquals("""
                dev    │ starting shop: db → (api, worker)
                dev    │ … api waiting for db healthy
                dev    │ ▸ db starting
                db     │ ready to accept connections
                dev    │ ● db healthy in 1.3s
                dev    │ ▸ api starting
                api    │ listening on :8080
                dev    │ ✖ worker failed: exited: exit code 1
                       │   hint: see its output below
                       │   last output of worker:
                       │   │ boom
                       │   │ trace
                dev    │ ● api healthy in 2s
                dev    │ ✔ stack is up in 4.5s: db 127.0.0.1:5432  api http://127.0.0.1:8080/
                dev    │ stopping…
                """, run(new Ansi(false)));
    }

    @Test
    void withoutColourThereIsNoEscapeSequenceAtAll() {
        String out = run(new Ansi(false));
        assertTrue(out.indexOf('\u001b') < 0, out);
        assertTrue(out.contains("db     │ ready to accept connections"), "colour stripped from service output");
    }

    @Test
    void withColourPrefixesAndSymbolsAreColouredAndLinksNeverUsed() {
        String out = run(new Ansi(true));
        assertTrue(out.contains("\u001b[1mdev   \u001b[0m \u001b[2m│\u001b[0m "), out);
        assertTrue(out.contains("\u001b[32m● \u001b[0m\u001b[1mdb\u001b[0m healthy in 1.3s"), out);
        assertTrue(out.contains("\u001b[1mready\u001b[0m to accept connections\u001b[0m"), "service colour kept, then reset");
        assertTrue(!out.contains("\u001b]8;"), "no hyperlinks in the plain view");
    }

    @Test
    void aWatchOfAStackThatIsAlreadyUpDoesNotAnnounceIt() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
             ConsoleView view = new ConsoleView(out, new Ansi(false), NAMES, NOW, Clock.fixed(NOW, ZoneOffset.UTC), false)) {
            view.snapshot(Snapshots.stack(service("db", ServiceState.HEALTHY)));
        }
        assertEquals("", bytes.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aStalledTerminalNeverBlocksTheServicesAndSaysWhatItSkipped() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch firstWrite = new CountDownLatch(1);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        OutputStream stalled = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                firstWrite.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    throw new IOException(e);
                }
                synchronized (bytes) {
                    bytes.write(b, off, len);
                }
            }
        };
        int lines = ConsoleView.MAX_PENDING_LINES * 3;
        try (PrintStream out = new PrintStream(stalled, true, StandardCharsets.UTF_8);
             ConsoleView view = new ConsoleView(out, new Ansi(false), NAMES, NOW, Clock.fixed(NOW, ZoneOffset.UTC), true)) {
            view.output("api", LogRecord.Stream.OUT, "first");
            assertTrue(firstWrite.await(10, TimeUnit.SECONDS), "the printer is writing (and stuck)");
            long started = System.nanoTime();
            for (int i = 0; i < lines; i++) {
                view.output("api", LogRecord.Stream.OUT, "line " + i);
            }
            view.devLine("dev lines are never dropped");
            assertTrue(System.nanoTime() - started < TimeUnit.SECONDS.toNanos(5), "output() must not wait for the terminal");
            release.countDown();
        }
        String text;
        synchronized (bytes) {
            text = bytes.toString(StandardCharsets.UTF_8);
        }
        // "first" was taken before the printer stalled; of the rest, one queue's worth waited and the others went.
        long skipped = lines - ConsoleView.MAX_PENDING_LINES;
        assertTrue(text.contains("dev    │ … terminal too slow: skipped " + skipped + " lines (all of them are in .dev/logs)\n"
                + "api    │ line 0\n"), text.substring(0, Math.min(300, text.length())));
        assertTrue(text.contains("api    │ line " + (ConsoleView.MAX_PENDING_LINES - 1) + "\n"));
        assertTrue(!text.contains("api    │ line " + ConsoleView.MAX_PENDING_LINES + "\n"));
        assertTrue(text.endsWith("dev    │ dev lines are never dropped\n"));
    }
}
