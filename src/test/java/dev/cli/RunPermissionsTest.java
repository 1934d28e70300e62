package dev.cli;

import static dev.cli.RunProject.str;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fixtures.Fixtures;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SPEC §3: the run directory and what in it names processes to signal are the owner's alone, the control socket
 * sits in an owner-only directory, and the orchestrator listens on no TCP port.
 */
class RunPermissionsTest {
    private static final Pattern SOCKET_LINK = Pattern.compile("socket:\\[(\\d+)]");
    private static final String LISTEN = "0A";

    @TempDir
    Path temp;
    RunProject project;

    @AfterEach
    void cleanUp() {
        project.close();
    }

    @Test
    void runFilesAreOwnerOnlyAndTheOrchestratorOpensNoTcpListener() throws Exception {
        project = new RunProject(temp.resolve("shop")).write("""
                [services.web]
                command = %s
                port = "auto"
                """.formatted(str(Fixtures.command("--port", "${port}"))));
        // Left by an older version or a copy with a loose umask: a start must tighten them, not trust them.
        Files.createDirectories(project.runDir(), PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwxr-xr-x")));
        Files.writeString(project.lockFile(), "");
        Files.setPosixFilePermissions(project.lockFile(), PosixFilePermissions.fromString("rw-r--r--"));

        RunCli.Result start = project.dev("start", "--wait");
        assertEquals(0, start.code(), start::toString);

        assertEquals("rwx------", permissions(project.runDir()));
        assertEquals("rw-------", permissions(project.lockFile()));
        assertEquals("rw-------", permissions(project.stateFile()));
        Path socket = Path.of(project.lock().orElseThrow().path("socket").asText());
        assertEquals("rwx------", permissions(socket.getParent()));

        long orchestrator = project.orchestratorPid();
        long web = project.servicePid("web");
        assertFalse(listeningTcpSockets(web).isEmpty(), "the check sees the web service's own listener");
        assertEquals(Set.of(), listeningTcpSockets(orchestrator), "the orchestrator listens on no TCP port");

        assertEquals(0, project.dev("stop").code());
    }

    private static String permissions(Path p) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    /** Inodes of TCP sockets in LISTEN state (IPv4 or IPv6) that are open in process {@code pid}. */
    static Set<Long> listeningTcpSockets(long pid) throws IOException {
        Set<Long> open = socketInodes(pid);
        Set<Long> listening = new HashSet<>();
        for (String table : List.of("tcp", "tcp6")) {
            Path file = Path.of("/proc", Long.toString(pid), "net", table);
            if (!Files.exists(file)) {
                continue; // no IPv6
            }
            List<String> lines = Files.readAllLines(file);
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.trim().split("\\s+");
                // sl local_address rem_address st tx_queue:rx_queue tr:tm->when retrnsmt uid timeout inode
                if (f.length > 9 && f[3].equals(LISTEN) && open.contains(Long.parseLong(f[9]))) {
                    listening.add(Long.parseLong(f[9]));
                }
            }
        }
        return listening;
    }

    private static Set<Long> socketInodes(long pid) throws IOException {
        Set<Long> inodes = new HashSet<>();
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(Path.of("/proc", Long.toString(pid), "fd"))) {
            for (Path fd : fds) {
                try {
                    Matcher m = SOCKET_LINK.matcher(Files.readSymbolicLink(fd).toString());
                    if (m.matches()) {
                        inodes.add(Long.parseLong(m.group(1)));
                    }
                } catch (NoSuchFileException e) {
                    // closed while listing
                }
            }
        }
        assertTrue(Files.isDirectory(Path.of("/proc", Long.toString(pid))), "process " + pid + " is alive");
        return inodes;
    }
}
