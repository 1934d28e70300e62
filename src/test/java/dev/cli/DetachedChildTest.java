package dev.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The background orchestrator reads the arguments StartCommand gives it without picocli, and only those. */
class DetachedChildTest {
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
