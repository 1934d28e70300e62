package dev.orchestrator;

import dev.testing.Await;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static dev.orchestrator.Sh.UP;
import static dev.orchestrator.Sh.UP_CHECK;
import static dev.orchestrator.Sh.toml;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Health after start (healthy ⇄ unhealthy) and the restart policy, on real processes and real checks. */
class HealthAndRestartTest {
    @TempDir
    Path dir;
    TestStack stack;

    @AfterEach
    void cleanUp() throws Exception {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void aHealthyServiceTurnsUnhealthyAfterRetriesFailuresAndRecovers() throws Exception {
        Path marker = dir.resolve("healthy");
        Files.createFile(marker);
        stack = TestStack.started(dir, """
                [services.api]
                command = "exec sleep 600"
                health = { exec = "test -f healthy", interval = "100ms", timeout = "1s", retries = 3, start_period = "0s" }
                """);
        stack.awaitState("api", ServiceState.HEALTHY);

        Instant deleted = Instant.now();
        Files.delete(marker);
        var unhealthy = stack.awaitState("api", ServiceState.UNHEALTHY);
        Duration after = Duration.between(deleted, unhealthy.since());
        assertTrue(after.compareTo(Duration.ofMillis(200)) >= 0,
                "three failures 100ms apart, not the first one: " + after);
        assertTrue(unhealthy.health().contains("exit 1"), unhealthy.health());

        Files.createFile(marker);
        stack.awaitState("api", ServiceState.HEALTHY);
        assertEquals(List.of(ServiceState.STARTING, ServiceState.HEALTHY, ServiceState.UNHEALTHY, ServiceState.HEALTHY),
                stack.events.states("api"));
        assertEquals(0, stack.service("api").restarts(), "unhealthy is reported, not acted on");
        stack.assertStopsCleanly();
    }

    @Test
    void aCrashedServiceIsRestartedAndComesBackHealthy() throws Exception {
        stack = TestStack.started(dir, """
                [services.api]
                command = "echo up; while [ ! -f crash ]; do sleep 0.02; done; rm crash; exit 1"
                restart = "on-failure"
                health = %s
                """.formatted(UP_CHECK));
        stack.awaitState("api", ServiceState.HEALTHY);
        long firstPid = stack.service("api").pid();

        Files.createFile(dir.resolve("crash"));

        var restarting = stack.awaitTransition("api", ServiceState.WAITING);
        assertEquals(Failure.Kind.EXITED, restarting.failure().kind());
        assertEquals(List.of("restart in 50ms"), restarting.snapshot().waitingFor());
        Await.until(TestStack.WAIT, () -> stack.service("api").restarts() == 1
                && stack.state("api") == ServiceState.HEALTHY, () -> "healthy again\n" + stack.events.log());
        assertTrue(stack.service("api").pid() != firstPid, "a new process");
        stack.assertStopsCleanly();
    }

    @Test
    void aServiceThatKeepsCrashingBacksOffThenFailsAsACrashLoop() throws Exception {
        stack = TestStack.started(dir, """
                [services.api]
                command = "echo attempt; exit 1"
                restart = "on-failure"
                """);

        var failed = stack.awaitTransition("api", ServiceState.FAILED);
        assertEquals(Failure.Kind.CRASH_LOOP, failed.failure().kind());
        assertTrue(failed.failure().detail().contains("5 times"), failed.failure().detail());
        assertTrue(failed.lastLines().contains("attempt"), failed.lastLines().toString());
        assertEquals(4, failed.snapshot().restarts());

        List<String> announced = stack.events.transitions("api").stream()
                .filter(t -> t.to() == ServiceState.WAITING).flatMap(t -> t.snapshot().waitingFor().stream()).toList();
        assertEquals(List.of("restart in 50ms", "restart in 100ms", "restart in 200ms", "restart in 200ms"), announced);
        List<Instant> spawns = stack.events.transitions("api").stream()
                .filter(t -> t.to() == ServiceState.STARTING).map(t -> t.snapshot().since()).toList();
        assertEquals(5, spawns.size(), stack.events::log);
        long[] minimumGaps = {50, 100, 200, 200};
        for (int i = 0; i < minimumGaps.length; i++) {
            long gap = Duration.between(spawns.get(i), spawns.get(i + 1)).toMillis();
            assertTrue(gap >= minimumGaps[i], "restart " + (i + 1) + " after " + gap + "ms, backoff is "
                    + minimumGaps[i] + "ms");
        }
        assertEquals(1, stack.awaitTerminated(), "nothing left to run, a required service failed");
        stack.assertNoLeftovers();
    }

    @Test
    void restartAlwaysRestartsAServiceThatExitedCleanly() throws Exception {
        stack = TestStack.started(dir, """
                [services.poller]
                command = %s
                restart = "always"
                health = %s
                """.formatted(toml("echo up; while [ ! -f done ]; do sleep 0.02; done; rm done; exit 0"), UP_CHECK));
        stack.awaitState("poller", ServiceState.HEALTHY);

        Files.createFile(dir.resolve("done"));

        Await.until(TestStack.WAIT, () -> stack.service("poller").restarts() == 1
                && stack.state("poller") == ServiceState.HEALTHY, () -> "restarted\n" + stack.events.log());
        stack.assertStopsCleanly();
    }

    @Test
    void aBackoffTimerDoesNotStartAServiceThatARestartMadeWaitForItsDependency() throws Exception {
        stack = TestStack.startedWithRestarts(dir, """
                [services.db]
                command = "if [ -f db.started ]; then sleep 1; fi; touch db.started; echo up; exec sleep 600"
                health = %s

                [services.api]
                command = "if [ ! -f api.crashed ]; then touch api.crashed; exit 1; fi; echo up; exec sleep 600"
                restart = "on-failure"
                depends_on = ["db"]
                health = %s
                """.formatted(UP_CHECK, UP_CHECK), new RestartBackoff.Timing(Duration.ofMillis(400),
                Duration.ofMillis(400), Duration.ofSeconds(60), 5));
        Await.until(TestStack.WAIT, () -> stack.events.transitions("api").stream()
                .anyMatch(t -> t.to() == ServiceState.WAITING && t.failure() != null),
                () -> "api crashed, its restart due in 400ms\n" + stack.events.log());

        stack.orchestrator.restart(java.util.Set.of("db")); // db takes 1s to come back; api must wait for it

        stack.awaitState("api", ServiceState.HEALTHY, Duration.ofSeconds(5));
        List<OrchestratorListener.Transition> db = stack.events.transitions("db").stream()
                .filter(t -> t.to() == ServiceState.HEALTHY).toList();
        List<OrchestratorListener.Transition> api = stack.events.transitions("api").stream()
                .filter(t -> t.to() == ServiceState.STARTING).toList();
        assertEquals(2, db.size(), stack.events::log);
        Instant dbBack = db.get(1).snapshot().since();
        Instant apiRespawned = api.get(api.size() - 1).snapshot().since();
        assertTrue(!apiRespawned.isBefore(dbBack), "api spawned at " + apiRespawned + ", db healthy again at "
                + dbBack + "\n" + stack.events.log());
        stack.assertStopsCleanly();
    }

    @Test
    void aStopDuringTheBackoffCancelsTheRestart() throws Exception {
        stack = TestStack.started(dir, """
                [services.api]
                command = "exit 1"
                restart = "on-failure"

                [services.web]
                command = %s
                health = %s
                """.formatted(toml(UP), UP_CHECK));
        stack.awaitTransition("api", ServiceState.WAITING);

        stack.assertStopsCleanly();
        assertEquals(ServiceState.STOPPED, stack.state("api"));
    }
}
