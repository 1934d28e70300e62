package dev.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.config.Signal;
import dev.fixtures.Fixtures;
import dev.orchestrator.ServiceSnapshot;
import dev.orchestrator.ServiceState;
import dev.process.ProcessIdentity;
import dev.process.ProcessPlatform;
import dev.process.SpawnSpec;
import dev.process.SpawnedProcess;
import dev.testing.Await;
import dev.testing.ProcessCleanup;
import dev.testing.Processes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reaper that {@code dev stop}, the watchdog and a start over a stale run share, on real process groups: it
 * stops what the record names and the run marker finds, in order, and nothing else.
 */
class ReaperTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private final ProcessPlatform platform = ProcessPlatform.current();
    @AutoClose // kills every process group a test registered, after each test
    private final ProcessCleanup cleanup = new ProcessCleanup();
    private final String runId = "reaper-test-" + UUID.randomUUID();
    private final List<String> log = new CopyOnWriteArrayList<>();
    private final List<ServiceSnapshot> services = new ArrayList<>();
    private final Map<String, StopSpec> stop = new LinkedHashMap<>();

    @TempDir
    Path dir;

    @Test
    void stopsRecordedGroupsDependentsFirstAndSweepsEscapedDaemons() throws Exception {
        Path daemonPidfile = cleanup.pidfile(dir.resolve("daemon.pid"));
        SpawnedProcess db = service("db", Fixtures.daemonizing(daemonPidfile), true, false);
        SpawnedProcess api = service("api", Fixtures.withGrandchild(), true, false);
        long daemon = Await.value(WAIT, () -> readPid(daemonPidfile), "the daemon's pid file");

        Reaper.Report report = new Reaper(platform, log::add).reap(state(List.of(List.of("api"), List.of("db"))), null);

        assertEquals(List.of("api", "db"), report.stopped(), "dependents first: " + log);
        assertEquals(List.of(), report.incomplete());
        assertEquals(1, report.escaped().size(), report::toString);
        assertTrue(report.escaped().get(0).startsWith(daemon + " "), report::toString);
        assertTrue(platform.groupEmpty(api.pgid()) && platform.groupEmpty(db.pgid()));
        assertFalse(Processes.alive(daemon));
    }

    @Test
    void aGroupWhoseLeaderExitedIsReapedOnlyWhenEveryMemberCarriesTheRunMarker() throws Exception {
        Path ours = dir.resolve("ours.pid");
        Path strangers = dir.resolve("strangers.pid");
        String leaveChild = "sleep 600 </dev/null >/dev/null 2>&1 & echo $! > \"$0.tmp\" && mv \"$0.tmp\" \"$0\"";
        SpawnedProcess marked = service("worker", "exec /bin/sh -c '" + leaveChild + "' " + ours, true, false);
        SpawnedProcess unmarked = service("other", "exec /bin/sh -c '" + leaveChild + "' " + strangers, false, false);
        long ourChild = cleanup.pid(Await.value(WAIT, () -> readPid(ours), "worker's child"));
        long strangerChild = cleanup.pid(Await.value(WAIT, () -> readPid(strangers), "other's child"));
        Await.until(WAIT, () -> !Processes.alive(marked.pid()) && !Processes.alive(unmarked.pid()), "both leaders exit");
        assertFalse(platform.groupEmpty(marked.pgid()) || platform.groupEmpty(unmarked.pgid()), "members remain");

        Reaper.Report report = new Reaper(platform, log::add).reap(state(List.of()), Duration.ofSeconds(1));

        assertEquals(List.of("worker"), report.stopped(), () -> "log: " + log);
        assertFalse(Processes.alive(ourChild));
        assertTrue(Processes.alive(strangerChild), "a group with members the run did not start is never signalled");
    }

    @Test
    void leavesTheDaemonsOfAKeepDetachedServiceAlone() throws Exception {
        Path daemonPidfile = cleanup.pidfile(dir.resolve("daemon.pid"));
        SpawnedProcess cache = service("cache", Fixtures.daemonizing(daemonPidfile), true, true);
        long daemon = Await.value(WAIT, () -> readPid(daemonPidfile), "the daemon's pid file");

        Reaper.Report report = new Reaper(platform, log::add).reap(state(List.of()), Duration.ofSeconds(1));

        assertEquals(List.of("cache"), report.stopped());
        assertEquals(List.of(), report.escaped());
        assertTrue(platform.groupEmpty(cache.pgid()));
        assertTrue(Processes.alive(daemon), "keep_detached: its escaped processes outlive the stop");
    }

    @Test
    void forceKillsAServiceThatIgnoresTheStopSignal() throws Exception {
        SpawnedProcess stubborn = service("stubborn", Fixtures.ignoringTerm(), true, false);
        Await.until(WAIT, () -> platform.groupMembers(stubborn.pgid()).stream()
                .anyMatch(p -> p.commandLine().startsWith("sleep")), "the shell has exec'd sleep");

        long began = System.nanoTime();
        Reaper.Report report = new Reaper(platform, log::add).reap(state(List.of()), Duration.ofMillis(300));

        assertEquals(List.of("stubborn"), report.stopped());
        assertTrue(log.stream().anyMatch(l -> l.contains("SIGKILL")), log::toString);
        assertTrue(platform.groupEmpty(stubborn.pgid()));
        assertTrue(Duration.ofNanos(System.nanoTime() - began).compareTo(Duration.ofSeconds(5)) < 0, "bounded by the grace");
    }

    private SpawnedProcess service(String name, String command, boolean marked, boolean keepDetached) throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put("PATH", System.getenv("PATH"));
        env.put("DEV_SERVICE", name);
        if (marked) {
            env.put("DEV_RUN_ID", runId);
        }
        SpawnedProcess p = platform.spawn(new SpawnSpec(name, command, dir, env));
        cleanup.group(p.pgid());
        p.stdout().close();
        p.stderr().close();
        Instant now = Instant.now();
        services.add(new ServiceSnapshot(name, ServiceState.RUNNING, p.pid(), p.pgid(), p.startTime(), null, null, now,
                now, 0, null, null, List.of(), null, false, false));
        stop.put(name, new StopSpec(Signal.TERM, Duration.ofSeconds(2), keepDetached));
        return p;
    }

    private RunState state(List<List<String>> stopLevels) {
        Instant now = Instant.now();
        return new RunState("test", dir, runId, new ProcessIdentity(999_999_999L, now), now, now, stopLevels, services,
                stop);
    }

    private static Long readPid(Path pidfile) {
        try {
            String text = Files.readString(pidfile).trim();
            return text.isEmpty() ? null : Long.valueOf(text);
        } catch (IOException | NumberFormatException e) {
            return null;
        }
    }
}
