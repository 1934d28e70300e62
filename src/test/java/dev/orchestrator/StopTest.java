package dev.orchestrator;

import dev.testing.Await;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static dev.orchestrator.Sh.UP;
import static dev.orchestrator.Sh.UP_CHECK;
import static dev.orchestrator.Sh.recordingService;
import static dev.orchestrator.Sh.toml;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Stopping: order, parallel branches, grace and SIGKILL, force, stops during start, binds_to. */
class StopTest {
    /** Runs until killed: SIGTERM is ignored, and the ignored disposition survives the exec. */
    static final String IGNORES_TERM = "trap '' TERM; echo up; exec sleep 600";

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
    void dependentsStopBeforeTheirDependenciesAndBranchesStopInParallel() throws Exception {
        stack = TestStack.started(dir, """
                [services.db]
                command = %s
                health = %s

                [services.api]
                command = %s
                depends_on = ["db"]
                health = %s

                [services.web]
                command = %s
                depends_on = ["api"]
                health = %s

                [services.queue]
                command = %s
                health = %s

                [services.worker]
                command = %s
                depends_on = ["queue"]
                health = %s
                """.formatted(
                toml(recordingService(dir.resolve("db"))), UP_CHECK,
                toml(Sh.slowStoppingService(dir.resolve("api"), "0.5")), UP_CHECK,
                toml(recordingService(dir.resolve("web"))), UP_CHECK,
                toml(recordingService(dir.resolve("queue"))), UP_CHECK,
                toml(recordingService(dir.resolve("worker"))), UP_CHECK));
        stack.awaitState("web", ServiceState.HEALTHY);
        stack.awaitState("worker", ServiceState.HEALTHY);

        stack.assertStopsCleanly();

        long db = Records.await(dir.resolve("db"), "term", TestStack.WAIT);
        long api = Records.await(dir.resolve("api"), "term", TestStack.WAIT);
        long web = Records.await(dir.resolve("web"), "term", TestStack.WAIT);
        long queue = Records.await(dir.resolve("queue"), "term", TestStack.WAIT);
        long worker = Records.await(dir.resolve("worker"), "term", TestStack.WAIT);
        String times = "web " + web + ", api " + api + ", db " + db + ", worker " + worker + ", queue " + queue;
        assertTrue(web <= api && api <= db, "web, then api, then db: " + times);
        assertTrue(worker <= queue, "worker, then queue: " + times);
        assertTrue(db - api >= 500, "db waited for api's half-second shutdown: " + times);
        // Parallelism from the orchestrator's own decisions, which a loaded machine cannot blur: both leaves
        // are sent their signal before either is gone, and the queue branch does not wait for the slow chain.
        assertTrue(since("worker", ServiceState.STOPPING).isBefore(since("web", ServiceState.STOPPED))
                && since("web", ServiceState.STOPPING).isBefore(since("worker", ServiceState.STOPPED)),
                "the two leaves are stopped together\n" + stack.events.log());
        assertTrue(since("queue", ServiceState.STOPPING).isBefore(since("api", ServiceState.STOPPED)),
                "queue is stopped while api still takes its half second\n" + stack.events.log());
    }

    private java.time.Instant since(String service, ServiceState state) {
        return stack.awaitTransition(service, state).snapshot().since();
    }

    @Test
    void aDependencyWaitsForDependentsBehindAFailedServiceInBetween() throws Exception {
        stack = TestStack.started(dir, """
                [services.db]
                command = %s
                health = %s

                [services.api]
                command = "exit 3"
                depends_on = ["db"]

                [services.web]
                command = %s
                depends_on = { api = "started" }
                health = %s
                """.formatted(toml(recordingService(dir.resolve("db"))), UP_CHECK,
                toml(Sh.slowStoppingService(dir.resolve("web"), "0.5")), UP_CHECK));
        stack.awaitState("web", ServiceState.HEALTHY);
        stack.awaitState("api", ServiceState.FAILED);

        stack.assertStopsCleanly();

        long web = Records.await(dir.resolve("web"), "term", TestStack.WAIT);
        long db = Records.await(dir.resolve("db"), "term", TestStack.WAIT);
        assertTrue(db - web >= 500, "db is stopped after web's half-second shutdown: web " + web + ", db " + db);
    }

    @Test
    void aServiceIgnoringTermIsKilledAfterItsStopTimeout() throws Exception {
        stack = TestStack.started(dir, """
                [services.stubborn]
                command = %s
                stop_timeout = "500ms"
                health = %s
                """.formatted(toml(IGNORES_TERM), UP_CHECK));
        stack.awaitState("stubborn", ServiceState.HEALTHY);

        long begin = System.nanoTime();
        stack.assertStopsCleanly();
        Duration took = Duration.ofNanos(System.nanoTime() - begin);

        assertTrue(took.compareTo(Duration.ofMillis(500)) >= 0, "waited out the grace: " + took);
        assertTrue(took.compareTo(Duration.ofMillis(2500)) < 0, "then killed, bounded: " + took);
        var stopped = stack.awaitTransition("stubborn", ServiceState.STOPPED);
        assertTrue(stopped.elapsedMillis() >= 500, "stopped in " + stopped.elapsedMillis() + "ms");
    }

    @Test
    void aSecondForcedStopKillsAtOnce() throws Exception {
        stack = TestStack.started(dir, """
                [services.stubborn]
                command = %s
                stop_timeout = "30s"
                health = %s
                """.formatted(toml(IGNORES_TERM), UP_CHECK));
        stopGracefullyThenForce();
    }

    @Test
    void aSelfDaemonizingServiceStaysUpAfterItsLeaderExitsAndIsStoppedByItsStopCommand() throws Exception {
        stack = TestStack.started(dir, """
                [services.cache]
                command = "setsid sh -c 'echo $$$$ > cache.pid.tmp; mv cache.pid.tmp cache.pid; exec sleep 600' & exit 0"
                stop_command = "echo stopping >> stop-command.ran; kill $(cat cache.pid)"
                health = { exec = "test -f cache.pid", interval = "100ms", start_period = "0s" }
                """);
        stack.awaitState("cache", ServiceState.HEALTHY);
        long daemon = Long.parseLong(Files.readString(dir.resolve("cache.pid")).trim());
        Await.until(TestStack.WAIT, () -> stack.service("cache").exitCode() != null, "the leader exited");
        assertEquals(ServiceState.HEALTHY, stack.state("cache"), "exit 0 with a stop_command: daemonized, still up");

        stack.assertStopsCleanly();

        // Like `redis-cli shutdown`, the stop command returns once it has asked: the daemon may still be
        // exiting when the final marker sweep looks, so whether the sweep also saw it is not asserted.
        assertTrue(Files.exists(dir.resolve("stop-command.ran")), "the stop command ran");
        assertFalse(dev.testing.Processes.alive(daemon));
    }

    @Test
    void aForcedStopDoesNotWaitForAHangingStopCommand() throws Exception {
        stack = TestStack.started(dir, """
                [services.stubborn]
                command = %s
                stop_command = "exec sleep 600"
                stop_timeout = "30s"
                health = %s
                """.formatted(toml(IGNORES_TERM), UP_CHECK));
        stopGracefullyThenForce();
    }

    @Test
    void aStopTimeoutOverridesEveryGracePeriod() throws Exception {
        stack = TestStack.started(dir, """
                [services.stubborn]
                command = %s
                stop_timeout = "30s"
                health = %s
                """.formatted(toml(IGNORES_TERM), UP_CHECK));
        stack.awaitState("stubborn", ServiceState.HEALTHY);

        long begin = System.nanoTime();
        stack.orchestrator.stop(Set.of(), false, Duration.ofMillis(300));
        assertEquals(0, stack.awaitTerminated(), stack.events::log);
        Duration took = Duration.ofNanos(System.nanoTime() - begin);

        assertTrue(took.compareTo(Duration.ofMillis(300)) >= 0 && took.compareTo(Duration.ofSeconds(3)) < 0,
                "the 300ms override, not the 30s stop_timeout: " + took);
        stack.assertNoLeftovers();
    }

    @Test
    void aStopWhileServicesAreStillStartingOrWaitingStopsEverything() throws Exception {
        stack = TestStack.started(dir, """
                [services.db]
                command = "echo booting; exec sleep 600"
                health = { log = "never printed" }

                [services.api]
                command = %s
                depends_on = ["db"]

                [services.web]
                command = %s
                depends_on = ["api"]
                """.formatted(toml(UP), toml(UP)));
        Await.until(TestStack.WAIT, () -> stack.service("db").pid() > 0, "db spawned");
        assertEquals(ServiceState.WAITING, stack.state("api"));

        stack.assertStopsCleanly();

        for (String name : Set.of("db", "api", "web")) {
            assertEquals(ServiceState.STOPPED, stack.state(name), name);
        }
        assertFalse(stack.events.states("api").contains(ServiceState.STARTING), "api never spawned");
    }

    @Test
    void aStopRightAfterStartWhileSpawnsAreInFlightLeavesNothing() throws Exception {
        StringBuilder toml = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            toml.append("[services.s").append(i).append("]\ncommand = ").append(toml(UP)).append('\n');
        }
        stack = TestStack.of(dir, toml.toString());

        stack.orchestrator.start(Set.of());
        stack.orchestrator.stop(Set.of(), false, null);

        assertEquals(0, stack.awaitTerminated(), stack.events::log);
        stack.assertNoLeftovers();
        assertTrue(stack.orchestrator.snapshot().quiescent(), stack.events::log);
    }

    @Test
    void stoppingOneServiceStopsWhatDependsOnItFirstAndLeavesTheRest() throws Exception {
        stack = TestStack.started(dir, """
                [services.db]
                command = %s
                health = %s

                [services.api]
                command = %s
                depends_on = ["db"]
                health = %s

                [services.docs]
                command = %s
                health = %s
                """.formatted(toml(recordingService(dir.resolve("db"))), UP_CHECK,
                toml(recordingService(dir.resolve("api"))), UP_CHECK, toml(UP), UP_CHECK));
        stack.awaitState("api", ServiceState.HEALTHY);
        stack.awaitState("docs", ServiceState.HEALTHY);

        stack.await(stack.orchestrator.stop(Set.of("db"), false, null));

        assertEquals(ServiceState.STOPPED, stack.state("db"));
        assertEquals(ServiceState.STOPPED, stack.state("api"));
        assertEquals(ServiceState.HEALTHY, stack.state("docs"));
        assertFalse(stack.orchestrator.terminated().isDone(), "the run goes on");
        assertTrue(Records.await(dir.resolve("api"), "term", TestStack.WAIT)
                <= Records.await(dir.resolve("db"), "term", TestStack.WAIT));
        stack.assertStopsCleanly();
    }

    @Test
    void aRestartStopsAndStartsTheServiceAndItsDependents() throws Exception {
        stack = TestStack.started(dir, """
                [services.db]
                command = %s
                health = %s

                [services.api]
                command = %s
                depends_on = ["db"]
                health = %s
                """.formatted(toml(UP), UP_CHECK, toml(UP), UP_CHECK));
        stack.awaitState("api", ServiceState.HEALTHY);
        long dbPid = stack.service("db").pid();
        long apiPid = stack.service("api").pid();

        stack.await(stack.orchestrator.restart(Set.of("db")));

        assertEquals(ServiceState.HEALTHY, stack.state("db"), stack.events::log);
        assertEquals(ServiceState.HEALTHY, stack.state("api"), stack.events::log);
        assertTrue(stack.service("db").pid() != dbPid && stack.service("api").pid() != apiPid, "new processes");
        assertFalse(dev.testing.Processes.alive(dbPid) || dev.testing.Processes.alive(apiPid), "old ones gone");
        stack.assertStopsCleanly();
    }

    /** web stops at once, worker takes half a second: web must not come back while api still waits. */
    @Test
    void aRestartedDependencyIsUpAgainBeforeItsDependentsStart() throws Exception {
        stack = TestStack.started(dir, """
                [services.db]
                command = %s
                health = %s

                [services.api]
                command = %s
                depends_on = ["db"]
                health = %s

                [services.web]
                command = %s
                depends_on = ["api"]
                health = %s

                [services.worker]
                command = %s
                depends_on = ["api"]
                health = %s
                """.formatted(toml(UP), UP_CHECK, toml(UP), UP_CHECK, toml(UP), UP_CHECK,
                toml(Sh.slowStoppingService(dir.resolve("worker"), "0.5")), UP_CHECK));
        stack.awaitState("web", ServiceState.HEALTHY);
        stack.awaitState("worker", ServiceState.HEALTHY);
        long apiPid = stack.service("api").pid();

        stack.await(stack.orchestrator.restart(Set.of("api")));

        ServiceSnapshot api = stack.service("api");
        ServiceSnapshot web = stack.service("web");
        assertEquals(ServiceState.HEALTHY, api.state(), stack.events::log);
        assertEquals(ServiceState.HEALTHY, web.state(), stack.events::log);
        assertTrue(api.pid() != apiPid, "api was restarted, not only its dependents: " + stack.events.log());
        assertFalse(dev.testing.Processes.alive(apiPid), "the old api is gone");
        assertTrue(!web.startedAt().isBefore(api.since()),
                "web started after the new api was healthy: " + stack.events.log());
        stack.assertStopsCleanly();
    }

    @Test
    void aBoundServiceIsStoppedWhenItsTargetFails() throws Exception {
        stack = TestStack.started(dir, """
                [services.web]
                command = "echo up; while [ ! -f crash ]; do sleep 0.02; done; exit 1"
                health = %s

                [services.tunnel]
                command = %s
                binds_to = "web"
                health = %s
                """.formatted(UP_CHECK, toml(UP), UP_CHECK));
        stack.awaitState("web", ServiceState.HEALTHY);
        stack.awaitState("tunnel", ServiceState.HEALTHY);
        long tunnelPid = stack.service("tunnel").pid();

        Files.createFile(dir.resolve("crash"));

        var failed = stack.awaitTransition("web", ServiceState.FAILED);
        assertEquals(Failure.Kind.EXITED, failed.failure().kind());
        stack.awaitState("tunnel", ServiceState.STOPPED);
        assertTrue(stack.events.states("tunnel").contains(ServiceState.STOPPING));
        assertFalse(dev.testing.Processes.alive(tunnelPid));
    }

    @Test
    void aBoundServiceIsStoppedBeforeItsTarget() throws Exception {
        stack = TestStack.started(dir, """
                [services.web]
                command = %s
                health = %s

                [services.tunnel]
                command = %s
                binds_to = "web"
                health = %s
                """.formatted(toml(recordingService(dir.resolve("web"))), UP_CHECK,
                toml(recordingService(dir.resolve("tunnel"))), UP_CHECK));
        stack.awaitState("web", ServiceState.HEALTHY);
        stack.awaitState("tunnel", ServiceState.HEALTHY);

        stack.await(stack.orchestrator.stop(Set.of("web"), false, null));

        assertEquals(ServiceState.STOPPED, stack.state("tunnel"));
        assertTrue(Records.await(dir.resolve("tunnel"), "term", TestStack.WAIT)
                <= Records.await(dir.resolve("web"), "term", TestStack.WAIT));
        stack.assertStopsCleanly();
    }

    /**
     * Asks "stubborn" (healthy, ignoring SIGTERM, a 30 s stop_timeout) to stop, then to stop by force while it is
     * still stopping: everything must be gone long before the grace period would have ended.
     */
    private void stopGracefullyThenForce() throws Exception {
        stack.awaitState("stubborn", ServiceState.HEALTHY);

        long begin = System.nanoTime();
        stack.orchestrator.stop(Set.of(), false, null);
        stack.awaitState("stubborn", ServiceState.STOPPING);
        stack.orchestrator.stop(Set.of(), true, null);
        assertEquals(0, stack.awaitTerminated(), stack.events::log);
        Duration took = Duration.ofNanos(System.nanoTime() - begin);

        assertTrue(took.compareTo(Duration.ofSeconds(3)) < 0, "not the 30s grace: " + took);
        stack.assertNoLeftovers();
    }
}
