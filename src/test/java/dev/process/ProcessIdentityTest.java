package dev.process;

import dev.config.Signal;
import dev.fixtures.Fixtures;
import dev.testing.Await;
import dev.testing.CapturedOutput;
import dev.testing.ProcessCleanup;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import static dev.process.SpawnTest.BASE_ENV;
import static dev.process.SpawnTest.WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The PID-reuse guard on real processes. */
class ProcessIdentityTest {
    final ProcessPlatform platform = ProcessPlatform.current();
    @AutoClose // kills every process group a test registered, after each test
    final ProcessCleanup cleanup = new ProcessCleanup();
    @TempDir
    Path dir;

    SpawnedProcess spawn(String command) throws SpawnException {
        SpawnedProcess spawned = platform.spawn(new SpawnSpec("identity", command, dir, BASE_ENV));
        cleanup.group(spawned.pgid());
        return spawned;
    }

    @Test
    void aLiveProcessMatchesTheIdentityRecordedAtSpawn() throws Exception {
        Instant before = Instant.now();
        SpawnedProcess spawned = spawn(Fixtures.sleeper());
        Instant after = Instant.now();

        assertTrue(platform.matches(spawned.identity()));
        assertEquals(spawned.startTime(), platform.startTime(spawned.pid()).orElseThrow());
        // btime is whole seconds (truncated), so the wall-clock reading may be up to a second early
        assertTrue(!spawned.startTime().isBefore(before.minusSeconds(2)) && !spawned.startTime().isAfter(after),
                () -> spawned.startTime() + " not within " + before + " .. " + after);
    }

    @Test
    void theJdksOwnStartInstantAgreesWithinTheTolerance() throws Exception {
        SpawnedProcess spawned = spawn(Fixtures.sleeper());
        Instant jdk = ProcessHandle.of(spawned.pid()).orElseThrow().info().startInstant().orElseThrow();
        assertTrue(platform.matches(new ProcessIdentity(spawned.pid(), jdk)),
                () -> "jdk " + jdk + " vs " + spawned.startTime());
    }

    @Test
    void aLivePidWithAnotherStartTimeDoesNotMatch() throws Exception {
        SpawnedProcess spawned = spawn(Fixtures.sleeper());
        Instant start = spawned.startTime();

        for (Duration shift : new Duration[] {Duration.ofMillis(10), Duration.ofMillis(-10), Duration.ofMillis(500),
                Duration.ofSeconds(2), Duration.ofMinutes(-5)}) {
            assertFalse(platform.matches(new ProcessIdentity(spawned.pid(), start.plus(shift))), shift::toString);
        }
        assertTrue(platform.matches(new ProcessIdentity(spawned.pid(), start.plusSeconds(1))),
                "a one-second boot-time shift is the documented tolerance");
    }

    @Test
    void aDeadProcessNoLongerMatches() throws Exception {
        SpawnedProcess spawned = spawn(Fixtures.sleeper());
        ProcessIdentity identity = spawned.identity();
        platform.signalGroup(spawned.pgid(), Signal.KILL);
        spawned.process().waitFor();

        assertFalse(platform.matches(identity));
        assertTrue(platform.info(spawned.pid()).isEmpty());
        assertTrue(platform.startTime(spawned.pid()).isEmpty());
    }

    @Test
    void aZombieDoesNotMatch() throws Exception {
        SpawnedProcess spawned = spawn("sleep 0 & echo $!; exec sleep 600");
        CapturedOutput output = CapturedOutput.of(spawned);
        long zombie = Long.parseLong(Await.value(WAIT, () -> output.out().isEmpty() ? null : output.out().get(0),
                "the child's pid"));
        ProcessInfo info = Await.value(WAIT, () -> platform.info(zombie).filter(ProcessInfo::zombie).orElse(null),
                "child is a zombie");

        assertFalse(platform.matches(info.identity()));
    }

    @Test
    void thisJvmMatchesItself() {
        long self = ProcessHandle.current().pid();
        Instant start = platform.startTime(self).orElseThrow();
        assertTrue(platform.matches(new ProcessIdentity(self, start)));
        assertTrue(start.isBefore(Instant.now()));
    }
}
