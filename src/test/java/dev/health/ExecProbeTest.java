package dev.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.config.HealthCheck;
import dev.testing.Await;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExecProbeTest {
    private static final Duration GONE_WITHIN = Duration.ofSeconds(5);

    @TempDir
    Path dir;
    /** Pids the fixtures reported, killed after each test in case an assertion failed first. */
    private final List<Long> started = new ArrayList<>();

    @AfterEach
    void killLeftovers() {
        started.forEach(Processes::killQuietly);
    }

    private ProbeContext context() {
        return new ProbeContext(dir, Map.of("PATH", System.getenv("PATH"), "GREETING", "hello"));
    }

    private ProbeResult probe(String command, Duration timeout, ProcessScope scope) {
        return new ExecProbe(new HealthCheck.Exec(command, TcpProbeTest.timeout(timeout)), context(), scope).attempt();
    }

    private ProbeResult probe(String command, Duration timeout) {
        return probe(command, timeout, ProcessScope.CURRENT);
    }

    private long pid(String file) {
        long pid = Processes.awaitPid(dir.resolve(file), GONE_WITHIN);
        started.add(pid);
        return pid;
    }

    private void assertGone(long pid, String what) {
        Await.until(GONE_WITHIN, () -> Processes.goneOrZombie(pid), what + " (pid " + pid + ") is gone");
    }

    @Test
    void setsidIsUsedOnLinux() {
        assertInstanceOf(ProcessScope.Session.class, ProcessScope.CURRENT);
    }

    @Test
    void exitZeroIsHealthyAndRunsInTheContextDirectoryWithExactlyItsEnvironment() {
        ProbeResult result = probe("echo \"$GREETING from $(pwd) home=${HOME-unset}\"", Duration.ofSeconds(5));
        assertTrue(result.healthy(), result.detail());
        assertEquals("exit 0: hello from " + dir.toAbsolutePath() + " home=unset", result.detail());
    }

    @Test
    void theCommandLeadsItsOwnProcessGroup() {
        ProbeResult result = probe("echo $$ > shell.pid; ps -o pgid= -p $$", Duration.ofSeconds(5));
        assertTrue(result.healthy(), result.detail());
        assertEquals("exit 0: " + pid("shell.pid"), result.detail());
    }

    @Test
    void nonZeroExitIsUnhealthyWithTheLastLineOfOutput() {
        ProbeResult result = probe("echo starting; echo 'no database yet' >&2; printf '\\n\\n'; exit 3",
                Duration.ofSeconds(5));
        assertFalse(result.healthy());
        assertEquals("exit 3: no database yet", result.detail());
    }

    @Test
    void silentFailureHasJustTheExitCode() {
        ProbeResult result = probe("exit 1", Duration.ofSeconds(5));
        assertFalse(result.healthy());
        assertEquals("exit 1", result.detail());
    }

    @Test
    void colouredOutputIsCleanedForTheDetail() {
        ProbeResult result = probe("printf '\\033[31mred alert\\033[0m\\n'; exit 2", Duration.ofSeconds(5));
        assertEquals("exit 2: red alert", result.detail());
    }

    @Test
    void stdinIsEmpty() {
        ProbeResult result = probe("if read line; then echo \"read $line\"; exit 1; else echo eof; fi",
                Duration.ofSeconds(5));
        assertEquals("exit 0: eof", result.detail());
    }

    @Test
    void timeoutKillsTheWholeGroupIncludingGrandchildren() {
        String command = "echo $$ > shell.pid; "
                + "sh -c 'echo $$ > child.pid; sleep 60 & echo $! > grandchild.pid; wait' & "
                + "echo waiting; wait";
        ProbeResult result = probe(command, Duration.ofMillis(1500));
        long shell = pid("shell.pid");
        long child = pid("child.pid");
        long grandchild = pid("grandchild.pid");
        assertFalse(result.healthy());
        assertEquals("timed out after 1.5s: waiting", result.detail());
        assertTrue(result.took().toMillis() >= 1490 && result.took().toMillis() < 4000, "took " + result.took());
        assertGone(shell, "probe shell");
        assertGone(child, "child");
        assertGone(grandchild, "grandchild");
    }

    @Test
    void backgroundChildrenDoNotOutliveASuccessfulProbe() {
        ProbeResult result = probe("sleep 60 & echo $! > background.pid; exit 0", Duration.ofSeconds(5));
        assertTrue(result.healthy(), result.detail());
        assertGone(pid("background.pid"), "background child of a successful probe");
    }

    @Test
    void fallbackScopeKillsTheTreeOnTimeout() {
        String command = "echo $$ > shell.pid; sh -c 'sleep 60 & echo $! > grandchild.pid; wait' & wait";
        ProbeResult result = probe(command, Duration.ofMillis(1500), new ProcessScope.Tree());
        assertFalse(result.healthy());
        assertEquals("timed out after 1.5s", result.detail());
        assertGone(pid("shell.pid"), "probe shell");
        assertGone(pid("grandchild.pid"), "grandchild");
    }

    @Test
    void interruptingTheCallerKillsTheProbeAndKeepsTheInterrupt() throws InterruptedException {
        AtomicReference<ProbeResult> result = new AtomicReference<>();
        AtomicBoolean stillInterrupted = new AtomicBoolean();
        Thread caller = new Thread(() -> {
            result.set(probe("echo $$ > shell.pid; sleep 60 & echo $! > sleeper.pid; wait", Duration.ofSeconds(30)));
            stillInterrupted.set(Thread.currentThread().isInterrupted());
        });
        caller.start();
        long shell = pid("shell.pid");
        long sleeper = pid("sleeper.pid");
        caller.interrupt();
        caller.join(GONE_WITHIN.toMillis());
        assertFalse(caller.isAlive(), "probe returned after the interrupt");
        assertFalse(result.get().healthy());
        assertEquals("interrupted", result.get().detail());
        assertTrue(stillInterrupted.get(), "interrupt flag preserved");
        assertGone(shell, "probe shell");
        assertGone(sleeper, "sleeper");
    }

    @Test
    void missingDirectoryIsUnhealthy() {
        ProbeContext nowhere = new ProbeContext(dir.resolve("missing"), Map.of());
        ProbeResult result = new ExecProbe(new HealthCheck.Exec("true", TcpProbeTest.timeout(Duration.ofSeconds(1))),
                nowhere, ProcessScope.CURRENT).attempt();
        assertFalse(result.healthy());
        assertEquals("cannot run probe: directory does not exist: " + dir.resolve("missing"), result.detail());
    }

    @Test
    void unknownCommandIsUnhealthyWithTheShellsComplaint() {
        ProbeResult result = probe("surely-no-such-command-here", Duration.ofSeconds(5));
        assertFalse(result.healthy());
        assertTrue(result.detail().startsWith("exit 127: "), result.detail());
        assertTrue(result.detail().contains("surely-no-such-command-here"), result.detail());
    }
}
