package dev.cli;

import static dev.cli.RunProject.readyService;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fixtures.Fixtures;
import dev.process.ProcessPlatform;
import dev.testing.Await;
import dev.testing.Processes;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dev stop} from another shell: against a live orchestrator, a dead one's records, and a hung one. */
class StopCommandTest {
    private static final Duration UP = Duration.ofSeconds(30);
    private static final String TWO_SERVICES = """
            [project]
            stop_timeout = "2s"
            [services.db]
            %s
            [services.api]
            %s
            depends_on = ["db"]
            """.formatted(readyService(Fixtures.withGrandchild()), readyService(Fixtures.sleeper()));

    @TempDir
    Path temp;
    RunProject project;

    @AfterEach
    void cleanUp() {
        project.close();
    }

    @Test
    void stopsAForegroundStartFromASecondProcess() throws Exception {
        project = new RunProject(temp.resolve("shop")).write(TWO_SERVICES);
        RunCli.Running start = project.spawn("start");
        start.awaitLine(l -> l.contains("stack is up"), UP, "the 'stack is up' line");
        String runId = project.runId();
        long db = project.servicePid("db");
        long api = project.servicePid("api");
        assertTrue(RunProject.runProcesses(runId).size() >= 3, "db, its grandchild and api run");

        RunCli.Result stopApi = project.dev("stop", "api");
        assertEquals(0, stopApi.code(), stopApi::toString);
        assertTrue(stopApi.outText().contains("stopped api"), stopApi::toString);
        assertFalse(Processes.alive(api), "the named service is stopped");
        assertTrue(Processes.alive(db) && start.process().isAlive(), () -> "the rest keeps running: db alive "
                + Processes.alive(db) + "\n" + String.join("\n", start.out()) + "\n" + String.join("\n", start.err()));

        RunCli.Result stop = project.dev("stop");

        assertEquals(0, stop.code(), stop::toString);
        assertTrue(stop.outText().contains("stopped the stack"), stop::toString);
        RunCli.Result started = start.await(Duration.ofSeconds(15));
        assertEquals(0, started.code(), started::toString);
        assertEquals(Set.of(), RunProject.runProcesses(runId), () -> RunProject.describe(RunProject.runProcesses(runId)));
        assertFalse(Processes.alive(db));
        assertFalse(Files.exists(project.stateFile()), "the state file is removed on a clean stop");
        assertEquals("", Files.readString(project.runDir().resolve("watchdog.log")), "the watchdog left without reaping");
        RunCli.Result again = project.dev("stop");
        assertEquals(0, again.code(), again::toString);
        assertTrue(again.outText().contains("nothing is running"), again::toString);
    }

    @Test
    void neverSignalsAProcessWhosePidWasReused() throws Exception {
        project = new RunProject(temp.resolve("reuse")).write(TWO_SERVICES);
        // A process of somebody else's that happens to have the recorded pid: its own session, so pid == pgid.
        Process stranger = new ProcessBuilder(ProcessPlatform.inNewSession(List.of("sleep", "60")))
                .redirectInput(new File("/dev/null")).start();
        long pid = project.track(stranger.pid());
        Await.until(Duration.ofSeconds(5), () -> ProcessPlatform.current().info(pid)
                .map(p -> p.pgid() == pid && p.commandLine().startsWith("sleep")).orElse(false), "sleep in its own group");
        Files.createDirectories(project.runDir());
        Files.writeString(project.stateFile(), stateRecording("api", pid, Instant.parse("2001-02-03T04:05:06Z")));

        RunCli.Result stop = project.dev("stop", "--timeout", "500ms");

        assertEquals(0, stop.code(), stop::toString);
        assertTrue(stop.outText().contains("nothing was left running"), stop::toString);
        assertTrue(Processes.alive(pid), "a process whose start time differs from the record is never signalled");
        assertFalse(Files.exists(project.stateFile()), "the stale record is dropped");
    }

    @Test
    void stopsTheServicesOfAHungOrchestratorAndTheOrchestratorItself() {
        project = new RunProject(temp.resolve("hung")).write(TWO_SERVICES);
        RunCli.Result start = project.dev("start", "--wait");
        assertEquals(0, start.code(), start::toString);
        String runId = project.runId();
        long orchestrator = project.orchestratorPid();
        project.awaitRecordedUp(); // what status will show once the orchestrator cannot answer
        signal("STOP", orchestrator);
        try {
            long began = System.nanoTime();
            RunCli.Result status = project.dev("status");
            Duration took = Duration.ofNanos(System.nanoTime() - began);

            assertTrue(status.errText().contains("is not responding"), status::toString);
            assertTrue(status.outText().contains("db") && status.outText().contains("healthy"), status::toString);
            assertTrue(took.compareTo(Duration.ofMillis(4500)) < 0, "answered from the state file in " + took.toMillis() + " ms");

            long restartBegan = System.nanoTime();
            RunCli.Result restart = project.dev("restart", "api");
            Duration restartTook = Duration.ofNanos(System.nanoTime() - restartBegan);
            assertEquals(1, restart.code(), restart::toString);
            assertTrue(restart.errText().contains("not responding") && restart.errText().contains("dev stop"),
                    restart::toString);
            assertTrue(restartTook.compareTo(Duration.ofMillis(4500)) < 0, "gave up in " + restartTook.toMillis() + " ms");

            RunCli.Result stop = project.dev("stop", "--timeout", "1s");

            assertEquals(0, stop.code(), stop::toString);
            assertTrue(stop.outText().contains("not responding"), stop::toString);
            assertEquals(Set.of(), RunProject.runProcesses(runId), () -> RunProject.describe(RunProject.runProcesses(runId)));
            Await.until(Duration.ofSeconds(3), () -> !Processes.alive(orchestrator), "the hung orchestrator is killed");
            RunCli.Result after = project.dev("status");
            assertEquals(3, after.code(), after::toString);
        } finally {
            signal("CONT", orchestrator);
        }
    }

    static void signal(String name, long pid) {
        try {
            Process kill = new ProcessBuilder("kill", "-s", name, Long.toString(pid)).inheritIO().start();
            assertEquals(0, kill.waitFor(), "kill -s " + name + " " + pid);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** A state file as a dead orchestrator would have left it, recording one service's pid and start time. */
    static String stateRecording(String service, long pid, Instant processStart) {
        return """
                {
                  "schema": 1, "project": "reuse", "run_id": "test-reused-pid", "started_at": "2001-02-03T04:05:00Z",
                  "stopping": false, "ok": true, "root": "/nonexistent",
                  "orchestrator": {"pid": 999999999, "process_start": "2001-02-03T04:04:59Z"},
                  "updated_at": "2001-02-03T04:05:07Z",
                  "services": [{"name": "%s", "state": "running", "pid": %d, "pgid": %d,
                                "process_start": "%s", "port": null, "url": null,
                                "since": "2001-02-03T04:05:06Z", "started_at": "2001-02-03T04:05:06Z",
                                "restarts": 0, "exit_code": null, "failure": null, "waiting_for": [],
                                "health": null, "optional": false, "task": false}],
                  "stop_levels": [["%s"]],
                  "stop": {"%s": {"signal": "SIGTERM", "timeout_ms": 500, "keep_detached": false}}
                }
                """.formatted(service, pid, pid, processStart, service, service);
    }
}
