package dev.process;

import dev.fixtures.Fixtures;
import dev.testing.Await;
import dev.testing.ProcessCleanup;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static dev.process.SpawnTest.BASE_ENV;
import static dev.process.SpawnTest.WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Finding processes that left their group and session by the marker in their environment. */
class ProcessesWithEnvTest {
    final ProcessPlatform platform = ProcessPlatform.current();
    @AutoClose // kills every process group a test registered, after each test
    final ProcessCleanup cleanup = new ProcessCleanup();
    @TempDir
    Path dir;

    @Test
    void findsADaemonThatEscapedTheGroupAndSession() throws Exception {
        String marker = UUID.randomUUID().toString();
        Map<String, String> env = new HashMap<>(BASE_ENV);
        env.put("DEV_RUN_MARKER", marker);
        Path pidfile = cleanup.pidfile(dir.resolve("daemon.pid"));
        SpawnedProcess service = platform.spawn(new SpawnSpec("cache", Fixtures.daemonizing(pidfile), dir, env));
        cleanup.group(service.pgid());

        long daemon = Await.value(WAIT, () -> readPid(pidfile), "daemon pid file");
        ProcessInfo daemonInfo = platform.info(daemon).orElseThrow();
        assertNotEquals(service.pgid(), daemonInfo.pgid(), "left the service's group");
        assertNotEquals(service.pid(), daemonInfo.sid(), "left the service's session");

        List<Long> found = platform.processesWithEnv("DEV_RUN_MARKER", marker).stream().map(ProcessInfo::pid)
                .collect(Collectors.toList());
        assertTrue(found.contains(daemon), () -> found + " lacks the daemon " + daemon);
        assertTrue(found.contains(service.pid()), () -> found + " lacks the service " + service.pid());
        assertFalse(found.contains(ProcessHandle.current().pid()));
    }

    @Test
    void onlyTheExactValueMatches() throws Exception {
        String marker = UUID.randomUUID().toString();
        Map<String, String> env = new HashMap<>(BASE_ENV);
        env.put("DEV_RUN_MARKER", marker);
        SpawnedProcess service = platform.spawn(new SpawnSpec("svc", Fixtures.sleeper(), dir, env));
        cleanup.group(service.pgid());

        assertEquals(List.of(service.pid()), pids(platform.processesWithEnv("DEV_RUN_MARKER", marker)));
        assertEquals(List.of(), pids(platform.processesWithEnv("DEV_RUN_MARKER", marker.substring(0, 8))));
        assertEquals(List.of(), pids(platform.processesWithEnv("DEV_RUN", marker)));
    }

    @Test
    void aProcessCaughtInTheMiddleOfAnExecIsStillFound() throws Exception {
        // A read of /proc/PID/environ that opens on the image an exec is replacing and reads after it comes back
        // empty: a sweep once missed a service that was still going from setsid to sh to its command. This
        // service does nothing but exec itself for a while, so many scans land in such a window.
        Path reexec = dir.resolve("reexec.sh");
        Files.writeString(reexec, "i=${1:-0}\nif [ \"$i\" -lt 100000 ]; then exec /bin/sh \"$0\" $((i + 1)); fi\nexec sleep 600\n");
        String marker = UUID.randomUUID().toString();
        Map<String, String> env = new HashMap<>(BASE_ENV);
        env.put("DEV_RUN_MARKER", marker);
        SpawnedProcess service = platform.spawn(new SpawnSpec("svc", "exec /bin/sh " + reexec, dir, env));
        cleanup.group(service.pgid());
        int missed = 0;
        for (int scan = 0; scan < 300; scan++) {
            if (!pids(platform.processesWithEnv("DEV_RUN_MARKER", marker)).contains(service.pid())) {
                missed++;
            }
        }
        assertEquals(0, missed, "scans of 300 that missed the service while it was exec'ing");
        // (The command line too reads empty mid-exec: wait for a whole one.)
        Path cmdline = Path.of("/proc", Long.toString(service.pid()), "cmdline");
        String commandLine = Await.value(WAIT, () -> {
            try {
                String read = Files.readString(cmdline);
                return read.isEmpty() ? null : read;
            } catch (java.io.IOException e) {
                return null;
            }
        }, "the service's command line");
        assertTrue(commandLine.startsWith("/bin/sh"), "the service was still exec'ing when the scans ended: " + commandLine);
    }

    private static List<Long> pids(List<ProcessInfo> infos) {
        return infos.stream().map(ProcessInfo::pid).collect(Collectors.toList());
    }

    static Long readPid(Path pidfile) {
        try {
            return Files.exists(pidfile) ? Long.valueOf(Files.readString(pidfile).trim()) : null;
        } catch (java.io.IOException | NumberFormatException e) {
            return null;
        }
    }
}
