package dev.cli;

import static dev.cli.RunProject.readyService;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fixtures.Fixtures;
import dev.testing.Await;
import dev.testing.Processes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SPEC §5: an orchestrator killed with SIGKILL leaves nothing behind within a few seconds, with no command —
 * services, a grandchild in a service's group, and a daemon that left the group and session. And when the
 * watchdog died too, {@code dev stop} finds everything from the state file and the run marker.
 */
class WatchdogTest {
    @TempDir
    Path temp;
    RunProject project;
    Path daemonPidfile;
    String runId;
    long orchestrator;
    long daemon;

    @BeforeEach
    void startStack() {
        // Spaces and quotes in the path: the watchdog hands it through sh to the reaper.
        project = new RunProject(temp.resolve("my app's \"stack\""));
        daemonPidfile = project.dir().resolve("daemon.pid");
        project.write("""
                [project]
                stop_timeout = "2s"
                [services.db]
                %s
                [services.cache]
                %s
                [services.api]
                %s
                depends_on = ["db", "cache"]
                """.formatted(readyService(Fixtures.withGrandchild()), readyService(Fixtures.daemonizing(daemonPidfile)),
                readyService(Fixtures.sleeper())));
        RunCli.Result start = project.dev("start", "--wait");
        assertEquals(0, start.code(), start::toString);
        runId = project.runId();
        orchestrator = project.orchestratorPid();
        daemon = Await.value(Duration.ofSeconds(10), () -> readPid(daemonPidfile), "the daemon's pid file");
        Set<Long> running = RunProject.runProcesses(runId);
        assertTrue(running.contains(daemon), "the daemon carries the run marker");
        assertTrue(running.size() >= 5, () -> "db + grandchild, cache + daemon, api: " + RunProject.describe(running));
    }

    @AfterEach
    void cleanUp() {
        project.close();
    }

    @Test
    void reapsEverythingWithinThreeSecondsOfTheOrchestratorsSigkill() {
        long watchdog = RunProject.watchdogOf(orchestrator);

        StopCommandTest.signal("KILL", orchestrator);

        Await.until(Duration.ofSeconds(3), () -> RunProject.runProcesses(runId).isEmpty(),
                () -> "every process of the run gone; left:\n" + RunProject.describe(RunProject.runProcesses(runId)));
        assertFalse(Processes.alive(daemon), "the escaped daemon is reaped too");
        Await.until(Duration.ofSeconds(10), () -> !Processes.alive(watchdog), "the watchdog's reaper finishes");
        assertFalse(Files.exists(project.stateFile()), "the reaper removes the state file");
        RunCli.Result status = project.dev("status");
        assertEquals(3, status.code(), status::toString);
        assertEquals("not running", status.outText(), status::toString);
    }

    @Test
    void devStopReapsARunWhoseOrchestratorAndWatchdogWereBothKilled() {
        long watchdog = RunProject.watchdogOf(orchestrator);
        StopCommandTest.signal("KILL", watchdog);
        Await.until(Duration.ofSeconds(3), () -> !Processes.alive(watchdog), "the watchdog dies");
        StopCommandTest.signal("KILL", orchestrator);
        Await.until(Duration.ofSeconds(3), () -> !Processes.alive(orchestrator), "the orchestrator dies");

        RunCli.Result status = project.dev("status");
        assertEquals(3, status.code(), status::toString);
        assertTrue(status.outText().contains("is gone") && status.outText().contains("dev stop"), status::toString);
        assertTrue(Processes.alive(daemon) && RunProject.runProcesses(runId).size() >= 5,
                "with no watchdog, nothing reaped the run by itself");

        RunCli.Result stop = project.dev("stop");

        assertEquals(0, stop.code(), stop::toString);
        assertTrue(stop.outText().contains("stopped what the last run left behind"), stop::toString);
        assertEquals(Set.of(), RunProject.runProcesses(runId), () -> RunProject.describe(RunProject.runProcesses(runId)));
        assertFalse(Processes.alive(daemon), "the escaped daemon is found by its marker");
        assertFalse(Files.exists(project.stateFile()), "the state file is removed");
    }

    static Long readPid(Path pidfile) {
        try {
            String text = Files.readString(pidfile).trim();
            return text.isEmpty() ? null : Long.valueOf(text);
        } catch (IOException | NumberFormatException e) {
            return null;
        }
    }
}
