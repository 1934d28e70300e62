package dev.orchestrator;

import dev.fixtures.Fixtures;
import dev.process.ProcessInfo;
import dev.testing.Await;
import dev.testing.ProcessCleanup;
import dev.testing.Processes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static dev.orchestrator.Sh.toml;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SPEC §5: nothing a service started outlives the stop — grandchildren in its group, double-forked children
 * re-parented to init, and daemons that left group and session (found by the run marker) — except the escaped
 * daemons of a {@code keep_detached} service.
 */
class LeftoversTest {
    @TempDir
    Path dir;
    TestStack stack;
    final ProcessCleanup cleanup = new ProcessCleanup();

    @AfterEach
    void cleanUp() throws Exception {
        try {
            if (stack != null) {
                stack.close();
            }
        } finally {
            cleanup.close();
        }
    }

    @Test
    void grandchildrenDoubleForkedChildrenAndEscapedDaemonsAreAllGoneAfterTheStop() throws Exception {
        Path grandchild = cleanup.pidfile(dir.resolve("grandchild.pid"));
        Path orphan = cleanup.pidfile(dir.resolve("orphan.pid"));
        Path daemon = cleanup.pidfile(dir.resolve("daemon.pid"));
        Path jvmGrandchild = cleanup.pidfile(dir.resolve("jvm-grandchild.pid"));
        Path jvmDaemon = cleanup.pidfile(dir.resolve("jvm-daemon.pid"));
        stack = TestStack.started(dir, """
                [services.tree]
                command = "sleep 600 & echo $! > grandchild.pid; wait"
                health = { exec = "test -f grandchild.pid", interval = "100ms", start_period = "0s" }

                [services.forker]
                command = "(sleep 600 & echo $! > orphan.pid); exec sleep 600"
                health = { exec = "test -f orphan.pid", interval = "100ms", start_period = "0s" }

                [services.daemon]
                command = %s
                health = { exec = "test -f daemon.pid", interval = "100ms", start_period = "0s" }

                [services.fixture]
                command = %s
                health = { exec = "test -f jvm-daemon.pid", interval = "100ms", start_period = "0s" }
                """.formatted(toml(Fixtures.daemonizing(daemon)),
                toml(Fixtures.command("--grandchild", "--grandchild-pidfile", jvmGrandchild.toString(), "--daemon",
                        "--daemon-pidfile", jvmDaemon.toString()))));
        for (String name : List.of("tree", "forker", "daemon", "fixture")) {
            stack.awaitState(name, ServiceState.HEALTHY);
        }
        List<Long> pids = List.of(pid(grandchild), pid(orphan), pid(daemon), pid(jvmGrandchild), pid(jvmDaemon));
        pids.forEach(p -> assertTrue(Processes.alive(p), "running before the stop: " + p));
        ProcessInfo escaped = stack.platform.info(pid(daemon)).orElseThrow();
        assertNotEquals(stack.service("daemon").pgid(), escaped.pgid(), "the daemon left the service's group");
        assertNotEquals(stack.service("daemon").pid(), escaped.sid(), "and its session");
        assertNotEquals(stack.service("forker").pid(), stack.platform.info(pid(orphan)).orElseThrow().ppid(),
                "the double-forked child was re-parented");

        stack.assertStopsCleanly();

        pids.forEach(p -> assertFalse(Processes.alive(p), "gone after the stop: " + p));
        assertTrue(stack.events.notices().stream().anyMatch(n -> n.contains("escaped process " + pid(daemon))),
                stack.events::log);
    }

    @Test
    void escapedDaemonsIgnoringTermShareOneGracePeriod() throws Exception {
        List<Path> pidfiles = List.of(1, 2, 3).stream()
                .map(i -> cleanup.pidfile(dir.resolve("stubborn" + i + ".pid"))).toList();
        String command = "for i in 1 2 3; do setsid sh -c 'trap \"\" TERM; echo $$ > stubborn$1.pid.tmp; "
                + "mv stubborn$1.pid.tmp stubborn$1.pid; exec sleep 600' daemon $i & done; exec sleep 600";
        stack = TestStack.started(dir, """
                [services.spawner]
                command = %s
                health = { exec = "test -f stubborn1.pid && test -f stubborn2.pid && test -f stubborn3.pid", interval = "100ms", start_period = "0s" }
                """.formatted(toml(command.replace("$$", "$$$$"))));
        stack.awaitState("spawner", ServiceState.HEALTHY);
        List<Long> daemons = pidfiles.stream().map(LeftoversTest::pid).toList();
        daemons.forEach(p -> Await.until(TestStack.WAIT, () -> stack.platform.info(p)
                .map(i -> i.commandLine().equals("sleep 600")).orElse(false), "daemon " + p + " ignoring TERM"));

        long begin = System.nanoTime();
        stack.orchestrator.stop(Set.of(), false, Duration.ofMillis(600));
        assertEquals(0, stack.awaitTerminated(), stack.events::log);
        Duration took = Duration.ofNanos(System.nanoTime() - begin);

        daemons.forEach(p -> assertFalse(Processes.alive(p), "killed after the grace: " + p));
        stack.assertNoLeftovers();
        assertTrue(took.compareTo(Duration.ofMillis(600)) >= 0, "the daemons got their grace: " + took);
        assertTrue(took.compareTo(Duration.ofMillis(1700)) < 0,
                "one 600ms grace for all three (one each would be 1.8s): " + took);
    }

    @Test
    void theEscapedDaemonOfAKeepDetachedServiceSurvivesTheStop() throws Exception {
        Path kept = cleanup.pidfile(dir.resolve("kept.pid"));
        Path reaped = cleanup.pidfile(dir.resolve("reaped.pid"));
        stack = TestStack.started(dir, """
                [services.cache]
                command = %s
                keep_detached = true
                health = { exec = "test -f kept.pid", interval = "100ms", start_period = "0s" }

                [services.other]
                command = %s
                health = { exec = "test -f reaped.pid", interval = "100ms", start_period = "0s" }
                """.formatted(toml(Fixtures.daemonizing(kept)), toml(Fixtures.daemonizing(reaped))));
        stack.awaitState("cache", ServiceState.HEALTHY);
        stack.awaitState("other", ServiceState.HEALTHY);
        long cacheLeader = stack.service("cache").pid();

        assertEquals(0, stack.stop(), stack.events::log);

        Await.until(TestStack.WAIT, () -> !Processes.alive(pid(reaped)), "the other service's daemon reaped");
        assertFalse(Processes.alive(cacheLeader), "the service itself is stopped");
        assertTrue(Processes.alive(pid(kept)), "its detached daemon is kept");
        assertEquals(Set.of(pid(kept)), Set.copyOf(stack.leftovers().stream().map(ProcessInfo::pid).toList()));
    }

    private static long pid(Path pidfile) {
        return Await.value(TestStack.WAIT, () -> {
            try {
                String text = Files.exists(pidfile) ? Files.readString(pidfile).trim() : "";
                return text.isEmpty() ? null : Long.parseLong(text);
            } catch (IOException | NumberFormatException e) {
                return null;
            }
        }, "pid in " + pidfile);
    }
}
