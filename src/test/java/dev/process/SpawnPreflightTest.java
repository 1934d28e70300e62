package dev.process;

import dev.process.SpawnProblem.Kind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Preflight against real files and directories (a temp dir with its own bin directory as PATH). */
class SpawnPreflightTest {
    @TempDir
    Path dir;
    Path bin;
    Map<String, String> env;

    @BeforeEach
    void setUp() throws IOException {
        bin = Files.createDirectory(dir.resolve("bin"));
        executable(bin.resolve("tool"));
        env = Map.of("PATH", bin + ":/usr/bin:/bin");
    }

    Optional<SpawnProblem> check(String command) {
        return SpawnPreflight.check(command, dir, env);
    }

    Kind kindOf(String command) {
        return check(command).map(SpawnProblem::kind).orElse(null);
    }

    @Test
    void aCommandFoundOnPathIsFine() {
        assertEquals(Optional.empty(), check("tool --flag"));
        assertEquals(Optional.empty(), check("sh -c 'exit 0'"));
    }

    @Test
    void aMissingCommandNamesTheWordAndThePathSearched() {
        SpawnProblem problem = check("no-such-tool --port 8080").orElseThrow();
        assertEquals(Kind.COMMAND_NOT_FOUND, problem.kind());
        assertTrue(problem.detail().contains("'no-such-tool'"), problem.detail());
        assertTrue(problem.detail().contains(bin.toString()), problem.detail());
        assertTrue(problem.suggestion().contains("no-such-tool"), problem.suggestion());
    }

    @Test
    void aLongPathIsAbbreviatedInTheDetail() {
        String path = String.join(":", List.of("/a", "/b", "/c", "/d", "/e", "/f"));
        SpawnProblem problem = SpawnPreflight.check("nope", dir, Map.of("PATH", path)).orElseThrow();
        assertTrue(problem.detail().contains("/a:/b:/c:/d:… (2 more)"), problem.detail());
    }

    @Test
    void anUnsetPathMeansTheShellsDefaultPath() {
        assertEquals(Optional.empty(), SpawnPreflight.check("sh", dir, Map.of()));
        SpawnProblem problem = SpawnPreflight.check("tool", dir, Map.of()).orElseThrow();
        assertTrue(problem.detail().contains("PATH is not set"), problem.detail());
    }

    @Test
    void anEmptyPathEntryMeansTheWorkingDirectory() throws IOException {
        executable(dir.resolve("local-tool"));
        assertEquals(Optional.empty(), SpawnPreflight.check("local-tool", dir, Map.of("PATH", "/usr/bin::/bin")));
        assertEquals(Kind.COMMAND_NOT_FOUND,
                SpawnPreflight.check("local-tool", dir, Map.of("PATH", "/usr/bin:/bin")).orElseThrow().kind());
    }

    @Test
    void aMissingOrNonDirectoryWorkingDirectory() throws IOException {
        Path missing = dir.resolve("web");
        SpawnProblem problem = SpawnPreflight.check("tool", missing, env).orElseThrow();
        assertEquals(Kind.DIRECTORY_MISSING, problem.kind());
        assertTrue(problem.detail().contains(missing.toString()), problem.detail());

        Path file = Files.writeString(dir.resolve("file"), "x");
        assertEquals(Kind.DIRECTORY_MISSING, SpawnPreflight.check("tool", file, env).orElseThrow().kind());
    }

    @Test
    void aFileWithoutExecutePermission() throws IOException {
        Path script = Files.writeString(dir.resolve("run.sh"), "#!/bin/sh\n");
        SpawnProblem problem = check("./run.sh --fast").orElseThrow();
        assertEquals(Kind.PERMISSION_DENIED, problem.kind());
        assertTrue(problem.suggestion().contains("chmod +x " + script), problem.suggestion());

        Files.writeString(bin.resolve("plain"), "#!/bin/sh\n");
        assertEquals(Kind.PERMISSION_DENIED, kindOf("plain"), "found on PATH but not executable");
    }

    @Test
    void aDirectoryAsTheCommand() {
        assertEquals(Kind.PERMISSION_DENIED, kindOf("./bin"));
        assertEquals(Kind.PERMISSION_DENIED, kindOf(bin.toString()));
    }

    @Test
    void pathLikeWordsAreResolvedFromTheWorkingDirectory() throws IOException {
        executable(dir.resolve("server"));
        assertEquals(Optional.empty(), check("./server"));
        assertEquals(Optional.empty(), check("bin/tool"));
        assertEquals(Kind.COMMAND_NOT_FOUND, kindOf("./missing"));
        assertEquals(Kind.COMMAND_NOT_FOUND, kindOf("/no/such/dir/tool"));
    }

    @Test
    void leadingAssignmentsAndExecAreSkipped() {
        assertEquals(Optional.empty(), check("NODE_ENV=production tool"));
        assertEquals(Optional.empty(), check("A=1 B='two words' exec tool"));
        assertEquals(Optional.empty(), check("exec tool"));
        assertEquals(Optional.empty(), check("exec"), "a bare exec runs nothing");
        assertEquals(Optional.empty(), check("A=1"), "only an assignment runs nothing");
        assertEquals(Kind.COMMAND_NOT_FOUND, kindOf("VAR=1 missing-tool"));
        assertEquals(Kind.COMMAND_NOT_FOUND, kindOf("exec missing-tool --flag"));
        assertEquals(Kind.COMMAND_NOT_FOUND, kindOf("PORT=1 exec missing-tool"));
    }

    @Test
    void builtinsAreNeverLookedUp() {
        for (String command : List.of("echo hi", ": nothing", "cd web && missing-tool", "exit 0", "test -f x",
                "[ -f x ]", "trap '' TERM; missing-tool", "kill -0 1", ". ./env.sh")) {
            assertEquals(Optional.empty(), check(command), command);
        }
    }

    @Test
    void quotesAreRemovedFromTheWord() throws IOException {
        executable(bin.resolve("my tool"));
        assertEquals(Optional.empty(), check("'my tool' --x"));
        assertEquals(Optional.empty(), check("\"my tool\""));
        assertEquals(Optional.empty(), check("my\\ tool"));
        assertEquals(Kind.COMMAND_NOT_FOUND, kindOf("'missing' --x"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"(missing-tool)", "{ missing-tool; }", "if missing-tool; then :; fi",
            "while missing-tool; do :; done", "for x in 1; do missing-tool; done", "! missing-tool",
            "$TOOL --x", "\"$HOME/bin/missing\"", "`which missing`", "~/bin/missing", "missing*",
            "2>/dev/null missing-tool", ">log missing-tool", "# comment\nmissing-tool", "'unbalanced",
            "A=$(missing-tool) missing-tool", "exec -a name missing-tool", "; missing-tool", "| x"})
    void shellSyntaxItCannotFollowIsLeftAlone(String command) {
        assertEquals(Optional.empty(), check(command), command);
    }

    @Test
    void emptyCommandsRunNothing() {
        assertEquals(Optional.empty(), check(""));
        assertEquals(Optional.empty(), check("   \n  "));
    }

    @Test
    void exit127WithTheShellsMessageIsCommandNotFound() throws Exception {
        ShellRun run = ShellRun.of("missing-tool-dev-test --x");
        assertEquals(127, run.exitCode);
        SpawnProblem problem = SpawnPreflight.classifyExit(run.exitCode, run.lines).orElseThrow();
        assertEquals(Kind.COMMAND_NOT_FOUND, problem.kind());
        assertTrue(problem.detail().contains("missing-tool-dev-test"), problem.detail());
    }

    @Test
    void exit126WithTheShellsMessageIsPermissionDenied() throws Exception {
        Files.writeString(dir.resolve("script"), "echo hi\n");
        ShellRun run = ShellRun.of(dir.resolve("script").toString());
        assertEquals(126, run.exitCode);
        SpawnProblem problem = SpawnPreflight.classifyExit(run.exitCode, run.lines).orElseThrow();
        assertEquals(Kind.PERMISSION_DENIED, problem.kind());
        assertTrue(problem.detail().contains("Permission denied"), problem.detail());
    }

    @Test
    void otherExitsAreNotSpawnProblems() {
        assertEquals(Optional.empty(), SpawnPreflight.classifyExit(127, List.of("my tool chose 127")),
                "127 without the shell's message is the program's own status");
        assertEquals(Optional.empty(), SpawnPreflight.classifyExit(127, List.of()));
        assertEquals(Optional.empty(), SpawnPreflight.classifyExit(1, List.of("x: not found")));
        assertEquals(Optional.empty(), SpawnPreflight.classifyExit(0, List.of()));
        assertEquals(Kind.PERMISSION_DENIED, SpawnPreflight.classifyExit(126, List.of()).orElseThrow().kind());
        assertEquals(Kind.COMMAND_NOT_FOUND,
                SpawnPreflight.classifyExit(127, List.of("bash: line 1: pnpm: command not found", "")).orElseThrow()
                        .kind());
    }

    private static void executable(Path file) throws IOException {
        Files.writeString(file, "#!/bin/sh\nexit 0\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    /** Runs a command through /bin/sh as dev would and keeps its exit status and output lines. */
    private record ShellRun(int exitCode, List<String> lines) {
        static ShellRun of(String command) throws IOException, InterruptedException {
            Process process = new ProcessBuilder("/bin/sh", "-c", command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return new ShellRun(process.waitFor(), Arrays.asList(output.split("\n")));
        }
    }
}
