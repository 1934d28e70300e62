package dev.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.testing.Await;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SPEC §3 over a whole run, started with a umask that would make every file world-writable: the run directory,
 * lock, state file and control-socket directory are the owner's alone; and the orchestrator never opens a TCP
 * listening socket — not for its control channel, and not while checking whether a port is free (a fixed port
 * before each spawn, auto ports at start), which it once did with a {@code ServerSocket} on the wildcard
 * address. "Never" is checked with strace: every listen(2) of the run is traced, and none on a TCP socket may
 * come from a thread of the orchestrator's JVM. ({@code dev.cli.RunPermissionsTest} checks the modes a start
 * tightens and the listeners at one moment.)
 */
class OwnerOnlyNoTcpListenerTest {
    /** {@code 1234 listen(9<TCP:[127.0.0.1:5000]>, 50) = 0} or {@code <TCPv6:[[::]:5000]>}, as strace -yy prints it. */
    private static final Pattern LISTEN = Pattern.compile("^(\\d+)\\s+listen\\(\\d+<([A-Za-z0-9-]+):");

    @TempDir
    Path temp;

    @Test
    void runFilesAreOwnerOnlyUnderAnOpenUmaskAndTheOrchestratorNeverListensOnTcp() throws Exception {
        Path strace = Path.of("/usr/bin/strace");
        assertTrue(Files.isExecutable(strace), "strace is installed (.ci/run installs it)");
        Path bench = Path.of(System.getProperty("dev.projectDir", ".")).resolve("bench").resolve("listen-after.pl");
        int fixedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            fixedPort = s.getLocalPort();
        }
        try (DevProject project = new DevProject(temp.resolve("private"))) {
            Path trace = temp.resolve("listen.trace");
            project.write("""
                    [services.web]
                    port = "auto"
                    command = "exec perl %1$s ${port} 0.1 %2$s/web.bound"

                    [services.api]
                    port = %3$d
                    command = "exec perl %1$s ${port} 0.1 %2$s/api.bound"
                    depends_on = ["web"]
                    """.formatted(bench, project.dir(), fixedPort));
            Process foreground = startUnderStrace(project, strace, trace);
            Set<Long> jvmThreads = ConcurrentHashMap.newKeySet();
            AtomicBoolean sampling = new AtomicBoolean(true);
            Thread sampler = new Thread(() -> {
                while (sampling.get()) {
                    project.lock().map(l -> l.path("pid").asLong()).filter(pid -> pid > 0)
                            .ifPresent(pid -> jvmThreads.addAll(threads(pid)));
                    DevProject.pause(2);
                }
            }, "jvm-thread-sampler");
            sampler.start();
            try {
                Await.until(Duration.ofSeconds(60), () -> project.dev("status", "-q").code() == 0, "the stack is up");
                JsonNode lock = project.lock().orElseThrow();
                Path socketDir = Path.of(lock.path("socket").asText()).getParent();
                assertEquals("rwx------", mode(project.dir().resolve(".dev")));
                assertEquals("rw-------", mode(project.lockFile()));
                assertEquals("rw-------", mode(project.stateFile()));
                assertEquals("rwx------", mode(socketDir));

                DevProject.Result restart = project.dev("restart", "web"); // api too: a preflight of its fixed port
                assertEquals(0, restart.code(), restart::toString);
                assertEquals("rw-------", mode(project.stateFile()), "rewritten state stays owner-only");
                DevProject.Result stop = project.dev("stop");
                assertEquals(0, stop.code(), stop::toString);
                assertTrue(foreground.waitFor(30, TimeUnit.SECONDS), "the foreground dev start ends");
            } finally {
                sampling.set(false);
                sampler.join(5_000);
                foreground.destroyForcibly();
            }

            List<String> jvmListeners = new ArrayList<>();
            List<String> serviceListeners = new ArrayList<>();
            boolean controlSocket = false;
            for (String line : Files.readAllLines(trace)) {
                Matcher m = LISTEN.matcher(line);
                if (!m.find()) {
                    continue;
                }
                boolean jvm = jvmThreads.contains(Long.parseLong(m.group(1)));
                boolean tcp = m.group(2).startsWith("TCP");
                if (jvm && tcp) {
                    jvmListeners.add(line);
                } else if (tcp) {
                    serviceListeners.add(line);
                } else if (jvm && m.group(2).startsWith("UNIX")) {
                    controlSocket = true;
                }
            }
            assertTrue(controlSocket, "the trace saw the orchestrator listen on its control socket");
            assertTrue(serviceListeners.size() >= 4, () -> "the trace saw the services listen, twice each: "
                    + serviceListeners);
            assertEquals(List.of(), jvmListeners, "TCP listeners opened by the orchestrator's JVM");
            assertFalse(jvmThreads.isEmpty());
        }
    }

    /** {@code dev start} in the foreground, under umask 000 and strace (every listen(2) of the process tree). */
    private static Process startUnderStrace(DevProject project, Path strace, Path trace) throws IOException {
        List<String> argv = new ArrayList<>(List.of("/bin/sh", "-c", "umask 000; exec \"$@\"", "sh", strace.toString(),
                "-f", "-qq", "-yy", "-e", "trace=listen", "-o", trace.toString(),
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC", "-Xshare:auto", "-XX:-UsePerfData", "-cp", System.getProperty("java.class.path"),
                "dev.cli.Main", "--no-color", "-C", project.dir().toString(), "start"));
        ProcessBuilder pb = new ProcessBuilder(argv).directory(project.dir().toFile())
                .redirectInput(new File("/dev/null"))
                .redirectOutput(project.dir().resolve("foreground.out").toFile())
                .redirectErrorStream(true);
        pb.environment().keySet().removeIf(k -> k.startsWith("DEV_"));
        pb.environment().put(DevProject.MARKER, project.dir().toString());
        return pb.start();
    }

    private static Set<Long> threads(long pid) {
        Set<Long> tids = new java.util.HashSet<>();
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : tasks) {
                tids.add(Long.parseLong(task.getFileName().toString()));
            }
        } catch (IOException | RuntimeException e) {
            // gone, or between threads
        }
        return tids;
    }

    private static String mode(Path p) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }
}
