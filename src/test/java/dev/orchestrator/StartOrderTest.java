package dev.orchestrator;

import dev.fixtures.Fixtures;
import dev.testing.Await;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static dev.orchestrator.Sh.UP;
import static dev.orchestrator.Sh.UP_CHECK;
import static dev.orchestrator.Sh.toml;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Start ordering on real processes: dependencies first, independent branches in parallel, tasks, checks. */
class StartOrderTest {
    @TempDir
    Path dir;
    TestStack stack;

    @AfterEach
    void cleanUp() throws Exception {
        if (stack != null) {
            stack.close();
        }
    }

    /**
     * The fixture records "listening" after its server started and only then prints "listening on PORT", so
     * the log check makes the recorded time causally precede readiness. (A tcp check would see the port
     * accept connections as soon as it is bound, a moment before the fixture gets to record it.)
     */
    @Test
    void aDependentStartsOnlyAfterItsDependencyIsHealthy() throws Exception {
        Path db = dir.resolve("db.record");
        Path api = dir.resolve("api.record");
        stack = TestStack.started(dir, """
                [services.db]
                command = %s
                port = "auto"
                health = { log = "^listening on" }

                [services.api]
                command = %s
                depends_on = { db = "healthy" }
                """.formatted(
                toml(Fixtures.command("--port", "${port}", "--ready-after", "400ms", "--record", db.toString())),
                toml(Sh.record(api, "started") + "; exec sleep 600")));

        stack.awaitState("api", ServiceState.RUNNING);
        long listening = Records.await(db, "listening", TestStack.WAIT);
        long started = Records.await(api, "started", TestStack.WAIT);
        assertTrue(listening <= started, "db listening at " + listening + ", api started at " + started);
        assertEquals(ServiceState.WAITING, stack.events.states("api").get(0), stack.events::log);
        stack.assertStopsCleanly();
    }

    @Test
    void independentBranchesStartInParallel() throws Exception {
        String slow = toml("sleep 1; echo ready; exec sleep 600");
        stack = TestStack.started(dir, """
                [services.left]
                command = %s
                health = { log = "ready" }

                [services.right]
                command = %s
                health = { log = "ready" }

                [services.top]
                command = %s
                depends_on = ["left", "right"]
                health = %s
                """.formatted(slow, slow, toml(UP), UP_CHECK));

        stack.awaitState("top", ServiceState.HEALTHY);
        var left = stack.firstTransition("left", ServiceState.STARTING).orElseThrow().snapshot().since();
        var right = stack.firstTransition("right", ServiceState.STARTING).orElseThrow().snapshot().since();
        var top = stack.firstTransition("top", ServiceState.STARTING).orElseThrow().snapshot().since();
        Duration apart = Duration.between(left, right).abs();
        assertTrue(apart.compareTo(Duration.ofMillis(300)) < 0, "branches spawned " + apart + " apart");
        Duration total = Duration.between(left.isBefore(right) ? left : right, top);
        assertTrue(total.compareTo(Duration.ofMillis(1700)) < 0,
                "top started " + total + " after the first branch; one at a time would take 2s");
        stack.assertStopsCleanly();
    }

    @Test
    void aTaskCompletesAndUnblocksWhatWaitsForItsCompletion() throws Exception {
        Path migrate = dir.resolve("migrate.record");
        Path api = dir.resolve("api.record");
        stack = TestStack.started(dir, """
                [services.migrate]
                command = %s
                task = true

                [services.api]
                command = %s
                depends_on = { migrate = "completed" }
                health = %s
                """.formatted(toml("sleep 0.2; echo migrated; " + Sh.record(migrate, "exit")),
                toml(Sh.record(api, "started") + "; " + UP), UP_CHECK));

        stack.awaitState("api", ServiceState.HEALTHY);
        assertEquals(ServiceState.COMPLETED, stack.state("migrate"));
        assertEquals(0, stack.service("migrate").exitCode());
        assertTrue(Records.await(migrate, "exit", TestStack.WAIT) <= Records.await(api, "started", TestStack.WAIT));
        assertTrue(stack.orchestrator.snapshot().allUp(), "a completed task counts as up");
        stack.assertStopsCleanly();
    }

    @Test
    void aStackOfTasksEndsByItselfWithZeroOnceTheyCompleted() throws Exception {
        stack = TestStack.started(dir, """
                [services.migrate]
                command = "echo migrating"
                task = true

                [services.seed]
                command = "echo seeding"
                task = true
                depends_on = { migrate = "completed" }
                """);

        assertEquals(0, stack.awaitTerminated(), stack.events::log);
        assertEquals(ServiceState.COMPLETED, stack.state("migrate"));
        assertEquals(ServiceState.COMPLETED, stack.state("seed"));
        stack.assertNoLeftovers();
    }

    @Test
    void aFailingTaskFailsWithItsExitCodeAndOutput() throws Exception {
        stack = TestStack.started(dir, """
                [services.seed]
                command = "echo seeding; echo 'table missing' >&2; exit 4"
                task = true
                """);

        var failed = stack.awaitTransition("seed", ServiceState.FAILED);
        assertEquals(Failure.Kind.EXITED, failed.failure().kind());
        assertTrue(failed.failure().detail().contains("exit code 4"), failed.failure().detail());
        assertTrue(failed.lastLines().contains("table missing"), failed.lastLines().toString());
        assertEquals(4, failed.snapshot().exitCode());
    }

    @Test
    void aLogCheckIsHealthyWhenTheLineAppearsAndNotBefore() throws Exception {
        Path go = dir.resolve("go");
        stack = TestStack.started(dir, """
                [services.web]
                command = %s
                health = { log = "ready on port \\\\d+" }
                """.formatted(toml("echo booting; while [ ! -f go ]; do sleep 0.02; done; echo 'ready on port 8080'; "
                + "exec sleep 600")));

        stack.awaitState("web", ServiceState.STARTING);
        Await.until(TestStack.WAIT, () -> stack.events.log().contains("web: booting"), "first line");
        assertEquals(ServiceState.STARTING, stack.state("web"), "a non-matching line does not make it healthy");
        java.nio.file.Files.createFile(go);
        var healthy = stack.awaitTransition("web", ServiceState.HEALTHY);
        assertEquals("log matched", healthy.snapshot().health());
        stack.assertStopsCleanly();
    }

    @Test
    void aServiceWithoutPortOrCheckIsRunningAfterItsStartPeriod() throws Exception {
        stack = TestStack.started(dir, """
                [services.worker]
                command = "exec sleep 600"
                """);

        stack.awaitState("worker", ServiceState.STARTING);
        var running = stack.awaitState("worker", ServiceState.RUNNING);
        Duration after = Duration.between(running.startedAt(), running.since());
        assertTrue(after.compareTo(Duration.ofSeconds(1)) >= 0, "running only after start_period 1s: " + after);
        assertFalse(stack.events.states("worker").contains(ServiceState.HEALTHY));
        assertTrue(stack.orchestrator.snapshot().allUp());
        stack.assertStopsCleanly();
    }

    @Test
    void aBoundServiceStartsAfterItsTargetIsHealthy() throws Exception {
        stack = TestStack.started(dir, """
                [services.tunnel]
                command = %s
                binds_to = "web"
                health = %s

                [services.web]
                command = "sleep 0.3; echo up; exec sleep 600"
                health = %s
                """.formatted(toml(UP), UP_CHECK, UP_CHECK));
        ServiceSnapshot web = stack.awaitState("web", ServiceState.HEALTHY);
        ServiceSnapshot tunnel = stack.awaitState("tunnel", ServiceState.HEALTHY);
        assertTrue(!tunnel.startedAt().isBefore(web.since()),
                "tunnel waited for web to be healthy: " + stack.events.log());
        stack.assertStopsCleanly();
    }
}
