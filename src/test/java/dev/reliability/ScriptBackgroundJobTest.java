package dev.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.run.RunLock;
import dev.testing.Await;
import dev.testing.Processes;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dev start -d &} from a script: the shell starts dev with SIGINT and SIGQUIT ignored, and the services
 * must not inherit that, or a service stopped with {@code stop_signal = "INT"} would sit out its stop timeout and
 * be killed.
 */
@EnabledOnOs(value = OS.LINUX, disabledReason = "reads signal dispositions from /proc/PID/status")
class ScriptBackgroundJobTest {
    private static final long INT = 1L << 1;
    private static final long QUIT = 1L << 2;

    @TempDir
    Path temp;

    @Test
    void servicesOfADevStartedAsAScriptsBackgroundJobStopOnSigint() throws Exception {
        try (DevProject project = new DevProject(temp.resolve("script"))) {
            project.write("""
                    [services.api]
                    command = "exec sleep 300"
                    stop_signal = "INT"
                    stop_timeout = "40s"
                    """);
            DevProject.Result start = project.spawnAsScriptBackgroundJob("start", "-d", "--wait").await(DevProject.COMMAND_TIMEOUT);
            assertEquals(0, start.code(), start::toString);
            long pid = project.state().orElseThrow().path("services").get(0).path("pid").asLong();
            try {
                assertTrue(pid > 0, "the state file names the service's pid");
                assertEquals(0, Processes.ignoredSignalMask(pid) & (INT | QUIT), "the service has the default action of INT and QUIT");

                long began = System.nanoTime();
                DevProject.Result stop = project.dev("stop");
                long tookMillis = (System.nanoTime() - began) / 1_000_000;
                assertEquals(0, stop.code(), stop::toString);
                // The 40 s stop timeout is the tell: a service ignoring SIGINT is SIGKILLed only after it.
                assertTrue(tookMillis < 30_000, "stopped by its SIGINT, not killed after the timeout: " + tookMillis + " ms");
                Await.until(Duration.ofSeconds(10), () -> !Processes.alive(pid), "the service is gone");
            } finally {
                Processes.killGroupQuietly(pid);
            }
            assertFalse(RunLock.held(project.lockFile()), "the lock is released");
        }
    }
}
