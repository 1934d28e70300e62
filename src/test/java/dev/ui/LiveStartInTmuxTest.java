package dev.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fixtures.Fixtures;
import dev.testing.Await;
import dev.testing.ProcessCleanup;
import dev.testing.Processes;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end, as a user sees it: {@code bin/dev start} in a real terminal (a tmux pane, read back
 * with {@code capture-pane}), three services, the pinned status line showing each of them healthy,
 * then {@code q} stops the stack and gives the terminal back.
 */
class LiveStartInTmuxTest {
    /** Generous: on a fresh checkout bin/dev first builds target/dev.jar with Maven. */
    private static final Duration UP_DEADLINE = Duration.ofSeconds(240);
    private static final Duration STOP_DEADLINE = Duration.ofSeconds(30);
    private static final Pattern ALL_HEALTHY =
            Pattern.compile("^ok 3/3 │ ● db :\\d+  ● api :\\d+  ● worker\\s*$", Pattern.MULTILINE);

    @TempDir
    Path project;

    private final String socket = "dev-e2e-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
    private final String session = "dev";
    private final ProcessCleanup cleanup = new ProcessCleanup();

    @AfterEach
    void tearDown() {
        cleanup.close();
        run(List.of("tmux", "-L", socket, "kill-server"), Duration.ofSeconds(10));
    }

    @Test
    void theStatusLineShowsEveryServiceReachingHealthyAndQStopsTheStack() throws Exception {
        assumeTrue(tmuxInstalled(), "tmux is not installed (Debian package 'tmux'; .ci/run installs it)");
        Path devScript = Path.of(System.getProperty("dev.projectDir", ".")).toAbsolutePath().resolve("bin/dev");
        assertTrue(Files.isExecutable(devScript), devScript + " is missing");
        Files.writeString(project.resolve("dev.toml"), """
                [services.db]
                command = '''%s'''
                port = "auto"

                [services.api]
                command = '''%s'''
                port = "auto"
                depends_on = ["db"]
                health = { http = "/" }

                [services.worker]
                command = "echo worker ready; exec sleep 600"
                depends_on = ["db"]
                health = { log = "worker ready" }
                """.formatted(Fixtures.command("--port", "${port}"),
                Fixtures.command("--port", "${port}", "--ready-after", "300ms")));

        // CI is unset for dev itself: this test is about the terminal view, which CI runs never get.
        String command = "env -u CI DEV_NO_CDS=1 " + Fixtures.quote(devScript.toString()) + " -C "
                + Fixtures.quote(project.toString()) + " start; echo \"dev exited: $?\"; exec sleep 600";
        // -u: UTF-8 whatever the locale says (the status line is made of ● and │).
        run(List.of("tmux", "-u", "-L", socket, "-f", "/dev/null", "new-session", "-d", "-s", session, "-x", "160", "-y", "40",
                "/bin/sh", "-c", command), Duration.ofSeconds(10));

        Await.until(UP_DEADLINE, () -> ALL_HEALTHY.matcher(capture()).find(),
                () -> "the status line to show db, api and worker healthy; the screen:\n" + capture());
        String screen = capture();
        List<Long> pids = servicePids();
        assertEquals(3, pids.size(), "three service processes");
        List<String> lines = screen.lines().toList();
        int status = indexOf(lines, ALL_HEALTHY);
        assertTrue(lines.get(status + 1).startsWith("r restart  l logs: all  q stop"), screen);
        assertTrue(lines.subList(status + 2, lines.size()).stream().allMatch(String::isBlank),
                "the status is at the bottom of the screen:\n" + screen);
        assertTrue(screen.contains("dev    │ ✔ stack is up in "), screen);
        assertTrue(screen.contains("worker │ worker ready"), "service output scrolls above the status:\n" + screen);

        run(List.of("tmux", "-L", socket, "send-keys", "-t", session, "q"), Duration.ofSeconds(10));
        Await.until(STOP_DEADLINE, () -> capture().contains("dev exited: 0"),
                () -> "dev to stop the stack and exit 0 after q; the screen:\n" + capture());
        String after = capture();
        assertTrue(after.contains("dev    │ all stopped"), after);
        assertFalse(ALL_HEALTHY.matcher(after).find(), "the status line is gone:\n" + after);
        assertFalse(after.contains("r restart  l logs"), "the hint is gone:\n" + after);
        for (long pid : pids) {
            Await.until(STOP_DEADLINE, () -> !Processes.alive(pid), "service process " + pid + " to be gone");
        }
    }

    private static int indexOf(List<String> lines, Pattern pattern) {
        for (int i = 0; i < lines.size(); i++) {
            if (pattern.matcher(lines.get(i)).find()) {
                return i;
            }
        }
        throw new AssertionError("no line matches " + pattern + " in\n" + String.join("\n", lines));
    }

    private String capture() {
        return run(List.of("tmux", "-L", socket, "capture-pane", "-p", "-t", session), Duration.ofSeconds(10));
    }

    /** The services' pids, from the run's state as {@code dev status --json} reports it; their groups go to clean-up. */
    private List<Long> servicePids() throws IOException {
        Path devScript = Path.of(System.getProperty("dev.projectDir", ".")).toAbsolutePath().resolve("bin/dev");
        String json = run(List.of("env", "DEV_NO_CDS=1", devScript.toString(), "-C", project.toString(), "status", "--json"),
                Duration.ofSeconds(60));
        List<Long> pids = new ArrayList<>();
        for (JsonNode s : new ObjectMapper().readTree(json).path("services")) {
            if (s.path("pid").asLong() > 0) {
                pids.add(cleanup.pid(s.path("pid").asLong()));
                cleanup.group(s.path("pgid").asLong());
            }
        }
        return pids;
    }

    private static boolean tmuxInstalled() {
        try {
            Process p = new ProcessBuilder("tmux", "-V").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Runs a command to completion and returns its stdout (stderr is discarded). */
    private static String run(List<String> argv, Duration timeout) {
        try {
            Process p = new ProcessBuilder(argv).redirectInput(new File("/dev/null"))
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new AssertionError(argv + " did not finish within " + timeout);
            }
            return out;
        } catch (IOException e) {
            throw new AssertionError("cannot run " + argv, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
