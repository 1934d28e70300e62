package dev.cli;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Runs the dev CLI as a separate process, the way a user's shell does: {@code java -cp <test class path>
 * dev.cli.Main --no-color -C <project> …}. Every process it starts carries {@link #TEST_MARKER} in its
 * environment, which everything started below it inherits (the background orchestrator, its watchdog, the
 * services and their escaped daemons), so a test can sweep all of it without relying on the code under test.
 */
final class RunCli {
    /** Environment marker set on every CLI process a test starts; its value is the project directory. */
    static final String TEST_MARKER = "DEV_TEST_PROJECT";
    private static final List<String> JVM_FLAGS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
            "-Xshare:auto", "-XX:-UsePerfData");

    private RunCli() {
    }

    /** A finished CLI run. */
    record Result(int code, List<String> out, List<String> err) {
        String outText() {
            return String.join("\n", out);
        }

        String errText() {
            return String.join("\n", err);
        }

        @Override
        public String toString() {
            return "exit " + code + "\n--- stdout\n" + outText() + "\n--- stderr\n" + errText();
        }
    }

    /** A CLI process still running, its output collected line by line as it comes. */
    static final class Running {
        private final Process process;
        private final List<String> out = new ArrayList<>();
        private final List<String> err = new ArrayList<>();
        private final Thread outPump;
        private final Thread errPump;

        private Running(Process process) {
            this.process = process;
            this.outPump = pump(process.getInputStream(), out);
            this.errPump = pump(process.getErrorStream(), err);
        }

        Process process() {
            return process;
        }

        long pid() {
            return process.pid();
        }

        List<String> out() {
            synchronized (out) {
                return List.copyOf(out);
            }
        }

        List<String> err() {
            synchronized (err) {
                return List.copyOf(err);
            }
        }

        /** Waits for a stdout line matching {@code match}; fails if the process exits or the deadline passes. */
        String awaitLine(Predicate<String> match, Duration timeout, String description) {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (true) {
                for (String line : out()) {
                    if (match.test(line)) {
                        return line;
                    }
                }
                if (!process.isAlive()) {
                    joinPumps();
                    for (String line : out()) {
                        if (match.test(line)) {
                            return line;
                        }
                    }
                    throw new AssertionError("the CLI exited (" + process.exitValue() + ") before printing "
                            + description + "\n--- stdout\n" + String.join("\n", out()) + "\n--- stderr\n"
                            + String.join("\n", err()));
                }
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("no " + description + " within " + timeout.toMillis() + " ms\n--- stdout\n"
                            + String.join("\n", out()) + "\n--- stderr\n" + String.join("\n", err()));
                }
                pause();
            }
        }

        /** Waits for the process to exit; SIGKILLs it and fails when it does not within {@code timeout}. */
        Result await(Duration timeout) {
            try {
                if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly();
                    throw new AssertionError("the CLI did not exit within " + timeout.toMillis() + " ms\n--- stdout\n"
                            + String.join("\n", out()) + "\n--- stderr\n" + String.join("\n", err()));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
            joinPumps();
            return new Result(process.exitValue(), out(), err());
        }

        private void joinPumps() {
            try {
                // The pipes reach end-of-file once every holder of their write ends is gone; a CLI never hands
                // them to anything that outlives it (background processes get files), so this is quick.
                outPump.join(5000);
                errPump.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Starts {@code dev --no-color -C project ARGS…} with the test's environment plus {@code extraEnv}. */
    static Running spawn(Path project, Map<String, String> extraEnv, List<String> args) {
        List<String> argv = new ArrayList<>();
        argv.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        argv.addAll(JVM_FLAGS);
        argv.add("-cp");
        argv.add(System.getProperty("java.class.path"));
        argv.add(Main.class.getName());
        argv.add("--no-color");
        argv.add("-C");
        argv.add(project.toString());
        argv.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(argv);
        pb.directory(project.toFile());
        pb.redirectInput(new File("/dev/null"));
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("DEV_") || k.equals("NO_COLOR") || k.equals("CLICOLOR_FORCE"));
        env.putAll(extraEnv);
        env.put(TEST_MARKER, project.toString());
        try {
            return new Running(pb.start());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + argv, e);
        }
    }

    static Result run(Path project, Map<String, String> extraEnv, Duration timeout, List<String> args) {
        return spawn(project, extraEnv, args).await(timeout);
    }

    static Map<String, String> env(String... keyValues) {
        Map<String, String> env = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            env.put(keyValues[i], keyValues[i + 1]);
        }
        return env;
    }

    private static Thread pump(InputStream stream, List<String> lines) {
        Thread thread = new Thread(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    synchronized (lines) {
                        lines.add(line);
                    }
                }
            } catch (IOException e) {
                // the process is gone
            }
        }, "test-cli-output");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static void pause() {
        try {
            Thread.sleep(10);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
