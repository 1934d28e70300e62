package dev.cli;

import static dev.cli.RunProject.str;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fixtures.Fixtures;
import dev.testing.Await;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dev status} from another process: during startup, once healthy, quiet, stopped, and for deep paths. */
class StatusCommandTest {
    @TempDir
    Path temp;
    RunProject project;

    @AfterEach
    void cleanUp() {
        project.close();
    }

    @Test
    void reportsStartingThenHealthyWithMatchingExitCodes() {
        project = new RunProject(temp.resolve("shop")).write("""
                [services.api]
                command = %s
                port = "auto"
                """.formatted(str(Fixtures.command("--port", "${port}", "--ready-after", "2s"))));
        RunCli.Result start = project.dev("start", "-d");
        assertEquals(0, start.code(), start::toString);

        RunCli.Result starting = Await.value(Duration.ofSeconds(10), () -> {
            RunCli.Result r = project.dev("status", "--json");
            String state = api(r).path("state").asText();
            assertFalse(state.equals("healthy"), () -> "healthy before its 2 s ready delay:\n" + r);
            return state.equals("starting") ? r : null;
        }, "a status showing api starting");
        assertEquals(1, starting.code(), starting::toString);
        JsonNode json = RunProject.parse(starting.outText());
        assertFalse(json.path("ok").asBoolean(true), starting::toString);
        assertTrue(json.path("orchestrator").path("responding").asBoolean(), starting::toString);

        RunCli.Result healthy = Await.value(Duration.ofSeconds(20), () -> {
            RunCli.Result r = project.dev("status", "--json");
            return r.code() == 0 ? r : null;
        }, "status exit 0 once healthy");
        assertEquals("healthy", api(healthy).path("state").asText(), healthy::toString);
        assertTrue(api(healthy).path("pid").asLong() > 0, healthy::toString);

        RunCli.Result table = project.dev("status");
        assertEquals(0, table.code(), table::toString);
        assertTrue(table.outText().contains("api") && table.outText().contains("healthy")
                && table.outText().contains("ok: 1/1"), table::toString);
        RunCli.Result quiet = project.dev("status", "-q");
        assertEquals(0, quiet.code(), quiet::toString);
        assertEquals("", quiet.outText() + quiet.errText());

        assertEquals(0, project.dev("stop").code());
        RunCli.Result stopped = project.dev("status");
        assertEquals(3, stopped.code(), stopped::toString);
        assertEquals("not running", stopped.outText(), stopped::toString);
        RunCli.Result stoppedQuiet = project.dev("status", "-q");
        assertEquals(3, stoppedQuiet.code());
        assertEquals("", stoppedQuiet.outText() + stoppedQuiet.errText());
    }

    @Test
    void aProjectPathTooLongForASocketPutsItUnderTheRuntimeDirectory() throws Exception {
        Path deep = temp.resolve("a-project-directory-with-a-rather-long-name")
                .resolve("nested-deeper-than-any-unix-socket-path-may-reach").resolve("shop");
        Path runtime = Files.createDirectories(temp.resolve("xdg"));
        project = new RunProject(deep).withEnv("XDG_RUNTIME_DIR", runtime.toString());
        assertTrue(project.dir().resolve(".dev/run/control.sock").toString().getBytes(StandardCharsets.UTF_8).length > 103,
                "the in-project socket path would be too long");
        project.write("""
                [services.api]
                %s
                """.formatted(RunProject.readyService(Fixtures.sleeper())));

        RunCli.Result start = project.dev("start", "--wait");

        assertEquals(0, start.code(), start::toString);
        Path socket = Path.of(project.lock().orElseThrow().path("socket").asText());
        assertTrue(socket.startsWith(runtime), "the lock records the socket under XDG_RUNTIME_DIR: " + socket);
        assertTrue(Files.exists(socket), socket::toString);
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(socket.getParent())));
        RunCli.Result status = project.dev("status", "--json");
        assertEquals(0, status.code(), status::toString);
        assertTrue(RunProject.parse(status.outText()).path("orchestrator").path("responding").asBoolean(), status::toString);

        // The socket lives outside the project, so other shells find it through the lock, not their environment.
        RunCli.Result stop = RunCli.run(project.dir(), java.util.Map.of(), RunProject.COMMAND_TIMEOUT, java.util.List.of("stop"));
        assertEquals(0, stop.code(), stop::toString);
        assertTrue(stop.outText().contains("stopped the stack"), stop::toString);
        assertFalse(Files.exists(socket), "the socket is removed at stop");
    }

    private static JsonNode api(RunCli.Result status) {
        JsonNode json = RunProject.parse(status.outText());
        for (JsonNode s : json.path("services")) {
            if (s.path("name").asText().equals("api")) {
                return s;
            }
        }
        throw new AssertionError("no api in " + status);
    }
}
