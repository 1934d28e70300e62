package dev.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** dev init end to end: files written, never overwritten, .gitignore, exit codes, and dev check accepts the result. */
class InitCommandTest {
    @TempDir
    Path dir;

    private record Result(int code, String out, String err) {
    }

    private Result dev(Path cwd, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(new CliContext(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of("PATH", dir.resolve("bin").toString()),
                cwd, false), args);
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void writesADevTomlThatDevCheckAcceptsAndIgnoresTheRunDirectory() throws IOException {
        Path project = Files.createDirectories(dir.resolve("shop"));
        Files.createDirectories(project.resolve("web"));
        Files.writeString(project.resolve("web/package.json"), "{\"devDependencies\": {\"vite\": \"5\"}}");
        Result init = dev(project, "init");
        assertEquals(0, init.code(), init.err());
        assertTrue(init.out().contains("Vite app in web/ (package.json)"), init.out());
        assertTrue(init.out().contains("Wrote dev.toml (services: web)"), init.out());
        assertTrue(init.out().contains("Created .gitignore with .dev/"), init.out());
        assertEquals(".dev/\n", Files.readString(project.resolve(".gitignore")));
        Result check = dev(project, "check");
        assertEquals(0, check.code(), check.err() + Files.readString(project.resolve("dev.toml")));
    }

    @Test
    void refusesToOverwriteAndForceWritesBeside() throws IOException {
        Path project = Files.createDirectories(dir.resolve("p"));
        Files.writeString(project.resolve("dev.toml"), "# mine\n");
        Files.writeString(project.resolve(".gitignore"), "target/\n");
        Result again = dev(project, "init");
        assertEquals(ExitCode.USAGE, again.code());
        assertTrue(again.err().contains("dev.toml already exists; dev init never overwrites it"), again.err());
        assertTrue(again.err().contains("--force"), again.err());
        assertEquals("# mine\n", Files.readString(project.resolve("dev.toml")));
        assertEquals("target/\n", Files.readString(project.resolve(".gitignore")), "nothing changes on refusal");

        Result forced = dev(project, "init", "--force");
        assertEquals(0, forced.code(), forced.err());
        assertEquals("# mine\n", Files.readString(project.resolve("dev.toml")));
        assertTrue(Files.readString(project.resolve("dev.toml.new")).contains("[services.app]"));
        assertTrue(forced.out().contains("Wrote dev.toml.new"), forced.out());
        assertTrue(forced.out().contains("note: no app was recognised"), forced.out());
        assertEquals("target/\n.dev/\n", Files.readString(project.resolve(".gitignore")));
    }

    @Test
    void honoursDashCAndDashF() throws IOException {
        Path project = Files.createDirectories(dir.resolve("elsewhere"));
        Result init = dev(dir, "-C", "elsewhere", "-f", "stack.toml", "init");
        assertEquals(0, init.code(), init.err());
        assertTrue(Files.exists(project.resolve("stack.toml")));
        assertFalse(Files.exists(project.resolve("dev.toml")));
        assertTrue(Files.exists(project.resolve(".gitignore")));
        Result missing = dev(dir, "-C", "nowhere", "init");
        assertEquals(ExitCode.USAGE, missing.code());
        assertTrue(missing.err().contains("does not exist"), missing.err());
    }
}
