package dev.process;

import dev.config.Signal;
import dev.fixtures.Fixtures;
import dev.testing.Await;
import dev.testing.CapturedOutput;
import dev.testing.ProcessCleanup;
import dev.testing.Processes;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.process.SpawnTest.BASE_ENV;
import static dev.process.SpawnTest.WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Graceful stop, escalation and stop commands against real process groups. */
class GroupStopperTest {
    static final Duration SHORT_GRACE = Duration.ofMillis(300);
    static final Duration LONG_GRACE = Duration.ofSeconds(20);

    final ProcessPlatform platform = ProcessPlatform.current();
    final GroupStopper stopper = new GroupStopper();
    @AutoClose // kills every process group a test registered, after each test
    final ProcessCleanup cleanup = new ProcessCleanup();
    @TempDir
    Path dir;

    SpawnedProcess spawn(String command) throws SpawnException {
        SpawnedProcess spawned = platform.spawn(new SpawnSpec("stopper", command, dir, BASE_ENV));
        cleanup.group(spawned.pgid());
        CapturedOutput.of(spawned);
        return spawned;
    }

    /** Waits until the process has exec'd its final program, so a signal meets the program's own handling. */
    void awaitCommand(SpawnedProcess spawned, String commandLine) {
        Await.until(WAIT, () -> platform.info(spawned.pid()).map(i -> i.commandLine().equals(commandLine))
                .orElse(false), "running " + commandLine);
    }

    @Test
    void aProcessThatExitsOnTheSignalIsNotKilled() throws Exception {
        SpawnedProcess spawned = spawn(Fixtures.sleeper());

        StopOutcome outcome = stopper.stop(spawned.pgid(), Signal.TERM, LONG_GRACE, platform);

        assertTrue(outcome.wasRunning());
        assertFalse(outcome.killed());
        assertTrue(outcome.empty());
        assertTrue(outcome.took().compareTo(Duration.ofSeconds(5)) < 0, outcome::toString);
        assertEquals(143, spawned.process().waitFor(), "ended by SIGTERM, not SIGKILL");
    }

    @Test
    void aProcessIgnoringTheSignalIsKilledAfterTheGrace() throws Exception {
        SpawnedProcess spawned = spawn(Fixtures.ignoringTerm());
        awaitCommand(spawned, "sleep 600");

        StopOutcome outcome = stopper.stop(spawned.pgid(), Signal.TERM, SHORT_GRACE, platform);

        assertTrue(outcome.wasRunning());
        assertTrue(outcome.killed());
        assertTrue(outcome.empty());
        assertTrue(outcome.took().compareTo(SHORT_GRACE) >= 0, outcome::toString);
        assertEquals(137, spawned.process().waitFor());
    }

    @Test
    void theJvmFixtureIgnoringTermIsKilledAndRecordsTheTerm() throws Exception {
        Path record = dir.resolve("record");
        SpawnedProcess spawned = spawn(Fixtures.command("--ignore-term", "--record", record.toString()));
        Await.until(WAIT, () -> events(record).contains("started"), "fixture started");

        StopOutcome outcome = stopper.stop(spawned.pgid(), Signal.TERM, Duration.ofMillis(800), platform);

        assertTrue(outcome.killed(), outcome::toString);
        assertTrue(outcome.empty());
        assertEquals(List.of("started", "term"), events(record), "survived TERM, no clean exit");
    }

    @Test
    void theJvmFixtureExitsPromptlyOnTerm() throws Exception {
        Path record = dir.resolve("record");
        SpawnedProcess spawned = spawn(Fixtures.command("--record", record.toString()));
        Await.until(WAIT, () -> events(record).contains("started"), "fixture started");

        StopOutcome outcome = stopper.stop(spawned.pgid(), Signal.TERM, LONG_GRACE, platform);

        assertFalse(outcome.killed(), outcome::toString);
        assertTrue(outcome.empty());
        assertEquals(List.of("started", "term", "exit"), events(record));
    }

    @Test
    void grandchildrenAreStoppedWithTheGroup() throws Exception {
        SpawnedProcess spawned = spawn(Fixtures.withGrandchild());
        List<ProcessInfo> members = Await.value(WAIT, () -> {
            List<ProcessInfo> now = platform.groupMembers(spawned.pgid());
            return now.size() == 2 ? now : null;
        }, "two members");

        // TERM, not INT: a non-interactive shell starts background commands with SIGINT ignored (POSIX)
        StopOutcome outcome = stopper.stop(spawned.pgid(), Signal.TERM, LONG_GRACE, platform);

        assertFalse(outcome.killed(), outcome::toString);
        assertTrue(outcome.empty());
        members.forEach(m -> assertFalse(Processes.alive(m.pid()), () -> m + " survived"));
    }

    @Test
    void aStoppedProcessIsWokenToHandleTheSignal() throws Exception {
        SpawnedProcess spawned = spawn("trap 'exit 0' TERM; while :; do sleep 0.05; done");
        Await.until(WAIT, () -> platform.groupMembers(spawned.pgid()).size() == 2, "loop running");
        // Re-sent until it shows: a STOP that lands while the shell forks its next sleep can leave the
        // new child running and the shell woken by it on a loaded machine.
        Await.until(WAIT, () -> {
            platform.signalGroup(spawned.pgid(), Signal.STOP);
            return platform.info(spawned.pid()).map(i -> i.state() == 'T').orElse(false);
        }, "stopped");

        StopOutcome outcome = stopper.stop(spawned.pgid(), Signal.TERM, LONG_GRACE, platform);

        assertFalse(outcome.killed(), outcome::toString);
        assertTrue(outcome.empty());
    }

    @Test
    void anEmptyGroupWasNotRunning() throws Exception {
        SpawnedProcess spawned = spawn("exit 0");
        spawned.process().waitFor();

        StopOutcome outcome = stopper.stop(spawned.pgid(), Signal.TERM, LONG_GRACE, platform);

        assertEquals(false, outcome.wasRunning());
        assertFalse(outcome.killed());
        assertTrue(outcome.empty());
    }

    @Test
    void anInterruptEndsTheGraceAtOnceAndIsPreserved() throws Exception {
        SpawnedProcess spawned = spawn(Fixtures.ignoringTerm());
        awaitCommand(spawned, "sleep 600");

        Thread.currentThread().interrupt();
        StopOutcome outcome = stopper.stop(spawned.pgid(), Signal.TERM, LONG_GRACE, platform);
        boolean stillInterrupted = Thread.interrupted();

        assertTrue(stillInterrupted, "the interrupt is restored for the caller");
        assertTrue(outcome.killed());
        assertTrue(outcome.empty());
        assertTrue(outcome.took().compareTo(Duration.ofSeconds(5)) < 0, outcome::toString);
    }

    @Test
    void aStopCommandThatEndsTheServiceAvoidsTheKill() throws Exception {
        SpawnedProcess spawned = spawn(Fixtures.ignoringTerm());
        Map<String, String> env = new HashMap<>(BASE_ENV);
        env.put("TARGET", Long.toString(spawned.pid()));

        StopOutcome outcome = stopper.stopWithCommand("kill -s KILL \"$TARGET\"", dir, env, spawned.pgid(),
                LONG_GRACE, platform);

        assertTrue(outcome.wasRunning());
        assertFalse(outcome.killed(), "the stop command did it");
        assertTrue(outcome.empty());
        assertTrue(outcome.took().compareTo(Duration.ofSeconds(5)) < 0, outcome::toString);
    }

    @Test
    void aHangingStopCommandIsKilledAndTheServiceToo() throws Exception {
        SpawnedProcess spawned = spawn(Fixtures.ignoringTerm());
        Path pidfile = cleanup.pidfile(dir.resolve("stop-command.pid"));

        StopOutcome outcome = stopper.stopWithCommand("echo $$ > stop-command.pid; exec sleep 600", dir, BASE_ENV,
                spawned.pgid(), SHORT_GRACE, platform);

        assertTrue(outcome.killed());
        assertTrue(outcome.empty());
        long stopCommand = Long.parseLong(Files.readString(pidfile).trim());
        assertFalse(Processes.alive(stopCommand), "the stop command outlived the grace and was killed");
    }

    @Test
    void theStopCommandRunsEvenWhenTheGroupIsAlreadyEmpty() throws Exception {
        SpawnedProcess spawned = spawn("exit 0"); // a service that daemonized: its own group is gone at once
        spawned.process().waitFor();
        Path marker = dir.resolve("stop-ran");

        StopOutcome outcome = stopper.stopWithCommand("sleep 0.1; touch stop-ran", dir, BASE_ENV, spawned.pgid(),
                LONG_GRACE, platform);

        assertFalse(outcome.wasRunning());
        assertFalse(outcome.killed());
        assertTrue(Files.exists(marker), "waited for the stop command to finish");
    }

    @Test
    void aStopCommandThatCannotStartFallsBackToTerm() throws Exception {
        SpawnedProcess spawned = spawn(Fixtures.sleeper());

        StopOutcome outcome = stopper.stopWithCommand("no-such-stop-tool-dev-test", dir, BASE_ENV, spawned.pgid(),
                LONG_GRACE, platform);

        assertFalse(outcome.killed());
        assertTrue(outcome.empty());
        assertEquals(143, spawned.process().waitFor());
    }

    static List<String> events(Path record) {
        try {
            return Files.exists(record)
                    ? Files.readAllLines(record).stream().map(line -> line.split(" ")[0]).toList()
                    : List.of();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
