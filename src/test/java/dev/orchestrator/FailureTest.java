package dev.orchestrator;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static dev.orchestrator.Sh.UP;
import static dev.orchestrator.Sh.UP_CHECK;
import static dev.orchestrator.Sh.toml;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every failure reason of SPEC §4 from a real cause, and what a failure does to the rest of the stack. */
class FailureTest {
    @TempDir
    Path dir;
    TestStack stack;

    @AfterEach
    void cleanUp() throws Exception {
        if (stack != null) {
            stack.close();
        }
    }

    /** Starts a stack with one service {@code svc} and returns its FAILED transition. */
    OrchestratorListener.Transition failureOf(String serviceTable) throws Exception {
        stack = TestStack.started(dir, "[services.svc]\n" + serviceTable);
        OrchestratorListener.Transition failed = stack.awaitTransition("svc", ServiceState.FAILED);
        assertNotNull(failed.failure(), stack.events::log);
        assertFalse(failed.failure().suggestion().isBlank(), "every failure comes with a suggestion");
        return failed;
    }

    @Test
    void portInUseNamesTheHoldersPidAndCommand() throws Exception {
        try (ServerSocket holder = new ServerSocket()) {
            holder.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            int port = holder.getLocalPort();

            var failed = failureOf("command = %s\nport = %d\n".formatted(toml(UP), port));

            assertEquals(Failure.Kind.PORT_IN_USE, failed.failure().kind());
            String detail = failed.failure().detail();
            assertTrue(detail.contains("port " + port), detail);
            assertTrue(detail.contains("pid " + ProcessHandle.current().pid()), detail);
            assertTrue(detail.contains("java"), "names the holder's command: " + detail);
        }
        assertEquals(1, stack.awaitTerminated(), "the run ends by itself, a required service failed");
        stack.assertNoLeftovers();
    }

    @Test
    void anAutoPortTakenAfterThePlanChoseItIsPortInUse() throws Exception {
        stack = TestStack.of(dir, "[services.svc]\ncommand = %s\nport = \"auto\"\n".formatted(toml(UP)));
        int chosen = stack.service("svc").port();
        try (ServerSocket taker = new ServerSocket()) {
            taker.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), chosen));

            stack.orchestrator.start(java.util.Set.of());
            var failed = stack.awaitTransition("svc", ServiceState.FAILED);

            assertEquals(Failure.Kind.PORT_IN_USE, failed.failure().kind());
            assertTrue(failed.failure().detail().contains("pid " + ProcessHandle.current().pid()),
                    failed.failure().detail());
        }
    }

    @Test
    void aMissingCommandIsCommandNotFound() throws Exception {
        var failed = failureOf("command = \"no-such-program-4711 --port 1\"\n");

        assertEquals(Failure.Kind.COMMAND_NOT_FOUND, failed.failure().kind());
        assertTrue(failed.failure().detail().contains("no-such-program-4711"), failed.failure().detail());
    }

    @Test
    void aMissingWorkingDirectoryIsDirectoryMissing() throws Exception {
        var failed = failureOf("command = %s\ncwd = \"backend\"\n".formatted(toml(UP)));

        assertEquals(Failure.Kind.DIRECTORY_MISSING, failed.failure().kind());
        assertTrue(failed.failure().detail().contains(dir.resolve("backend").toString()), failed.failure().detail());
    }

    @Test
    void aScriptWithoutExecuteBitIsPermissionDenied() throws Exception {
        Files.writeString(dir.resolve("serve.sh"), "#!/bin/sh\nexec sleep 600\n");

        var failed = failureOf("command = \"./serve.sh\"\n");

        assertEquals(Failure.Kind.PERMISSION_DENIED, failed.failure().kind());
        assertTrue(failed.failure().detail().contains("serve.sh"), failed.failure().detail());
    }

    @Test
    void anExitWhileStartingIsCrashedOnStartWithTheExitCodeAndLastLines() throws Exception {
        var failed = failureOf("command = \"echo loading config; echo 'bad config: missing key' >&2; exit 3\"\n");

        assertEquals(Failure.Kind.CRASHED_ON_START, failed.failure().kind());
        assertTrue(failed.failure().detail().contains("exit code 3"), failed.failure().detail());
        // stdout and stderr are two pipes: their lines keep their order within a stream, not across streams
        assertEquals(java.util.Set.of("loading config", "bad config: missing key"), java.util.Set.copyOf(failed.lastLines()));
        assertEquals(3, failed.snapshot().exitCode());
    }

    @Test
    void aServiceNeverHealthyIsHealthTimeoutWithTheLastProbeErrorAndIsStopped() throws Exception {
        int deadPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            deadPort = s.getLocalPort(); // free again once closed: nobody listens there
        }

        var failed = failureOf("""
                command = "echo waiting for the database; exec sleep 600"
                start_timeout = "1s"
                health = { tcp = %d, interval = "100ms", timeout = "100ms", retries = 1, start_period = "0s" }
                """.formatted(deadPort));

        assertEquals(Failure.Kind.HEALTH_TIMEOUT, failed.failure().kind());
        String detail = failed.failure().detail();
        assertTrue(detail.contains("last check:") && detail.contains(String.valueOf(deadPort)), detail);
        assertTrue(failed.lastLines().contains("waiting for the database"), failed.lastLines().toString());
        assertTrue(stack.events.states("svc").contains(ServiceState.STOPPING), "its process was stopped");
        assertEquals(0, failed.snapshot().pid(), "no process once failed");
        stack.assertNoLeftovers();
    }

    @Test
    void aHealthTimeoutDoesNotWaitForDependentsThatAreNotStopping() throws Exception {
        stack = TestStack.started(dir, """
                [services.slow]
                command = "exec sleep 600"
                start_timeout = "1s"
                health = { exec = "false", interval = "100ms", timeout = "500ms", retries = 1, start_period = "0s" }

                [services.side]
                command = %s
                depends_on = { slow = "started" }
                health = %s
                """.formatted(toml(UP), UP_CHECK));

        stack.awaitState("side", ServiceState.HEALTHY);
        var failed = stack.awaitTransition("slow", ServiceState.FAILED);
        assertEquals(Failure.Kind.HEALTH_TIMEOUT, failed.failure().kind());
        assertEquals(ServiceState.HEALTHY, stack.state("side"), "a running dependent is left alone, as after a crash");
        stack.assertStopsCleanly();
    }

    @Test
    void anOptionalFailureLetsDependentsStartAndTheStackCountsAsUp() throws Exception {
        stack = TestStack.started(dir, """
                [services.metrics]
                command = "exit 1"
                optional = true

                [services.api]
                command = %s
                depends_on = { metrics = "healthy" }
                health = %s
                """.formatted(toml(UP), UP_CHECK));

        stack.awaitState("api", ServiceState.HEALTHY);
        assertEquals(ServiceState.FAILED, stack.state("metrics"));
        assertTrue(stack.orchestrator.snapshot().allUp(), stack.events::log);
        assertFalse(stack.orchestrator.snapshot().anyRequiredFailed());
        stack.assertStopsCleanly();
    }

    @Test
    void aRequiredFailureSkipsItsDependentsTransitively() throws Exception {
        stack = TestStack.started(dir, """
                [services.db]
                command = "echo cannot open data directory; exit 1"
                health = { log = "ready to accept connections" }

                [services.api]
                command = %s
                depends_on = ["db"]

                [services.web]
                command = %s
                depends_on = ["api"]

                [services.docs]
                command = %s
                health = %s
                """.formatted(toml(UP), toml(UP), toml(UP), UP_CHECK));

        var api = stack.awaitTransition("api", ServiceState.SKIPPED);
        assertEquals(Failure.Kind.DEPENDENCY_FAILED, api.failure().kind());
        assertTrue(api.failure().detail().contains("db"), api.failure().detail());
        var web = stack.awaitTransition("web", ServiceState.SKIPPED);
        assertEquals(Failure.Kind.DEPENDENCY_FAILED, web.failure().kind());
        assertTrue(web.failure().detail().contains("api"), web.failure().detail());
        assertFalse(stack.events.states("api").contains(ServiceState.STARTING), "never spawned");
        stack.awaitState("docs", ServiceState.HEALTHY);
        assertFalse(stack.orchestrator.snapshot().allUp());
        assertTrue(stack.orchestrator.snapshot().anyRequiredFailed());
        stack.assertStopsCleanly();
    }

    @Test
    void aRunThatEndsOnItsOwnAfterARequiredFailureExitsOne() throws Exception {
        stack = TestStack.started(dir, """
                [services.db]
                command = "exit 1"
                health = { log = "ready" }

                [services.api]
                command = %s
                depends_on = ["db"]
                """.formatted(toml(UP)));

        assertEquals(1, stack.awaitTerminated(), "nothing left to run, and a required service failed\n"
                + stack.events.log());
        assertEquals(ServiceState.SKIPPED, stack.state("api"));
    }

    @Test
    void aRestartRetriesAFailedServiceAndTheDependentsItsFailureSkipped() throws Exception {
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
                """.formatted(toml("test -f configured || exit 1; " + UP), UP_CHECK, toml(UP), UP_CHECK,
                toml(UP), UP_CHECK));
        stack.awaitTransition("api", ServiceState.SKIPPED);
        stack.awaitState("docs", ServiceState.HEALTHY);

        Files.createFile(dir.resolve("configured"));
        stack.await(stack.orchestrator.restart(java.util.Set.of("db")));

        assertEquals(ServiceState.HEALTHY, stack.state("db"), stack.events::log);
        assertEquals(ServiceState.HEALTHY, stack.state("api"), stack.events::log);
        assertEquals(null, stack.service("db").failure(), "the old failure is cleared");
        stack.assertStopsCleanly();
    }

    @Test
    void abortOnFailureIgnoresOptionalServices() throws Exception {
        stack = TestStack.abortingOnFailure(dir, """
                [services.metrics]
                command = "exit 1"
                optional = true

                [services.api]
                command = %s
                health = %s
                """.formatted(toml(UP), UP_CHECK));
        stack.orchestrator.start(java.util.Set.of());

        stack.awaitTransition("metrics", ServiceState.FAILED);
        stack.awaitState("api", ServiceState.HEALTHY);
        assertFalse(stack.orchestrator.terminated().isDone(), "an optional failure does not abort");
        stack.assertStopsCleanly();
    }

    @Test
    void abortOnFailureStopsEverythingAndExitsOne() throws Exception {
        stack = TestStack.abortingOnFailure(dir, """
                [services.db]
                command = %s
                health = %s

                [services.api]
                command = %s
                depends_on = ["db"]
                health = %s

                [services.worker]
                command = "while [ ! -f crash ]; do sleep 0.02; done; exit 1"
                """.formatted(toml(UP), UP_CHECK, toml(UP), UP_CHECK));
        stack.orchestrator.start(java.util.Set.of());
        stack.awaitState("api", ServiceState.HEALTHY);

        Files.createFile(dir.resolve("crash"));

        assertEquals(1, stack.awaitTerminated(), stack.events::log);
        assertEquals(ServiceState.FAILED, stack.state("worker"));
        assertEquals(ServiceState.STOPPED, stack.state("api"));
        assertEquals(ServiceState.STOPPED, stack.state("db"));
        assertTrue(stack.events.notices().stream().anyMatch(n -> n.contains("--abort-on-failure")));
        stack.assertNoLeftovers();
    }
}
