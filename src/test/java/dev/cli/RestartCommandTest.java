package dev.cli;

import static dev.cli.RunProject.readyService;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fixtures.Fixtures;
import dev.testing.Processes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dev restart} from another shell: the named service and its dependents, nothing else; failed ones retried. */
class RestartCommandTest {
    @TempDir
    Path temp;
    RunProject project;

    @AfterEach
    void cleanUp() {
        project.close();
    }

    @Test
    void restartsTheServiceAndItsDependentsOnlyAndRetriesAFailedOne() throws Exception {
        project = new RunProject(temp.resolve("shop")).write("""
                [project]
                stop_timeout = "2s"
                [services.db]
                %1$s
                [services.api]
                %1$s
                depends_on = ["db"]
                [services.web]
                %1$s
                depends_on = ["api"]
                [services.worker]
                %1$s
                [services.flaky]
                command = "[ -f ready.flag ] && { echo ready; exec sleep 600; }; echo 'ready.flag is missing' >&2; exit 3"
                health = { log = "^ready$" }
                """.formatted(readyService(Fixtures.sleeper())));
        RunCli.Result start = project.dev("start", "--wait");
        assertEquals(1, start.code(), () -> "flaky fails: " + start);
        Map<String, Long> before = pids();
        assertEquals("failed", service("flaky").path("state").asText());

        RunCli.Result restart = project.dev("restart", "api");

        assertEquals(0, restart.code(), restart::toString);
        Map<String, Long> after = pids();
        assertEquals(before.get("db"), after.get("db"), "db is not touched");
        assertEquals(before.get("worker"), after.get("worker"), "worker is not touched");
        assertNotEquals(before.get("api"), after.get("api"), "api restarted");
        assertNotEquals(before.get("web"), after.get("web"), "web depends on api, so it restarted too");
        assertTrue(after.get("api") > 0 && after.get("web") > 0, after::toString);
        assertTrue(Processes.alive(after.get("api")) && Processes.alive(after.get("web")));
        assertTrue(!Processes.alive(before.get("api")) && !Processes.alive(before.get("web")), "the old ones are gone");

        RunCli.Result stillFailing = project.dev("restart", "flaky");
        assertEquals(1, stillFailing.code(), stillFailing::toString);
        Files.writeString(project.dir().resolve("ready.flag"), "");
        RunCli.Result retried = project.dev("restart", "flaky");
        assertEquals(0, retried.code(), retried::toString);
        assertEquals("healthy", service("flaky").path("state").asText());
        assertEquals(0, project.dev("status", "-q").code(), "everything is up now");

        RunCli.Result unknown = project.dev("restart", "nope");
        assertEquals(2, unknown.code(), unknown::toString);
        assertTrue(unknown.errText().contains("nope"), unknown::toString);

        assertEquals(0, project.dev("stop").code());
        RunCli.Result notRunning = project.dev("restart", "api");
        assertEquals(3, notRunning.code(), notRunning::toString);
    }

    private Map<String, Long> pids() {
        Map<String, Long> pids = new HashMap<>();
        for (JsonNode s : status().path("services")) {
            pids.put(s.path("name").asText(), s.path("pid").asLong());
        }
        return pids;
    }

    private JsonNode service(String name) {
        for (JsonNode s : status().path("services")) {
            if (s.path("name").asText().equals(name)) {
                return s;
            }
        }
        throw new AssertionError("no " + name);
    }

    private JsonNode status() {
        return RunProject.parse(project.dev("status", "--json").outText());
    }
}
