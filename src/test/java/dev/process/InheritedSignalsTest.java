package dev.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.testing.Await;
import dev.testing.ProcessCleanup;
import dev.testing.Processes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * A service gets the default action of the signals dev sends, even when dev inherited them ignored (a script's
 * {@code dev start &}). The ignoring parent is simulated by a shell that ignores INT and QUIT and then execs the
 * launcher, exactly what a non-interactive shell does for a background job.
 */
@EnabledOnOs(value = OS.LINUX, disabledReason = "reads signal dispositions from /proc/PID/status")
class InheritedSignalsTest {
    private static final long INT = 1L << 1;
    private static final long QUIT = 1L << 2;
    private static final List<String> IGNORE_INT_AND_QUIT = List.of("/bin/sh", "-c", "trap '' INT QUIT; exec \"$@\"", "sh");

    @AutoClose // kills every process group a test registered, after each test
    private final ProcessCleanup cleanup = new ProcessCleanup();
    @TempDir
    Path dir;

    @Test
    void theMaskCountsOnlyTheSignalsDevSends() {
        assertTrue(InheritedSignals.anyIgnored(INT));
        assertTrue(InheritedSignals.anyIgnored(QUIT));
        assertTrue(InheritedSignals.anyIgnored(1L << 14), "TERM");
        assertFalse(InheritedSignals.anyIgnored(0));
        assertFalse(InheritedSignals.anyIgnored(1L << 12), "PIPE is not dev's to reset");
        assertFalse(InheritedSignals.anyIgnored(0x180000000L), "real-time signals glibc ignores for itself");
    }

    @Test
    void theMaskIsReadFromProcStatus() throws IOException {
        Path status = dir.resolve("status");
        Files.writeString(status, "Name:\tsh\nSigBlk:\t0000000000000000\nSigIgn:\t0000000000000002\n");
        assertTrue(InheritedSignals.anyIgnored(status));
        Files.writeString(status, "Name:\tjava\nSigIgn:\t0000000080000000\n");
        assertFalse(InheritedSignals.anyIgnored(status));
        assertFalse(InheritedSignals.anyIgnored(dir.resolve("missing")), "no /proc: nothing assumed ignored");
    }

    @Test
    void withoutAResetAServiceInheritsTheIgnoredSignals() throws Exception {
        Path setsid = SessionLauncher.findProgram("setsid").orElseThrow();
        SessionLauncher plain = SessionLauncher.setsid(setsid, List.of());
        assertEquals(INT | QUIT, ignoredMaskOfService(ignoring(plain)) & (INT | QUIT),
                "the simulated background job really ignores INT and QUIT");
    }

    @Test
    void setsidWithTheResetWrapperGivesTheServiceTheDefaultActionBack() throws Exception {
        Path setsid = SessionLauncher.findProgram("setsid").orElseThrow();
        SessionLauncher reset = SessionLauncher.setsid(setsid, InheritedSignals.resetter().orElseThrow());
        assertEquals(0, ignoredMaskOfService(ignoring(reset)) & (INT | QUIT));
    }

    @Test
    void coreutilsEnvResetsThemWhenThereIsNoPerl() throws Exception {
        Path setsid = SessionLauncher.findProgram("setsid").orElseThrow();
        Path env = SessionLauncher.findProgram("env").orElseThrow();
        SessionLauncher reset = SessionLauncher.setsid(setsid,
                List.of(env.toString(), "--default-signal=" + String.join(",", InheritedSignals.RESET_NAMES)));
        assertEquals(0, ignoredMaskOfService(ignoring(reset)) & (INT | QUIT));
    }

    @Test
    void theMacOsPerlLauncherResetsThemInTheSameStep() throws Exception {
        SessionLauncher perl = SessionLauncher.perl(SessionLauncher.findProgram("perl").orElseThrow());
        assertEquals(0, ignoredMaskOfService(ignoring(perl)) & (INT | QUIT));
    }

    private static SessionLauncher ignoring(SessionLauncher launcher) {
        List<String> prefix = new ArrayList<>(IGNORE_INT_AND_QUIT);
        prefix.addAll(launcher.prefix());
        return new SessionLauncher(prefix, launcher.forkingPrefix(), launcher.signalReset());
    }

    /** Spawns {@code exec sleep 30} and reads its SigIgn mask once it is sleep (every wrapper has exec'd). */
    private long ignoredMaskOfService(SessionLauncher launcher) throws Exception {
        ProcessPlatform platform = new LinuxProcessPlatform(launcher);
        SpawnedProcess spawned = platform.spawn(new SpawnSpec("svc", "exec sleep 30", dir,
                Map.of("PATH", System.getenv("PATH"))));
        cleanup.group(spawned.pgid());
        Path proc = Path.of("/proc", Long.toString(spawned.pid()));
        Await.until(Duration.ofSeconds(10), () -> commandLine(proc).startsWith("sleep"),
                () -> "the service became sleep: " + commandLine(proc));
        return Processes.ignoredSignalMask(spawned.pid());
    }

    private static String commandLine(Path proc) {
        try {
            return new String(Files.readAllBytes(proc.resolve("cmdline")), StandardCharsets.UTF_8).replace('\0', ' ');
        } catch (IOException e) {
            return "";
        }
    }
}
