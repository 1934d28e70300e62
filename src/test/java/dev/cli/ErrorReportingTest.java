package dev.cli;

import dev.cli.Cli.CliResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Config and usage errors as a user sees them: {@code dev.toml:LINE:COL: error: ...} with a hint,
 * exit 2, and no Java internals unless --verbose asks for them.
 */
class ErrorReportingTest {
    private static final Pattern EXPECT = Pattern.compile("^# expect: (\\d+):(\\d+) ([a-z_]+)\\s*$");
    private static final Pattern ERROR_LINE = Pattern.compile("(?m)^\\S+:\\d+:\\d+: error: ");

    @TempDir
    Path dir;

    static Stream<Path> corpus() throws IOException, URISyntaxException {
        Path invalid = Path.of(ErrorReportingTest.class.getResource("/config/invalid").toURI());
        try (Stream<Path> files = Files.list(invalid)) {
            return files.filter(p -> p.toString().endsWith(".toml")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void everyCorpusErrorIsReportedAtItsLocationWithAHint(Path source) throws IOException {
        List<String> expected = expectedLocations(source);
        assertFalse(expected.isEmpty(), source + " declares no # expect: line");
        Files.copy(source, dir.resolve("dev.toml"));

        CliResult r = Cli.run(dir, "check");

        assertEquals(ExitCode.USAGE, r.exit(), r::toString);
        assertEquals("", r.out(), "nothing on stdout when the file is invalid");
        for (String location : expected) {
            assertTrue(r.err().contains("dev.toml:" + location + ": error: "),
                    () -> "reports dev.toml:" + location + "\n" + r);
        }
        Matcher errors = ERROR_LINE.matcher(r.err());
        int reported = 0;
        while (errors.find()) {
            reported++;
        }
        assertEquals(expected.size(), reported, r::toString);
        assertTrue(count(r.err(), "  hint: ") >= expected.size(), () -> "a hint for every error\n" + r);
        if (expected.size() > 1) {
            assertTrue(r.err().contains(expected.size() + " errors"), r::toString);
        }
        assertFalse(r.errHasAnsi(), "not a terminal: no colour");
        Cli.assertNoJavaInternals(r.err());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void verboseAddsTheStackTrace(Path source) throws IOException {
        Files.copy(source, dir.resolve("dev.toml"));
        CliResult r = Cli.run(dir, "--verbose", "check");
        assertEquals(ExitCode.USAGE, r.exit(), r::toString);
        assertTrue(r.err().contains("dev.config.ConfigException"), r::toString);
        assertTrue(r.err().contains("\tat dev.cli.CheckCommand.execute"), r::toString);
    }

    @Test
    void corpusIsThere() throws Exception {
        assertTrue(corpus().count() >= 35, "the invalid corpus is found on the test class path");
    }

    @Test
    void locationsAreRelativeToTheDirectoryTheUserStandsIn() {
        Cli.write(dir, "backend/dev.toml", """
                [services.api]
                command = "serve"
                optinal = true
                """);
        CliResult fromParent = Cli.run(dir, "-f", "backend/dev.toml", "check");
        assertEquals(ExitCode.USAGE, fromParent.exit(), fromParent::toString);
        assertTrue(fromParent.err().startsWith("backend/dev.toml:3:1: error: unknown key `optinal`"), fromParent::toString);
        assertTrue(fromParent.err().contains("  hint: did you mean `optional`?"), fromParent::toString);

        CliResult withDashC = Cli.run(dir, "-C", "backend", "check");
        assertTrue(withDashC.err().startsWith("dev.toml:3:1: error: "), withDashC::toString);
    }

    @Test
    void referencesAreCheckedAgainstDevsEnvironmentNotTheTestJvms() {
        Cli.write(dir, "dev.toml", """
                [services.api]
                command = "serve --token ${DEV_CLI_TEST_TOKEN}"
                """);
        CliResult without = Cli.run(dir, "check");
        assertEquals(ExitCode.USAGE, without.exit(), without::toString);
        assertTrue(without.err().contains("dev.toml:2:11: error: "), without::toString);
        assertTrue(without.err().contains("DEV_CLI_TEST_TOKEN"), without::toString);

        CliResult with = Cli.run(dir, Cli.env("DEV_CLI_TEST_TOKEN", "t0k3n"), "check");
        assertEquals(0, with.exit(), with::toString);
        assertTrue(with.out().contains("command    serve --token t0k3n"), with::toString);
    }

    @Test
    void missingExplicitProjectEnvFileNamesTheFileAndWhereItIsDeclared() {
        Cli.write(dir, "dev.toml", """
                [project]
                env_file = ".env.local"

                [services.api]
                command = "serve"
                """);
        CliResult r = Cli.run(dir, "check");
        assertEquals(ExitCode.USAGE, r.exit(), r::toString);
        assertTrue(r.err().startsWith("dev.toml:2:12: error: "), r::toString);
        assertTrue(r.err().contains(".env.local"), r::toString);
        assertTrue(r.err().contains("  hint: "), r::toString);
        assertEquals("", r.out());
        Cli.assertNoJavaInternals(r.err());

        CliResult env = Cli.run(dir, "env", "api");
        assertEquals(ExitCode.USAGE, env.exit(), env::toString);
        assertTrue(env.err().contains("dev.toml:2:12: error: ") && env.err().contains(".env.local"), env::toString);
    }

    @Test
    void missingExplicitServiceEnvFileNamesTheFileAndWhereItIsDeclared() {
        Cli.write(dir, "dev.toml", """
                [services.api]
                command = "serve"
                env_file = ["backend/.env", "backend/.env.secret"]
                """);
        Cli.write(dir, "backend/.env", "A=1\n");
        CliResult r = Cli.run(dir, "check");
        assertEquals(ExitCode.USAGE, r.exit(), r::toString);
        assertTrue(r.err().contains("dev.toml:3:29: error: "), r::toString);
        assertTrue(r.err().contains("backend/.env.secret"), r::toString);
        Cli.assertNoJavaInternals(r.err());
    }

    @Test
    void theDefaultDotEnvMayBeAbsent() {
        Cli.write(dir, "dev.toml", """
                [services.api]
                command = "serve"
                """);
        CliResult r = Cli.run(dir, "check");
        assertEquals(0, r.exit(), r::toString);
        assertEquals("", r.err());
    }

    @Test
    void usageErrorsShowAHintAndATraceOnlyWithVerbose() {
        CliResult quiet = Cli.run(dir, "-C", "nowhere", "check");
        assertEquals(ExitCode.USAGE, quiet.exit(), quiet::toString);
        assertTrue(quiet.err().startsWith("error: directory "), quiet::toString);
        assertTrue(quiet.err().contains("\nhint: "), quiet::toString);
        Cli.assertNoJavaInternals(quiet.err());

        CliResult verbose = Cli.run(dir, "-C", "nowhere", "--verbose", "check");
        assertEquals(ExitCode.USAGE, verbose.exit(), verbose::toString);
        assertTrue(verbose.err().contains("dev.cli.UserException"), verbose::toString);
        assertTrue(verbose.err().contains("\tat "), verbose::toString);
    }

    @Test
    void errorsAreColouredOnlyWhenColourIsOn() {
        Cli.write(dir, "dev.toml", "[services.api]\ncommand = \"serve\"\noptinal = true\n");
        CliResult always = Cli.run(dir, "--color=always", "check");
        assertEquals(ExitCode.USAGE, always.exit(), always::toString);
        assertTrue(always.errHasAnsi(), always::toString);
        CliResult never = Cli.run(dir, Cli.BASE_ENV, true, "--color=never", "check");
        assertFalse(never.errHasAnsi(), never::toString);
        assertTrue(never.err().startsWith("dev.toml:3:1: error: unknown key `optinal`"), never::toString);
    }

    private static List<String> expectedLocations(Path file) {
        try {
            List<String> out = new ArrayList<>();
            for (String line : Files.readAllLines(file)) {
                Matcher m = EXPECT.matcher(line);
                if (m.matches()) {
                    out.add(m.group(1) + ":" + m.group(2));
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }
}
