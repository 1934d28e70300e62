package dev.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.process.ProcessInfo;
import dev.process.ProcessPlatform;
import dev.testing.Processes;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A project directory for end-to-end reliability tests: runs {@code dev} in it as a separate JVM the way a
 * user's shell does, reads {@code .dev/} as a user could, and on {@link #close()} SIGKILLs — by pid, never by
 * name — every process any of it started. Everything started carries {@link #MARKER} in its environment (the
 * CLI, the background orchestrator, its watchdog, the services and their escaped daemons), so clean-up does not
 * depend on the code under test finding them.
 */
final class DevProject implements AutoCloseable {
    static final String MARKER = "DEV_RELIABILITY_PROJECT";
    static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(60);
    private static final List<String> JVM_FLAGS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
            "-Xshare:auto", "-XX:-UsePerfData");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dir;
    private final AtomicInteger runs = new AtomicInteger();

    DevProject(Path dir) {
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

    Path lockFile() {
        return dir.resolve(".dev").resolve("lock");
    }

    Path stateFile() {
        return dir.resolve(".dev").resolve("state.json");
    }

    DevProject write(String toml) {
        try {
            Files.writeString(dir.resolve("dev.toml"), toml, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** A finished {@code dev} run. */
    record Result(List<String> args, int code, String out, String err) {
        @Override
        public String toString() {
            return "dev " + String.join(" ", args) + ": exit " + code + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
        }
    }

    /** A {@code dev} run in the background; its output goes to files, read once it has exited. */
    final class Running {
        private final List<String> args;
        private final Process process;
        private final Path out;
        private final Path err;

        private Running(List<String> args, Process process, Path out, Path err) {
            this.args = args;
            this.process = process;
            this.out = out;
            this.err = err;
        }

        long pid() {
            return process.pid();
        }

        boolean alive() {
            return process.isAlive();
        }

        /** Waits for the exit; SIGKILLs the CLI and fails when it takes longer than {@code timeout}. */
        Result await(Duration timeout) {
            try {
                if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly();
                    throw new AssertionError("dev " + String.join(" ", args) + " did not exit within " + timeout
                            + "\n--- stdout\n" + read(out) + "\n--- stderr\n" + read(err));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
            return new Result(args, process.exitValue(), read(out), read(err));
        }
    }

    /** Starts {@code dev --no-color -C DIR ARGS…} with the test JVM's java and class path. */
    Running spawn(String... args) {
        return spawnWrapped(List.of(), args);
    }

    /**
     * The same, as a background job of a non-interactive shell ({@code sh -c 'dev ARGS & wait'}), the way a
     * script or an npm script starts it: that shell starts it with SIGINT and SIGQUIT ignored.
     */
    Running spawnAsScriptBackgroundJob(String... args) {
        return spawnWrapped(List.of("/bin/sh", "-c", "\"$@\" & wait", "sh"), args);
    }

    private Running spawnWrapped(List<String> wrapper, String... args) {
        List<String> argv = new ArrayList<>(wrapper);
        argv.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        argv.addAll(JVM_FLAGS);
        argv.add("-cp");
        argv.add(System.getProperty("java.class.path"));
        argv.add("dev.cli.Main");
        argv.addAll(List.of("--no-color", "-C", dir.toString()));
        argv.addAll(List.of(args));
        int n = runs.incrementAndGet();
        Path logs = dir.resolve("cli-output");
        Path out = logs.resolve(n + ".out");
        Path err = logs.resolve(n + ".err");
        try {
            Files.createDirectories(logs);
            ProcessBuilder pb = new ProcessBuilder(argv).directory(dir.toFile())
                    .redirectInput(new File("/dev/null")).redirectOutput(out.toFile()).redirectError(err.toFile());
            Map<String, String> env = pb.environment();
            env.keySet().removeIf(k -> k.startsWith("DEV_") || k.equals("NO_COLOR") || k.equals("CLICOLOR_FORCE"));
            env.put(MARKER, dir.toString());
            return new Running(List.of(args), pb.start(), out, err);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + argv, e);
        }
    }

    Result dev(String... args) {
        return spawn(args).await(COMMAND_TIMEOUT);
    }

    Optional<JsonNode> lock() {
        return readJson(lockFile());
    }

    Optional<JsonNode> state() {
        return readJson(stateFile());
    }

    /** Live processes (zombies are not) whose environment has {@code key=value}. */
    static Set<Long> processesWith(String key, String value) {
        Set<Long> pids = new TreeSet<>();
        for (ProcessInfo p : ProcessPlatform.current().processesWithEnv(key, value)) {
            pids.add(p.pid());
        }
        pids.remove(ProcessHandle.current().pid());
        return pids;
    }

    /** Every live process a service of this project started, in any run: they carry {@code DEV_PROJECT_ROOT}. */
    Set<Long> serviceProcesses() {
        return processesWith("DEV_PROJECT_ROOT", dir.toString());
    }

    /** Everything this project's tests started and that is still alive: CLIs, orchestrators, watchdogs, services. */
    Set<Long> everything() {
        Set<Long> all = processesWith(MARKER, dir.toString());
        all.addAll(serviceProcesses());
        return all;
    }

    static String describe(Set<Long> pids) {
        StringBuilder b = new StringBuilder();
        for (long pid : pids) {
            b.append(pid).append(' ').append(commandLine(pid)).append('\n');
        }
        return b.toString();
    }

    static String commandLine(long pid) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline")),
                    StandardCharsets.UTF_8).replace('\0', ' ').strip();
        } catch (IOException e) {
            return "(gone)";
        }
    }

    /** SIGKILLs everything of this project until nothing is left; fails if something survives ten seconds of it. */
    @Override
    public void close() {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        Set<Long> left = everything();
        while (!left.isEmpty() && System.nanoTime() < deadline) {
            left.forEach(Processes::killQuietly); // by pid: they may share the test JVM's process group
            pause(20);
            left = everything();
        }
        if (!left.isEmpty()) {
            throw new AssertionError("processes survived clean-up:\n" + describe(left));
        }
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private static Optional<JsonNode> readJson(Path file) {
        try {
            return Optional.of(JSON.readTree(Files.readAllBytes(file)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            return Optional.empty(); // being rewritten (temp file + rename leaves no torn file, but a reader may race it)
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }
}
