package dev.cli;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import dev.cli.Cli.CliResult;
import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** SPEC §1 global options: --version, --help, -C, -f, and how usage mistakes are reported. */
class GlobalOptionsTest {
    private static final String ONE_SERVICE = """
            [project]
            name = "demo"

            [services.api]
            command = "serve"
            """;

    @TempDir
    Path dir;

    @Test
    void versionPrintsNameAndVersion() {
        for (String flag : new String[] {"--version", "-V"}) {
            CliResult r = Cli.run(dir, flag);
            assertEquals(0, r.exit(), r::toString);
            assertEquals("dev " + Version.get() + System.lineSeparator(), r.out(), r::toString);
            assertTrue(Version.get().matches("\\d+\\.\\d+\\.\\d+.*"), "version filtered from pom: " + Version.get());
            assertEquals("", r.err());
        }
    }

    @Test
    void helpListsSubcommandsGlobalOptionsAndExitCodes() {
        CliResult r = Cli.run(dir, "--help");
        assertEquals(0, r.exit(), r::toString);
        String out = r.out();
        assertTrue(out.startsWith("Usage: dev "), out);
        for (String sub : new String[] {"start", "check", "env"}) {
            assertTrue(out.matches("(?s).*\\n  " + sub + " +\\S.*"), "lists " + sub + ":\n" + out);
        }
        for (String option : new String[] {"-C=DIR", "--file=FILE", "--color=WHEN", "--no-color", "--verbose",
            "--version"}) {
            assertTrue(out.contains(option), "lists " + option + ":\n" + out);
        }
        assertTrue(out.contains("auto, always, never"), "colour values as typed:\n" + out);
        assertTrue(out.contains("Exit codes:"), out);
        for (String code : new String[] {"0    success", "1    a service failed", "2    usage or config error",
            "3    (status)", "4    (start) already running", "124  --wait/--timeout expired"}) {
            assertTrue(out.contains("  " + code), "footer has `" + code + "`:\n" + out);
        }
        assertEquals("", r.err());
    }

    @Test
    void subcommandHelpDescribesItsOptions() {
        CliResult r = Cli.run(dir, "check", "--help");
        assertEquals(0, r.exit(), r::toString);
        assertTrue(r.out().startsWith("Usage: dev check"), r.out());
        assertTrue(r.out().contains("--json"), r.out());
    }

    @Test
    void devAlonePrintsUsage() {
        CliResult r = Cli.run(dir);
        assertEquals(0, r.exit(), r::toString);
        assertTrue(r.out().startsWith("Usage: dev "), r.out());
        assertTrue(r.out().contains("Commands:"), r.out());
    }

    @Test
    void unknownSubcommandSuggestsTheNearestOne() {
        CliResult r = Cli.run(dir, "chek");
        assertEquals(ExitCode.USAGE, r.exit(), r::toString);
        assertTrue(r.err().contains("'chek'"), r.err());
        assertTrue(r.err().contains("Did you mean: dev check?"), r.err());
        assertTrue(r.err().contains("Run 'dev --help' for usage."), r.err());
        assertEquals("", r.out());
        Cli.assertNoJavaInternals(r.err());
    }

    @Test
    void unknownOptionSuggestsTheNearestOne() {
        CliResult r = Cli.run(dir, "--colr=never");
        assertEquals(ExitCode.USAGE, r.exit(), r::toString);
        assertTrue(r.err().contains("Unknown option: '--colr=never'"), r.err());
        assertTrue(r.err().contains("--color"), r.err());
        Cli.assertNoJavaInternals(r.err());
    }

    @Test
    void unknownSubcommandOptionPointsToThatSubcommandsHelp() {
        CliResult r = Cli.run(dir, "check", "--jsn");
        assertEquals(ExitCode.USAGE, r.exit(), r::toString);
        assertTrue(r.err().contains("--json"), r.err());
        assertTrue(r.err().contains("Run 'dev check --help' for usage."), r.err());
        Cli.assertNoJavaInternals(r.err());
    }

    @Test
    void invalidColourValueIsAUsageError() {
        CliResult r = Cli.run(dir, "--color=sometimes", "check");
        assertEquals(ExitCode.USAGE, r.exit(), r::toString);
        assertTrue(r.err().contains("'sometimes'"), r.err());
        Cli.assertNoJavaInternals(r.err());
    }

    @Test
    void missingRequiredParameterIsAUsageError() {
        Cli.write(dir, "dev.toml", ONE_SERVICE);
        CliResult r = Cli.run(dir, "env");
        assertEquals(ExitCode.USAGE, r.exit(), r::toString);
        assertTrue(r.err().contains("SERVICE"), r.err());
        Cli.assertNoJavaInternals(r.err());
    }

    @Test
    void globalOptionsWorkAfterTheSubcommandToo() {
        Path project = dir.resolve("project");
        Cli.write(project, "dev.toml", ONE_SERVICE);
        CliResult before = Cli.run(dir, "-C", "project", "check");
        CliResult after = Cli.run(dir, "check", "-C", "project");
        assertEquals(0, before.exit(), before::toString);
        assertEquals(0, after.exit(), after::toString);
        assertTrue(after.out().contains("project demo"), after.out());
    }

    @Test
    void discoveryWalksUpFromTheWorkingDirectory() throws IOException {
        Cli.write(dir, "dev.toml", ONE_SERVICE);
        CliResult near = Cli.run(Files.createDirectories(dir.resolve("a/b")), "check");
        assertEquals(0, near.exit(), near::toString);
        assertTrue(near.out().contains(" ../../dev.toml is valid: project demo"), near.out());
        // Further up, a long ../ chain reads worse than the absolute path.
        CliResult far = Cli.run(Files.createDirectories(dir.resolve("a/b/c")), "check");
        assertEquals(0, far.exit(), far::toString);
        assertTrue(far.out().contains(" " + dir.resolve("dev.toml") + " is valid: project demo"), far.out());
    }

    @Test
    void dashCIntoASubdirectoryFindsTheParentsConfig() throws IOException {
        Cli.write(dir, "dev.toml", ONE_SERVICE);
        Files.createDirectories(dir.resolve("web/src"));
        CliResult r = Cli.run(dir, "-C", "web/src", "check");
        assertEquals(0, r.exit(), r::toString);
        // Paths read as if dev had started in the -C directory.
        assertTrue(r.out().contains("../../dev.toml is valid: project demo"), r.out());
    }

    @Test
    void dashCToAMissingDirectoryIsAUsageError() {
        Cli.write(dir, "dev.toml", ONE_SERVICE);
        CliResult r = Cli.run(dir, "-C", "nowhere", "check");
        assertEquals(ExitCode.USAGE, r.exit(), r::toString);
        assertTrue(r.err().contains("directory " + dir.resolve("nowhere") + " does not exist"), r.err());
        assertTrue(r.err().contains("hint: check the path given to -C"), r.err());
        Cli.assertNoJavaInternals(r.err());
    }

    @Test
    void dashCToAMissingDirectoryIsAnErrorEvenWithAnAbsoluteDashF() {
        Path file = Cli.write(dir, "dev.toml", ONE_SERVICE);
        CliResult r = Cli.run(dir, "-C", "nowhere", "-f", file.toString(), "check");
        assertEquals(ExitCode.USAGE, r.exit(), r::toString);
        assertTrue(r.err().contains("nowhere"), r.err());
    }

    @Test
    void dashFPointsToAConfigAnywhere() {
        Cli.write(dir, "configs/other.toml", ONE_SERVICE);
        CliResult r = Cli.run(dir, "-f", "configs/other.toml", "check");
        assertEquals(0, r.exit(), r::toString);
        assertTrue(r.out().contains("configs/other.toml is valid"), r.out());
    }

    @Test
    void dashFIsResolvedAgainstTheDashCDirectory() {
        Cli.write(dir, "sub/alt.toml", ONE_SERVICE);
        CliResult r = Cli.run(dir, "-C", "sub", "--file", "alt.toml", "check");
        assertEquals(0, r.exit(), r::toString);
        assertTrue(r.out().contains("alt.toml is valid"), r.out());
    }

    @Test
    void dashFToAMissingFileNamesIt() {
        Cli.write(dir, "dev.toml", ONE_SERVICE);
        CliResult r = Cli.run(dir, "-f", "missing.toml", "check");
        assertEquals(ExitCode.USAGE, r.exit(), r::toString);
        assertTrue(r.err().contains("config file " + dir.resolve("missing.toml") + " does not exist"), r.err());
        assertTrue(r.err().contains("hint: check the path given to -f"), r.err());
        assertEquals("", r.out());
        Cli.assertNoJavaInternals(r.err());
    }

    @Test
    void dashFToADirectorySaysSo() throws IOException {
        Files.createDirectories(dir.resolve("conf"));
        CliResult r = Cli.run(dir, "-f", "conf", "check");
        assertEquals(ExitCode.USAGE, r.exit(), r::toString);
        assertTrue(r.err().contains("is a directory"), r.err());
    }

    /**
     * A real temporary directory could have a dev.toml in some ancestor on this machine; an
     * in-memory file system guarantees that none exists anywhere above the working directory.
     */
    @Test
    void missingConfigSuggestsDevInitOrDashF() throws IOException {
        try (FileSystem fs = Jimfs.newFileSystem(Configuration.unix())) {
            Path cwd = Files.createDirectories(fs.getPath("/home/dev/project"));
            CliResult r = Cli.run(cwd, "check");
            assertEquals(ExitCode.USAGE, r.exit(), r::toString);
            assertTrue(r.err().contains("no dev.toml in /home/dev/project or any parent directory"), r.err());
            assertTrue(r.err().contains("hint:"), r.err());
            assertTrue(r.err().contains("dev init"), r.err());
            assertTrue(r.err().contains("-f FILE"), r.err());
            assertEquals("", r.out());
            Cli.assertNoJavaInternals(r.err());
        }
    }

    @Test
    void noColorAndColorNeverAreTheSame() {
        Cli.write(dir, "dev.toml", ONE_SERVICE);
        CliResult noColor = Cli.run(dir, Cli.BASE_ENV, true, "--no-color", "check");
        CliResult never = Cli.run(dir, Cli.BASE_ENV, true, "--color=never", "check");
        assertEquals(0, noColor.exit(), noColor::toString);
        assertEquals(never.out(), noColor.out());
        assertFalse(noColor.outHasAnsi(), noColor::toString);
    }
}
