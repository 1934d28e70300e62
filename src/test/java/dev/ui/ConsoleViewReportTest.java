package dev.ui;

import dev.logs.LogRecord;
import dev.orchestrator.Failure;
import dev.orchestrator.OrchestratorListener.Transition;
import dev.orchestrator.ServiceSnapshot;
import dev.orchestrator.ServiceState;
import dev.orchestrator.StackSnapshot;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The plain foreground view, byte for byte: what a user sees in a pipe or a CI log. */
class ConsoleViewReportTest {
    static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

    final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    ConsoleView view(boolean colour) {
        return new ConsoleView(new PrintStream(bytes, true, StandardCharsets.UTF_8), new Ansi(colour),
                List.of("db", "api", "frontend"), T0);
    }

    String printed() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    static ServiceSnapshot service(String name, ServiceState state, Failure failure, List<String> waitingFor,
                                   String health, int restarts) {
        return new ServiceSnapshot(name, state, 0, 0, null, null, null, T0, null, restarts, null, failure,
                waitingFor, health, false, false);
    }

    static Transition transition(String name, ServiceState from, ServiceState to, long millis) {
        return new Transition(name, from, to, millis, null, List.of(),
                service(name, to, null, List.of(), null, 0));
    }

    @Test
    void plainOutputIsAlignedAndCarriesNoEscapeBytes() {
        Failure crash = new Failure(Failure.Kind.CRASHED_ON_START, "exit code 3 while starting",
                "run the command by hand to see why, or read its output below");
        try (ConsoleView view = view(false)) {
            view.devLine("starting shop: db → api → frontend");
            view.transition(new Transition("api", ServiceState.PENDING, ServiceState.WAITING, 0, null, List.of(),
                    service("api", ServiceState.WAITING, null, List.of("db healthy"), null, 0)));
            view.transition(transition("db", ServiceState.PENDING, ServiceState.STARTING, 0));
            view.output("db", LogRecord.Stream.OUT, "\u001b[32mLOG\u001b[0m:  database system is ready");
            view.transition(new Transition("db", ServiceState.STARTING, ServiceState.HEALTHY, 1300, null, List.of(),
                    service("db", ServiceState.HEALTHY, null, List.of(), "connected", 0)));
            view.output("frontend", LogRecord.Stream.ERR, "vite: config not found");
            view.transition(new Transition("frontend", ServiceState.STARTING, ServiceState.FAILED, 210, crash,
                    List.of("loading vite.config.ts", "vite: config not found"),
                    service("frontend", ServiceState.FAILED, crash, List.of(), null, 0)));
            view.transition(transition("db", ServiceState.STOPPING, ServiceState.STOPPED, 42));
        }

        assertEquals("""
                dev      │ starting shop: db → api → frontend
                dev      │ … api waiting for db healthy
                dev      │ ▸ db starting
                db       │ LOG:  database system is ready
                dev      │ ● db healthy in 1.3s
                frontend │ vite: config not found
                dev      │ ✖ frontend failed: crashed_on_start: exit code 3 while starting
                         │   hint: run the command by hand to see why, or read its output below
                         │   last output of frontend:
                         │   │ loading vite.config.ts
                         │   │ vite: config not found
                dev      │ ■ db stopped in 42ms
                """, printed());
    }

    @Test
    void aSkippedServiceShowsItsHintButNoOutputItNeverHad() {
        Failure skipped = new Failure(Failure.Kind.DEPENDENCY_FAILED, "required dependency db failed",
                "fix db first, or mark it optional = true");
        try (ConsoleView view = view(false)) {
            view.transition(new Transition("api", ServiceState.WAITING, ServiceState.SKIPPED, 0, skipped,
                    List.of("a line from an earlier run"), service("api", ServiceState.SKIPPED, skipped, List.of(),
                    null, 0)));
        }

        assertEquals("""
                dev      │ ○ api skipped: required dependency db failed
                         │   hint: fix db first, or mark it optional = true
                """, printed());
    }

    @Test
    void theStackIsAnnouncedUpOnceWithItsAddresses() {
        ServiceSnapshot db = new ServiceSnapshot("db", ServiceState.HEALTHY, 10, 10, T0, 5432, "127.0.0.1:5432",
                T0, T0, 0, null, null, List.of(), null, false, false);
        ServiceSnapshot api = new ServiceSnapshot("api", ServiceState.HEALTHY, 11, 11, T0, 8080,
                "http://127.0.0.1:8080/", T0, T0, 0, null, null, List.of(), null, false, false);
        ServiceSnapshot frontend = new ServiceSnapshot("frontend", ServiceState.STARTING, 12, 12, T0, null, null,
                T0, T0, 0, null, null, List.of(), null, true, false);
        StackSnapshot up = new StackSnapshot("shop", "run", T0, List.of(db, api, frontend), false);
        try (ConsoleView view = view(false)) {
            view.snapshot(up);
            view.snapshot(up);
        }

        String text = printed();
        assertTrue(text.matches("dev      │ ✔ stack is up in \\S+: db 127\\.0\\.0\\.1:5432  api http://127\\.0\\.0\\.1:8080/\n"),
                text);
    }

    @Test
    void colourIsOnlyThereWhenAskedFor() {
        try (ConsoleView view = view(true)) {
            view.output("db", LogRecord.Stream.OUT, "\u001b[32mgreen\u001b[0m");
            view.transition(transition("db", ServiceState.STARTING, ServiceState.HEALTHY, 5));
        }
        assertTrue(printed().contains("\u001b["), "colour on: SGR sequences");
        assertTrue(printed().contains("\u001b[32mgreen"), "the service's own colour is kept");

        bytes.reset();
        try (ConsoleView view = view(false)) {
            view.output("db", LogRecord.Stream.OUT, "\u001b[32mgreen\u001b[0m");
            view.transition(transition("db", ServiceState.STARTING, ServiceState.HEALTHY, 5));
        }
        assertFalse(printed().contains("\u001b"), "colour off: not a single ESC byte");
    }
}
