package dev.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.process.ProcessInfo;
import dev.process.ProcessPlatform;
import dev.testing.Await;
import dev.testing.Processes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A throwaway project for end-to-end tests of the run commands: a directory with a dev.toml, helpers to run
 * {@code dev} in it as a real process and to read {@code .dev/} the way a user could, and a clean-up that
 * SIGKILLs every process any of it started — found by the test's own environment marker and by
 * {@code DEV_PROJECT_ROOT}, never by name — and fails the test if something survives.
 */
final class RunProject implements AutoCloseable {
    static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dir;
    private final Map<String, String> env = new HashMap<>();
    private final List<Long> extraPids = new ArrayList<>();

    RunProject(Path dir) {
        try {
            Files.createDirectories(dir);
            this.dir = dir.toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path dir() {
        return dir;
    }

    Path runDir() {
        return dir.resolve(".dev");
    }

    Path lockFile() {
        return runDir().resolve("lock");
    }

    Path stateFile() {
        return runDir().resolve("state.json");
    }

    /** Sets a variable in the environment of every later {@code dev} process of this project. */
    RunProject withEnv(String key, String value) {
        env.put(key, value);
        return this;
    }

    RunProject write(String toml) {
        try {
            Files.writeString(dir.resolve("dev.toml"), toml, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** A TOML basic string holding {@code text} exactly. */
    static String str(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /**
     * A service's keys: it prints {@code ready}, then runs {@code shell}, and is healthy as soon as that line shows
     * rather than after the default one-second start period, which keeps end-to-end tests quick.
     */
    static String readyService(String shell) {
        return "command = " + str("echo ready; " + shell) + "\nhealth = { log = \"^ready$\" }\n";
    }

    RunCli.Result dev(String... args) {
        return RunCli.run(dir, env, COMMAND_TIMEOUT, List.of(args));
    }

    RunCli.Running spawn(String... args) {
        return RunCli.spawn(dir, env, List.of(args));
    }

    /** Remembers a process the test started itself, to be killed at clean-up. */
    long track(long pid) {
        extraPids.add(pid);
        return pid;
    }

    Optional<JsonNode> lock() {
        return readJson(lockFile());
    }

    Optional<JsonNode> state() {
        return readJson(stateFile());
    }

    String runId() {
        return lock().orElseThrow(() -> new AssertionError("no lock file")).path("run_id").asText();
    }

    long orchestratorPid() {
        return lock().orElseThrow(() -> new AssertionError("no lock file")).path("pid").asLong();
    }

    /**
     * The service's pid as the state file records it, once it records one: the file is written by its own thread,
     * so right after a command saw the stack up it may still hold an earlier snapshot.
     */
    long servicePid(String name) {
        return Await.value(Duration.ofSeconds(10), () -> {
            long pid = recorded(name).path("pid").asLong();
            return pid > 0 ? pid : null;
        }, "a pid for " + name + " in " + stateFile());
    }

    /** Waits until the state file records every service up (healthy, running or completed). */
    void awaitRecordedUp() {
        Await.until(Duration.ofSeconds(10), () -> state().map(s -> {
            for (JsonNode svc : s.path("services")) {
                if (!Set.of("healthy", "running", "completed").contains(svc.path("state").asText())) {
                    return false;
                }
            }
            return s.path("services").size() > 0;
        }).orElse(false), "every service recorded up in " + stateFile());
    }

    private JsonNode recorded(String name) {
        JsonNode state = state().orElseThrow(() -> new AssertionError("no state file"));
        for (JsonNode s : state.path("services")) {
            if (s.path("name").asText().equals(name)) {
                return s;
            }
        }
        throw new AssertionError("no service " + name + " in " + state);
    }

    /** The orchestrator's watchdog: its child running {@code sh -c … dev-watchdog …}. */
    static long watchdogOf(long orchestratorPid) {
        return ProcessHandle.of(orchestratorPid).orElseThrow(() -> new AssertionError("no orchestrator " + orchestratorPid))
                .children().map(ProcessHandle::pid).filter(pid -> commandLine(pid).contains("dev-watchdog"))
                .findFirst().orElseThrow(() -> new AssertionError("the orchestrator " + orchestratorPid + " has no watchdog"));
    }

    /** {@code /proc/PID/cmdline} with spaces between the arguments; empty when the process is gone. */
    static List<String> commandLine(long pid) {
        try {
            String raw = new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline")),
                    StandardCharsets.UTF_8);
            return List.of(raw.split("\0"));
        } catch (IOException e) {
            return List.of();
        }
    }

    /** Live processes carrying this run's marker. */
    static Set<Long> runProcesses(String runId) {
        return pids(ProcessPlatform.current().processesWithEnv("DEV_RUN_ID", runId));
    }

    /** Every live process this project's tests started, directly or not. */
    Set<Long> everything() {
        Set<Long> all = pids(ProcessPlatform.current().processesWithEnv(RunCli.TEST_MARKER, dir.toString()));
        all.addAll(pids(ProcessPlatform.current().processesWithEnv("DEV_PROJECT_ROOT", dir.toString())));
        all.remove(ProcessHandle.current().pid());
        return all;
    }

    static String describe(Set<Long> pids) {
        List<String> out = new ArrayList<>();
        for (long pid : pids) {
            out.add(pid + " " + String.join(" ", commandLine(pid)));
        }
        return String.join("\n", out);
    }

    @Override
    public void close() {
        extraPids.forEach(Processes::killQuietly);
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        Set<Long> left = everything();
        while (!left.isEmpty() && System.nanoTime() < deadline) {
            // By pid only: these processes may share the test JVM's process group.
            left.forEach(Processes::killQuietly);
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            left = everything();
        }
        if (!left.isEmpty()) {
            throw new AssertionError("processes survived clean-up:\n" + describe(left));
        }
    }

    private static Set<Long> pids(List<ProcessInfo> ps) {
        Set<Long> out = new TreeSet<>();
        ps.forEach(p -> out.add(p.pid()));
        return out;
    }

    private static Optional<JsonNode> readJson(Path file) {
        try {
            return Optional.of(JSON.readTree(Files.readAllBytes(file)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + json, e);
        }
    }
}
