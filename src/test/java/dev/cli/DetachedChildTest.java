package dev.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.testing.Await;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The background orchestrator reads the arguments StartCommand gives it without picocli, and only those. */
class DetachedChildTest {
    @TempDir
    Path temp;

    @Test
    void startDetachedWithABrokenConfigReportsItLocatedAndLeavesNoOrchestrator() {
        // The orchestrator is started before the CLI has read dev.toml: the CLI must still report the errors and
        // exit 2, and nothing may keep running.
        try (RunProject project = new RunProject(temp.resolve("broken"))) {
            project.write("[services.api]\ncommand = \"sleep 600\"\ndepends_on = [\"nope\"]\n");
            for (String[] args : List.of(new String[] {"start", "-d"}, new String[] {"start", "--wait"},
                    new String[] {"start", "-d", "missing"})) {
                RunCli.Result start = project.dev(args);
                assertEquals(2, start.code(), start::toString);
                assertTrue(start.errText().contains("dev.toml:3:"), start::toString);
                Await.until(Duration.ofSeconds(10), () -> project.everything().isEmpty(),
                        () -> "no orchestrator left:\n" + RunProject.describe(project.everything()));
            }
            project.write("[services.api]\ncommand = \"sleep 600\"\n");
            RunCli.Result unknown = project.dev("start", "-d", "missing");
            assertEquals(2, unknown.code(), unknown::toString);
            assertTrue(unknown.errText().contains("no service 'missing'"), unknown::toString);
            Await.until(Duration.ofSeconds(10), () -> project.everything().isEmpty(), "no orchestrator left");
            assertEquals(Set.of(), project.everything());
        }
    }

    @Test
    void readsWhatTheDetachingStartWrites() {
        assertEquals(Optional.of(new DetachedChild.Arguments(Path.of("/p/dev.toml"), true, false, List.of())),
                DetachedChild.parse("--no-color", "-f", "/p/dev.toml", "start", "--detached-child"));
        assertEquals(Optional.of(new DetachedChild.Arguments(Path.of("/p/dev.toml"), false, true, List.of("api", "web"))),
                DetachedChild.parse("--no-color", "-f", "/p/dev.toml", "start", "--detached-child", "--no-deps",
                        "--abort-on-failure", "api", "web"));
    }

    @Test
    void leavesEverythingElseToPicocli() {
        for (String[] args : List.of(new String[] {"start", "--detached-child"},
                new String[] {"--no-color", "-f", "/p/dev.toml", "start"},
                new String[] {"--no-color", "-f", "/p/dev.toml", "stop", "--detached-child"},
                new String[] {"--no-color", "-f", "/p/dev.toml", "start", "--detached-child", "--wait"},
                new String[] {"--no-color", "-f", "/p/dev.toml", "start", "--detached-child", "api", "--no-deps"},
                new String[] {"--color=always", "-f", "/p/dev.toml", "start", "--detached-child"})) {
            assertTrue(DetachedChild.parse(args).isEmpty(), () -> String.join(" ", args));
        }
    }
}
