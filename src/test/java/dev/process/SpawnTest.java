package dev.process;

import dev.config.Signal;
import dev.fixtures.Fixtures;
import dev.process.SpawnProblem.Kind;
import dev.testing.Await;
import dev.testing.CapturedOutput;
import dev.testing.ProcessCleanup;
import dev.testing.Processes;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Spawning real processes through the platform this JVM runs on (Linux here). */
class SpawnTest {
    static final Duration WAIT = Duration.ofSeconds(10);
    static final Map<String, String> BASE_ENV = Map.of("PATH", System.getenv("PATH"));
    /** A child that exits as soon as its parent has exec'd sleep: from then on nobody reaps it. */
    static final String EXIT_ONCE_PARENT_SLEEPS =
            "sh -c 'until [ \"$(cat /proc/$PPID/comm)\" = sleep ]; do sleep 0.01; done'";

    final ProcessPlatform platform = ProcessPlatform.current();
    @AutoClose // kills every process group a test registered, after each test
    final ProcessCleanup cleanup = new ProcessCleanup();
    @TempDir
    Path dir;

    SpawnedProcess spawn(String command) throws SpawnException {
        return spawn(command, BASE_ENV);
    }

    SpawnedProcess spawn(String command, Map<String, String> env) throws SpawnException {
        SpawnedProcess spawned = platform.spawn(new SpawnSpec("test", command, dir, env));
        cleanup.group(spawned.pgid());
        return spawned;
    }

    @Test
    void linuxUsesTheProcPlatform() {
        assertInstanceOf(LinuxProcessPlatform.class, platform);
    }

    @Test
    void spawnedProcessLeadsItsOwnSessionAndGroupWithoutAnExtraFork() throws Exception {
        SpawnedProcess spawned = spawn(Fixtures.sleeper());

        ProcessInfo info = platform.info(spawned.pid()).orElseThrow();
        assertEquals(spawned.process().pid(), spawned.pid(), "the JDK's pid is the service's pid");
        assertEquals(spawned.pid(), spawned.pgid());
        assertEquals(spawned.pid(), info.pgid(), "pid == pgid");
        assertEquals(spawned.pid(), info.sid(), "pid == sid");
        assertEquals(ProcessHandle.current().pid(), info.ppid(), "setsid did not fork: our child is the leader");
        assertEquals(info.startTime(), spawned.startTime());
    }

    @Test
    void theMacOsPerlLauncherAlsoGivesPidEqualsPgidEqualsSid() throws Exception {
        Path perl = SessionLauncher.findProgram("perl").orElseThrow();
        ProcessPlatform viaPerl = new LinuxProcessPlatform(SessionLauncher.perl(perl));
        SpawnedProcess spawned = viaPerl.spawn(new SpawnSpec("perl", Fixtures.sleeper(), dir, BASE_ENV));
        cleanup.group(spawned.pgid());

        ProcessInfo info = platform.info(spawned.pid()).orElseThrow();
        assertEquals(spawned.pid(), info.pgid());
        assertEquals(spawned.pid(), info.sid());
        assertEquals(ProcessHandle.current().pid(), info.ppid());
    }

    @Test
    void environmentIsReplacedNotMerged() throws Exception {
        Map<String, String> env = new HashMap<>(BASE_ENV);
        env.put("DEV_TEST_A", "one two");
        env.put("DEV_TEST_EMPTY", "");
        SpawnedProcess spawned = spawn("exec env", env);
        CapturedOutput output = CapturedOutput.of(spawned);
        assertEquals(0, spawned.process().waitFor());
        Await.until(WAIT, () -> output.out().size() >= env.size(), "env output");

        Map<String, String> seen = output.out().stream().map(line -> line.split("=", 2))
                .filter(kv -> !kv[0].equals("PWD")) // /bin/sh (dash) exports its working directory itself
                .collect(Collectors.toMap(kv -> kv[0], kv -> kv[1]));
        assertEquals(env, seen);
    }

    @Test
    void workingDirectoryIsHonoured() throws Exception {
        SpawnedProcess spawned = spawn("pwd -P");
        CapturedOutput output = CapturedOutput.of(spawned);
        assertEquals(0, spawned.process().waitFor());
        Await.until(WAIT, () -> !output.out().isEmpty(), "pwd output");
        assertEquals(dir.toRealPath().toString(), output.out().get(0));
    }

    @Test
    void stdinIsDevNullSoCatEndsAtOnce() throws Exception {
        SpawnedProcess spawned = spawn("cat; echo cat-done");
        CapturedOutput output = CapturedOutput.of(spawned);
        assertTrue(spawned.process().waitFor(10, TimeUnit.SECONDS), "cat read end of file at once");
        assertEquals(0, spawned.process().exitValue());
        Await.until(WAIT, () -> output.out().equals(List.of("cat-done")), () -> "output " + output.out());
    }

    @Test
    void stdoutAndStderrAreSeparatePipes() throws Exception {
        SpawnedProcess spawned = spawn("echo to-out; echo to-err >&2");
        CapturedOutput output = CapturedOutput.of(spawned);
        assertEquals(0, spawned.process().waitFor());
        Await.until(WAIT, () -> output.out().size() == 1 && output.err().size() == 1, "both lines");
        assertEquals(List.of("to-out"), output.out());
        assertEquals(List.of("to-err"), output.err());
    }

    @Test
    void aCommandThatExitsAtOnceStillSpawns() throws Exception {
        SpawnedProcess spawned = spawn("exit 3");
        assertEquals(3, spawned.process().waitFor());
    }

    @Test
    void aGroupSignalReachesGrandchildren() throws Exception {
        SpawnedProcess spawned = spawn(Fixtures.withGrandchild());
        List<ProcessInfo> members = Await.value(WAIT, () -> {
            List<ProcessInfo> now = platform.groupMembers(spawned.pgid());
            return now.size() == 2 ? now : null;
        }, "the shell and its sleep");
        long grandchild = members.stream().mapToLong(ProcessInfo::pid).filter(p -> p != spawned.pid())
                .findFirst().orElseThrow();
        assertTrue(members.stream().allMatch(m -> m.pgid() == spawned.pgid()));

        assertTrue(platform.signalGroup(spawned.pgid(), Signal.TERM));

        Await.until(WAIT, () -> platform.groupEmpty(spawned.pgid()), "group empty");
        assertFalse(Processes.alive(grandchild));
    }

    @Test
    void signallingOneProcessLeavesTheRestOfItsGroup() throws Exception {
        SpawnedProcess spawned = spawn(Fixtures.withGrandchild());
        // the shell's fork shows the shell's command line until it has exec'd sleep
        Await.until(WAIT, () -> platform.groupMembers(spawned.pgid()).stream()
                .anyMatch(m -> m.commandLine().equals("sleep 600")), "the shell and its sleep");

        assertTrue(platform.signalProcess(spawned.pid(), Signal.KILL));

        assertEquals(137, spawned.process().waitFor());
        List<ProcessInfo> left = platform.groupMembers(spawned.pgid());
        assertEquals(1, left.size());
        assertEquals("sleep 600", left.get(0).commandLine());
        assertFalse(platform.groupEmpty(spawned.pgid()));
    }

    @Test
    void signallingNothingReportsFalseAndInitIsNeverATarget() throws Exception {
        SpawnedProcess spawned = spawn("exit 0");
        spawned.process().waitFor();
        assertFalse(platform.signalProcess(spawned.pid(), Signal.TERM));
        assertFalse(platform.signalGroup(spawned.pgid(), Signal.TERM));
        assertThrows(IllegalArgumentException.class, () -> platform.signalGroup(1, Signal.KILL));
        assertThrows(IllegalArgumentException.class, () -> platform.signalGroup(0, Signal.KILL));
        assertThrows(IllegalArgumentException.class, () -> platform.signalProcess(-1, Signal.KILL));
    }

    @Test
    void zombiesAreNotGroupMembers() throws Exception {
        // The background child exits once the shell has become "exec sleep 600", which never reaps it, so it
        // stays a zombie in the group, next to a live leader. (Exiting sooner races the shell, which may reap a
        // finished job itself before its exec.)
        SpawnedProcess spawned = spawn(EXIT_ONCE_PARENT_SLEEPS + " & echo $!; exec sleep 600");
        CapturedOutput output = CapturedOutput.of(spawned);
        long zombie = Long.parseLong(Await.value(WAIT, () -> output.out().isEmpty() ? null : output.out().get(0),
                "the child's pid"));
        Await.until(WAIT, () -> platform.info(zombie).map(ProcessInfo::zombie).orElse(false), "child is a zombie");
        assertEquals(spawned.pgid(), platform.info(zombie).orElseThrow().pgid());

        List<ProcessInfo> members = platform.groupMembers(spawned.pgid());
        assertEquals(List.of(spawned.pid()), members.stream().map(ProcessInfo::pid).collect(Collectors.toList()));
    }

    @Test
    void aGroupOfOnlyZombiesIsEmpty() throws Exception {
        // setsid puts the background child in a group of its own; it exits and stays an unreaped zombie.
        SpawnedProcess spawned = spawn("setsid " + EXIT_ONCE_PARENT_SLEEPS + " & echo $!; exec sleep 600");
        CapturedOutput output = CapturedOutput.of(spawned);
        long zombie = Long.parseLong(Await.value(WAIT, () -> output.out().isEmpty() ? null : output.out().get(0),
                "the child's pid"));
        Await.until(WAIT, () -> platform.info(zombie).map(ProcessInfo::zombie).orElse(false), "child is a zombie");
        assertEquals(zombie, platform.info(zombie).orElseThrow().pgid(), "the zombie leads its own group");

        assertTrue(platform.groupEmpty(zombie));
        assertEquals(List.of(), platform.groupMembers(zombie));
    }

    @Test
    void preflightProblemsAreThrownBeforeAnythingStarts() {
        SpawnException notFound = assertThrows(SpawnException.class, () -> spawn("no-such-command-dev-test --x"));
        assertEquals(Kind.COMMAND_NOT_FOUND, notFound.problem().kind());

        Path missing = dir.resolve("missing");
        SpawnException noDir = assertThrows(SpawnException.class,
                () -> platform.spawn(new SpawnSpec("test", "true", missing, BASE_ENV)));
        assertEquals(Kind.DIRECTORY_MISSING, noDir.problem().kind());
        assertTrue(noDir.getMessage().contains(missing.toString()), noDir.getMessage());
    }

    @Test
    void withoutSetsidOrPerlEverySpawnFailsSayingSo() {
        SessionSpawner noLauncher = new SessionSpawner(java.util.Optional.empty(), platform::info);
        SpawnException e = assertThrows(SpawnException.class,
                () -> noLauncher.spawn(new SpawnSpec("api", "true", dir, BASE_ENV)));
        assertEquals(Kind.SPAWN_ERROR, e.problem().kind());
        assertTrue(e.getMessage().contains("setsid"), e.getMessage());
    }

    @Test
    void aScriptWithoutExecutePermissionIsRefused() throws Exception {
        Files.writeString(dir.resolve("run.sh"), "#!/bin/sh\necho hi\n");
        SpawnException e = assertThrows(SpawnException.class, () -> spawn("./run.sh"));
        assertEquals(Kind.PERMISSION_DENIED, e.problem().kind());
    }
}
