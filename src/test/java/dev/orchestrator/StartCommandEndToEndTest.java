package dev.orchestrator;

import dev.fixtures.Fixtures;
import dev.process.ProcessInfo;
import dev.process.ProcessPlatform;
import dev.testing.Await;
import dev.testing.Processes;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static dev.orchestrator.Sh.UP;
import static dev.orchestrator.Sh.UP_CHECK;
import static dev.orchestrator.Sh.toml;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code dev start} as a user runs it: the real CLI in its own JVM, in the foreground, ended by SIGTERM (what a
 * closing terminal or {@code kill} sends). Must print "stack is up", stop everything, and exit 0.
 */
class StartCommandEndToEndTest {
    @TempDir
    Path dir;
    Process dev;
    final List<String> stdout = new ArrayList<>();

    @AfterEach
    void cleanUp() throws Exception {
        if (dev != null && dev.isAlive()) {
            dev.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        leftovers().forEach(p -> Processes.killQuietly(p.pid()));
    }

    @Test
    void aForegroundStartComesUpAndStopsCleanlyOnSigterm() throws Exception {
        Files.writeString(dir.resolve("dev.toml"), """
                [project]
                name = "e2e"

                [services.api]
                command = %s
                port = "auto"
                health = { http = "/health", interval = "100ms" }

                [services.web]
                command = %s
                depends_on = ["api"]
                health = %s
                """.formatted(toml(Fixtures.command("--port", "${port}")), toml(UP), UP_CHECK));
        ProcessBuilder builder = new ProcessBuilder(javaBinary(), "-cp", testClassPath(), "dev.cli.Main",
                "-C", dir.toString(), "start")
                .redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().remove("CLICOLOR_FORCE");
        dev = builder.start();
        capture(dev);

        Await.until(java.time.Duration.ofSeconds(20), () -> printed().contains("stack is up"),
                () -> "'stack is up' in:\n" + printed());
        assertEquals(2, leftovers().size(), "api and web run: " + leftovers());

        // Not Process.destroy(): it closes our end of dev's stdout, and the shutdown lines would be lost.
        assertEquals(0, new ProcessBuilder("kill", "-s", "TERM", Long.toString(dev.pid())).start().waitFor());
        assertTrue(dev.waitFor(15, TimeUnit.SECONDS), "dev exits after SIGTERM:\n" + printed());

        assertEquals(0, dev.exitValue(), printed());
        Await.until(java.time.Duration.ofSeconds(2), () -> leftovers().isEmpty(), () -> "leftovers " + leftovers());
        Await.until(java.time.Duration.ofSeconds(2), () -> printed().contains("all stopped"), this::printed);
        String text = printed();
        assertTrue(text.contains("web stopped") && text.contains("api stopped"), text);
        assertTrue(text.indexOf("web stopped") < text.indexOf("api stopped"), "web before api:\n" + text);
        assertFalse(text.contains("\u001b"), "stdout is a pipe: no colour\n" + text);
    }

    /** Processes started for this project, found by the variable dev sets in every service. */
    private List<ProcessInfo> leftovers() {
        List<ProcessInfo> found = new ArrayList<>(ProcessPlatform.current().processesWithEnv("DEV_PROJECT_ROOT",
                dir.toString()));
        try {
            Path real = dir.toRealPath();
            if (!real.equals(dir)) {
                found.addAll(ProcessPlatform.current().processesWithEnv("DEV_PROJECT_ROOT", real.toString()));
            }
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        return found;
    }

    private String printed() {
        synchronized (stdout) {
            return String.join("\n", stdout);
        }
    }

    private void capture(Process process) {
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    synchronized (stdout) {
                        stdout.add(line);
                    }
                }
            } catch (java.io.IOException e) {
                // the process is gone
            }
        }, "e2e-stdout");
        reader.setDaemon(true);
        reader.start();
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Surefire puts the real class path here (java.class.path may be a single manifest-only jar). */
    private static String testClassPath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    }
}
