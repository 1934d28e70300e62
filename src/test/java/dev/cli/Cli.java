package dev.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Runs the picocli tree in-process, as {@code bin/dev} would, with captured UTF-8 streams, a chosen
 * working directory and a small fixed environment, so no test depends on the machine's own
 * environment or terminal.
 */
final class Cli {
    /** What every run sees unless a test says otherwise: enough for a shell, nothing more. */
    static final Map<String, String> BASE_ENV = Map.of("PATH", "/usr/bin:/bin", "HOME", "/home/dev");

    private static final char ESC = '\u001b';

    private Cli() {
    }

    /** What one {@code dev} invocation did. */
    record CliResult(int exit, String out, String err) {
        boolean outHasAnsi() {
            return out.indexOf(ESC) >= 0;
        }

        boolean errHasAnsi() {
            return err.indexOf(ESC) >= 0;
        }

        /** Both streams, for failure messages. */
        @Override
        public String toString() {
            return "exit " + exit + "\n--- stdout ---\n" + out + "--- stderr ---\n" + err;
        }
    }

    /** {@code dev ARGS} in {@code cwd} with {@link #BASE_ENV}, stdout not a terminal. */
    static CliResult run(Path cwd, String... args) {
        return run(cwd, BASE_ENV, false, args);
    }

    /** @param env the whole environment dev sees (not merged with {@link #BASE_ENV}; see {@link #env}) */
    static CliResult run(Path cwd, Map<String, String> env, String... args) {
        return run(cwd, env, false, args);
    }

    static CliResult run(Path cwd, Map<String, String> env, boolean stdoutIsTerminal, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            exit = Main.run(new CliContext(o, e, Map.copyOf(env), cwd, stdoutIsTerminal), args);
        }
        return new CliResult(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** {@link #BASE_ENV} plus {@code key, value} pairs. */
    static Map<String, String> env(String... keyValues) {
        if (keyValues.length % 2 != 0) {
            throw new IllegalArgumentException("key/value pairs expected");
        }
        Map<String, String> env = new LinkedHashMap<>(BASE_ENV);
        for (int i = 0; i < keyValues.length; i += 2) {
            env.put(keyValues[i], keyValues[i + 1]);
        }
        return env;
    }

    /** Writes {@code text} to {@code dir/relative}, creating parent directories; returns the file. */
    static Path write(Path dir, String relative, String text) {
        try {
            Path file = dir.resolve(relative);
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** No stack trace, exception class or package name may reach a user without --verbose. */
    static void assertNoJavaInternals(String text) {
        for (String f : List.of("Exception", "\tat ", "at java.", "at dev.", "at picocli.", "java.lang", "java.io",
                "java.nio", "com.fasterxml", "jackson", "dev.config.", "dev.cli.", ".java:", "Caused by")) {
            assertFalse(text.contains(f), () -> "output contains `" + f + "`:\n" + text);
        }
    }
}
