package dev.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fixtures.Fixtures;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Lock and state files left empty, cut short or scrambled (a crash mid-write, a full disk, a stray editor):
 * {@code dev status} and {@code dev stop} say so in a line, never with a stack trace, and recover; {@code dev
 * start} runs over them. Status and stop run in-process here (they are quick and the corpus is large); the
 * start runs as a real process.
 */
class RunFilesCorruptionTest {
    private static final String LOCK = """
            {
              "schema" : 1,
              "pid" : 999999999,
              "process_start" : "2001-02-03T04:05:06Z",
              "version" : "0.1.0",
              "started_at" : "2001-02-03T04:05:07Z",
              "socket" : "/nonexistent/control.sock",
              "run_id" : "corrupt-run",
              "project_root" : "/nonexistent"
            }""";

    @TempDir
    Path temp;
    RunProject project;

    @AfterEach
    void cleanUp() {
        if (project != null) {
            project.close();
        }
    }

    static Stream<Arguments> corruptFiles() {
        String state = StopCommandTest.stateRecording("api", 999999999, Instant.parse("2001-02-03T04:05:06Z"));
        byte[] garbage = new byte[300];
        new java.util.Random(7).nextBytes(garbage);
        return Stream.of(
                Arguments.of("lock", "empty", new byte[0]),
                Arguments.of("lock", "truncated", half(LOCK)),
                Arguments.of("lock", "garbage", garbage),
                Arguments.of("lock", "a JSON array", bytes("[]")),
                Arguments.of("lock", "without a process start", bytes(
                        "{\"pid\": 1, \"socket\": \"/nonexistent/control.sock\", \"project_root\": \"/\"}")),
                Arguments.of("lock", "with a pid that is not a number", bytes(LOCK.replace("999999999", "\"abc\""))),
                Arguments.of("state.json", "empty", new byte[0]),
                Arguments.of("state.json", "truncated", half(state)),
                Arguments.of("state.json", "garbage", garbage),
                Arguments.of("state.json", "of a future schema", bytes("{\"schema\": 99, \"services\": []}")),
                Arguments.of("state.json", "with a service missing its state", bytes(
                        "{\"schema\": 1, \"services\": [{\"name\": \"api\", \"pid\": 5}]}")),
                Arguments.of("state.json", "without an orchestrator", bytes(state.replaceAll(
                        "\"orchestrator\": \\{[^}]*},", ""))));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("corruptFiles")
    void statusAndStopExplainInALineAndRecover(String file, String what, byte[] content) throws Exception {
        project = new RunProject(temp.resolve("p")).write("[services.api]\ncommand = \"sleep 600\"\n");
        Files.createDirectories(project.runDir());
        Files.write(project.runDir().resolve(file), content);

        Outcome status = devInProcess("status");
        assertEquals(3, status.code, status::toString);
        assertBrief(status);
        Outcome json = devInProcess("status", "--json");
        assertEquals(3, json.code, json::toString);
        assertFalse(RunProject.parse(json.out).path("running").asBoolean(true), json::toString);

        Outcome stop = devInProcess("stop");
        assertEquals(0, stop.code, stop::toString);
        assertBrief(stop);
        if (file.equals("state.json")) {
            assertTrue(stop.err.contains("state.json"), () -> "names the unreadable file: " + stop);
        }

        Outcome after = devInProcess("status");
        assertEquals(3, after.code, after::toString);
        assertEquals("not running", after.out.strip(), after::toString);
        assertEquals("", after.err, after::toString);
    }

    @Test
    void startRunsOverAnUnreadableLockAndState() throws Exception {
        project = new RunProject(temp.resolve("start")).write(
                "[services.api]\n%s".formatted(RunProject.readyService(Fixtures.sleeper())));
        Files.createDirectories(project.runDir());
        Files.write(project.lockFile(), half(LOCK));
        Files.write(project.stateFile(), bytes("{\"schema\": 1, \"serv"));

        RunCli.Result start = project.dev("start", "--wait");

        assertEquals(0, start.code(), start::toString);
        assertTrue(project.servicePid("api") > 0);
        String log = Files.readString(project.runDir().resolve("orchestrator.log"));
        assertTrue(log.contains("unreadable state file"), log);
        RunCli.Result stop = project.dev("stop");
        assertEquals(0, stop.code(), stop::toString);
        assertEquals(java.util.Set.of(), project.everything(), () -> RunProject.describe(project.everything()));
    }

    @Test
    void aStateFileThatCannotBeWrittenStopsStartBeforeAnythingIsSpawned() throws Exception {
        project = new RunProject(temp.resolve("unwritable")).write(
                "[services.api]\n%s".formatted(RunProject.readyService(Fixtures.sleeper())));
        Files.createDirectories(project.stateFile().resolve("in-the-way"));

        Outcome status = devInProcess("status");
        assertEquals(3, status.code, status::toString);
        assertBrief(status);
        Outcome stop = devInProcess("stop");
        assertEquals(1, stop.code, () -> "it cannot clean up: " + stop);
        assertBrief(stop, 4);
        assertTrue(stop.err.contains("cannot remove") && stop.err.contains("state.json"), stop::toString);

        RunCli.Result start = project.dev("start");

        assertEquals(1, start.code(), start::toString);
        assertTrue(start.errText().contains("state.json"), start::toString);
        assertEquals(java.util.Set.of(), project.everything(), "nothing was spawned: " + RunProject.describe(project.everything()));
        assertEquals(3, devInProcess("status").code, "and nothing runs");
    }

    /** One or two short lines, no exception class names, no stack frames, no parser internals. */
    private static void assertBrief(Outcome o) {
        assertBrief(o, 2);
    }

    private static void assertBrief(Outcome o, int maxLines) {
        List<String> lines = Stream.concat(o.out.lines(), o.err.lines()).filter(l -> !l.isBlank()).toList();
        assertTrue(lines.size() >= 1 && lines.size() <= maxLines, () -> "at most " + maxLines + " lines: " + o);
        for (String line : lines) {
            assertFalse(line.contains("Exception") || line.strip().startsWith("at ") || line.contains("Source:")
                    || line.contains("REDACTED") || line.contains("(null)"), () -> "no internals: " + o);
            assertTrue(line.length() < 200, () -> "short: " + o);
        }
    }

    private record Outcome(int code, String out, String err) {
        @Override
        public String toString() {
            return "exit " + code + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
        }
    }

    private Outcome devInProcess(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Map<String, String> env = new HashMap<>(System.getenv());
        env.keySet().removeIf(k -> k.startsWith("DEV_"));
        String[] argv = Stream.concat(Stream.of("--no-color", "-C", project.dir().toString()), Arrays.stream(args))
                .toArray(String[]::new);
        int code = Main.run(new CliContext(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), env, project.dir(), false), argv);
        return new Outcome(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] half(String s) {
        byte[] b = bytes(s);
        return Arrays.copyOf(b, b.length / 2);
    }
}
