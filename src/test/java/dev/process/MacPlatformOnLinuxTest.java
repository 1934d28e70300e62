package dev.process;

import dev.config.Signal;
import dev.fixtures.Fixtures;
import dev.testing.Await;
import dev.testing.CapturedOutput;
import dev.testing.ProcessCleanup;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

import static dev.process.SpawnTest.BASE_ENV;
import static dev.process.SpawnTest.WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The macOS platform only uses perl, ps, lsof and kill in forms Linux accepts too, so it runs here, checked
 * against the /proc platform. Not covered: {@code ps -E} (processesWithEnv), which Linux ps does not have.
 */
class MacPlatformOnLinuxTest {
    final ProcessPlatform mac = new MacProcessPlatform();
    final ProcessPlatform linux = ProcessPlatform.current();
    @AutoClose // kills every process group a test registered, after each test
    final ProcessCleanup cleanup = new ProcessCleanup();
    @TempDir
    Path dir;

    SpawnedProcess spawn(String command) throws SpawnException {
        SpawnedProcess spawned = mac.spawn(new SpawnSpec("mac", command, dir, BASE_ENV));
        cleanup.group(spawned.pgid());
        return spawned;
    }

    @Test
    void spawnsASessionLeaderThroughPerl() throws Exception {
        SpawnedProcess spawned = spawn(Fixtures.sleeper());

        ProcessInfo seenByPs = mac.info(spawned.pid()).orElseThrow();
        ProcessInfo seenByProc = linux.info(spawned.pid()).orElseThrow();
        assertEquals(spawned.pid(), seenByPs.pgid());
        assertEquals(spawned.pid(), seenByProc.sid());
        assertEquals(-1, seenByPs.sid(), "ps cannot tell the session on macOS");
        assertEquals(ProcessHandle.current().pid(), seenByPs.ppid());
        assertEquals(seenByProc.startTime().getEpochSecond(), seenByPs.startTime().getEpochSecond());
        Await.until(WAIT, () -> mac.info(spawned.pid()).orElseThrow().commandLine().equals("sleep 600"),
                "command line after exec");
    }

    @Test
    void identityMatchesToTheSecond() throws Exception {
        SpawnedProcess spawned = spawn(Fixtures.sleeper());
        assertTrue(mac.matches(spawned.identity()));
        assertTrue(mac.matches(linux.info(spawned.pid()).orElseThrow().identity()), "both platforms agree");
        assertFalse(mac.matches(new ProcessIdentity(spawned.pid(), spawned.startTime().minusSeconds(2))));

        mac.signalGroup(spawned.pgid(), Signal.KILL);
        spawned.process().waitFor();
        assertFalse(mac.matches(spawned.identity()));
        assertTrue(mac.info(spawned.pid()).isEmpty());
    }

    @Test
    void groupMembersExcludeZombies() throws Exception {
        SpawnedProcess spawned = spawn("sleep 600 & sleep 0 & echo $!; exec sleep 600");
        CapturedOutput output = CapturedOutput.of(spawned);
        long zombie = Long.parseLong(Await.value(WAIT, () -> output.out().isEmpty() ? null : output.out().get(0),
                "zombie pid"));
        Await.until(WAIT, () -> mac.info(zombie).map(ProcessInfo::zombie).orElse(false), "child is a zombie");
        Await.until(WAIT, () -> mac.groupMembers(spawned.pgid()).size() == 2, "leader and live child");

        List<Long> members = mac.groupMembers(spawned.pgid()).stream().map(ProcessInfo::pid)
                .collect(Collectors.toList());
        assertEquals(linux.groupMembers(spawned.pgid()).stream().map(ProcessInfo::pid).collect(Collectors.toList()),
                members);
        assertFalse(members.contains(zombie));
    }

    @Test
    void theGroupStopperWorksThroughPs() throws Exception {
        SpawnedProcess spawned = spawn(Fixtures.withGrandchild());
        Await.until(WAIT, () -> mac.groupMembers(spawned.pgid()).size() == 2, "two members");

        StopOutcome outcome = new GroupStopper().stop(spawned.pgid(), Signal.TERM, Duration.ofSeconds(10), mac);

        assertFalse(outcome.killed(), outcome::toString);
        assertTrue(outcome.empty());
        assertTrue(linux.groupEmpty(spawned.pgid()));
    }

    @Test
    void lsofFindsTheListener() throws Exception {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
            PortHolder holder = mac.portHolder(socket.getLocalPort()).orElseThrow();
            assertEquals(ProcessHandle.current().pid(), holder.pid());
            assertEquals(linux.portHolder(socket.getLocalPort()).orElseThrow(), holder);
        }
    }
}
