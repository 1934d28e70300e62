package dev.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.config.Signal;
import dev.orchestrator.Failure;
import dev.orchestrator.ServiceSnapshot;
import dev.orchestrator.ServiceState;
import dev.process.ProcessIdentity;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The state file, the lock's owner record and the socket's location: pure file logic on a real directory. */
class RunFilesTest {
    private static final Instant T = Instant.parse("2030-01-02T03:04:05.123456789Z");

    @TempDir
    Path dir;

    @Test
    void theStateFileRoundTripsEverythingDevStopNeeds() throws Exception {
        RunDirectory run = RunDirectory.of(dir);
        run.create();
        RunState state = new RunState("shop", dir, "run-7", new ProcessIdentity(4242, T), T, T.plusSeconds(5),
                List.of(List.of("web"), List.of("api", "worker")),
                List.of(service("web", ServiceState.HEALTHY, 101, 8080, null),
                        service("api", ServiceState.FAILED, 0, null,
                                new Failure(Failure.Kind.parse("crashed_on_start"), "exit 3", "check the config")),
                        service("worker", ServiceState.STOPPING, 103, null, null)),
                Map.of("web", new StopSpec(Signal.INT, Duration.ofMillis(1500), false),
                        "api", new StopSpec(Signal.TERM, Duration.ofSeconds(10), false),
                        "worker", new StopSpec(Signal.TERM, Duration.ofSeconds(3), true)));

        StateFile.write(run.stateFile(), state);
        RunState read = StateFile.read(run.stateFile()).orElseThrow();

        assertEquals(state.runId(), read.runId());
        assertEquals(state.orchestrator(), read.orchestrator());
        assertEquals(state.stopLevels(), read.stopLevels());
        assertEquals(state.stop(), read.stop());
        assertEquals(state.services(), read.services());
        assertEquals(dir, read.root());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(run.stateFile())));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(run.root())));
        try (var files = Files.list(run.root())) {
            assertEquals(List.of("logs", "state.json"), files.map(p -> p.getFileName().toString()).sorted().toList(),
                    "no temp file is left behind");
        }
    }

    @Test
    void aMissingStateFileIsNoStateAndADamagedOneIsAClearProblem() throws Exception {
        Path file = dir.resolve("state.json");
        assertEquals(Optional.empty(), StateFile.read(file));
        Files.writeString(file, "{\"schema\": 1, \"run_id\": \"r\", \"services\": [{\"name\": \"api\", \"state\": \"dancing\"}]}");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> StateFile.read(file));
        assertTrue(e.getMessage().contains("service 'api' has an unknown state 'dancing'"), e.getMessage());
        Files.writeString(file, "{\"schema\": 1, \"run_id\": \"r\", \"services\": [], \"orchestrator\": {\"pid\": 7}}");
        e = assertThrows(IllegalArgumentException.class, () -> StateFile.read(file));
        assertTrue(e.getMessage().contains("orchestrator: no process_start"), e.getMessage());
    }

    @Test
    void theLockRecordsItsOwnerAndOnlyOneHolderAtATime() throws Exception {
        RunDirectory run = RunDirectory.of(dir);
        run.create();
        LockInfo info = new LockInfo(ProcessHandle.current().pid(), T, "1.2.3", T, dir.resolve("control.sock"), "run-1",
                dir);
        try (RunLock lock = RunLock.tryAcquire(run.lockFile(), info).orElseThrow()) {
            assertEquals(Optional.of(info), RunLock.read(run.lockFile()));
            assertTrue(RunLock.tryAcquire(run.lockFile(), info).isEmpty(), "a second holder is refused");
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(run.lockFile())));
        }
        assertFalse(RunLock.held(run.lockFile()), "released on close");
        Files.writeString(run.lockFile(), "{\"pid\": 12, \"socket\": \"/s\"}");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RunLock.read(run.lockFile()));
        assertEquals("the lock file is not readable (no process_start)", e.getMessage());
    }

    @Test
    void lookingAtTheLockFromTheHoldingProcessKeepsItHeld() throws Exception {
        // POSIX drops every lock a process holds on a file when that process closes any descriptor of it, so
        // reading the owner record, probing, or a refused second acquire must not open the file in the holder.
        RunDirectory run = RunDirectory.of(dir);
        run.create();
        LockInfo info = new LockInfo(ProcessHandle.current().pid(), T, "1.2.3", T, dir.resolve("control.sock"), "run-1",
                dir);
        try (RunLock lock = RunLock.tryAcquire(run.lockFile(), info).orElseThrow()) {
            assertEquals(Optional.of(info), RunLock.read(run.lockFile()));
            assertTrue(RunLock.held(run.lockFile()));
            assertTrue(RunLock.tryAcquire(run.lockFile(), info).isEmpty());
            assertEquals("held", probeFromAnotherProcess(run.lockFile()));
        }
        assertEquals("free", probeFromAnotherProcess(run.lockFile()));
    }

    private static String probeFromAnotherProcess(Path lockFile) throws Exception {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                LockProbe.class.getName(), lockFile.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertTrue(p.waitFor(30, java.util.concurrent.TimeUnit.SECONDS));
        return out;
    }

    @Test
    void theSocketMovesOutOfADeepProjectToAShortPerProjectPath() {
        RunDirectory shallow = RunDirectory.of(Path.of("/home/me/shop"));
        assertEquals(Path.of("/home/me/shop/.dev/run/control.sock"), SocketPaths.choose(shallow, Map.of()));

        Path deepRoot = Path.of("/home/me/" + "very-long-directory-name/".repeat(4) + "shop");
        RunDirectory deep = RunDirectory.of(deepRoot);
        Path viaXdg = SocketPaths.choose(deep, Map.of("XDG_RUNTIME_DIR", "/run/user/1000"));
        assertTrue(viaXdg.startsWith("/run/user/1000/dev"), viaXdg::toString);
        Path viaTmp = SocketPaths.choose(deep, Map.of("TMPDIR", "/var/tmp"));
        assertTrue(viaTmp.startsWith("/var/tmp") && viaTmp.getParent().getParent().getFileName().toString()
                .startsWith("dev-"), viaTmp::toString);
        Path tooLongEverywhere = SocketPaths.choose(deep, Map.of("XDG_RUNTIME_DIR", deepRoot.toString(),
                "TMPDIR", deepRoot.toString()));
        assertTrue(tooLongEverywhere.startsWith("/tmp"), tooLongEverywhere::toString);
        for (Path p : List.of(viaXdg, viaTmp, tooLongEverywhere)) {
            assertTrue(p.toString().getBytes(StandardCharsets.UTF_8).length <= 103, p::toString);
        }
        assertEquals(viaXdg, SocketPaths.choose(deep, Map.of("XDG_RUNTIME_DIR", "/run/user/1000")), "stable");
        Path otherProject = SocketPaths.choose(RunDirectory.of(deepRoot.resolveSibling("shop2")),
                Map.of("XDG_RUNTIME_DIR", "/run/user/1000"));
        assertNotEquals(viaXdg, otherProject, "one socket per project");
    }

    private static ServiceSnapshot service(String name, ServiceState state, long pid, Integer port, Failure failure) {
        return new ServiceSnapshot(name, state, pid, pid, pid > 0 ? T : null, port,
                port == null ? null : "http://127.0.0.1:" + port + "/", T, pid > 0 ? T : null, 2,
                failure == null ? null : 3, failure, List.of(), "ok", name.equals("worker"), false);
    }
}
