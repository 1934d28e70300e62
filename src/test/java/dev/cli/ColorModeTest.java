package dev.cli;

import dev.cli.Cli.CliResult;
import dev.ui.ColorMode;
import dev.ui.Terminals;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The colour decision (SPEC §1: auto honours NO_COLOR, CLICOLOR_FORCE and whether stdout is a
 * terminal) and that every output, picocli's help included, follows it.
 */
class ColorModeTest {
    /** "-" stands for an unset variable. */
    private static final String UNSET = "-";

    @TempDir
    Path dir;

    @BeforeEach
    void writeProject() {
        Cli.write(dir, "dev.toml", """
                [services.api]
                command = "serve"
                port = 8080
                """);
    }

    /** Every combination of mode, NO_COLOR, CLICOLOR_FORCE, TERM and terminal-or-not. */
    static Stream<Arguments> everyCombination() {
        List<Arguments> all = new ArrayList<>();
        for (ColorMode mode : ColorMode.values()) {
            for (String noColor : List.of(UNSET, "", "1")) {
                for (String force : List.of(UNSET, "", "0", "1")) {
                    for (String term : List.of(UNSET, "xterm-256color", "dumb")) {
                        for (boolean tty : new boolean[] {true, false}) {
                            all.add(Arguments.of(mode, noColor, force, term, tty));
                        }
                    }
                }
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} NO_COLOR={1} CLICOLOR_FORCE={2} TERM={3} tty={4}")
    @MethodSource("everyCombination")
    void decisionFollowsTheDocumentedPrecedence(ColorMode mode, String noColor, String force, String term,
                                                boolean tty) {
        Map<String, String> env = new HashMap<>();
        put(env, "NO_COLOR", noColor);
        put(env, "CLICOLOR_FORCE", force);
        put(env, "TERM", term);

        boolean expected;
        if (mode != ColorMode.AUTO) {
            expected = mode == ColorMode.ALWAYS; // an explicit flag beats every variable
        } else if (!noColor.equals(UNSET) && !noColor.isEmpty()) {
            expected = false; // NO_COLOR (non-empty) wins over everything in auto, CLICOLOR_FORCE included
        } else if (!force.equals(UNSET) && !force.isEmpty() && !force.equals("0")) {
            expected = true; // forced: even into a pipe or a dumb terminal
        } else {
            expected = tty && !term.equals("dumb");
        }
        assertEquals(expected, mode.enabled(env, tty));
    }

    @ParameterizedTest(name = "{0} NO_COLOR={1} CLICOLOR_FORCE={2} TERM={3} tty={4} -> {5}")
    @CsvSource({
        "AUTO,   -, -, xterm, true,  true",
        "AUTO,   -, -, xterm, false, false",
        "AUTO,   -, -, -,     true,  true",
        "AUTO,   -, -, dumb,  true,  false",
        "AUTO,   1, -, xterm, true,  false",
        "AUTO,   '', -, xterm, true, true",
        "AUTO,   -, 1, -,     false, true",
        "AUTO,   -, 1, dumb,  false, true",
        "AUTO,   -, 0, xterm, true,  true",
        "AUTO,   -, 0, xterm, false, false",
        "AUTO,   1, 1, xterm, true,  false",
        "ALWAYS, 1, -, dumb,  false, true",
        "NEVER,  -, 1, xterm, true,  false",
    })
    void examples(ColorMode mode, String noColor, String force, String term, boolean tty, boolean expected) {
        Map<String, String> env = new HashMap<>();
        put(env, "NO_COLOR", noColor);
        put(env, "CLICOLOR_FORCE", force);
        put(env, "TERM", term);
        assertEquals(expected, mode.enabled(env, tty));
    }

    @Test
    void modesPrintAsTyped() {
        assertEquals(List.of("auto", "always", "never"), Arrays.stream(ColorMode.values()).map(String::valueOf).toList());
    }

    @Test
    void launcherTellsWhetherStdoutIsATerminal() {
        assertTrue(Terminals.stdoutIsTerminal(Map.of("DEV_STDOUT_TTY", "1")));
        assertFalse(Terminals.stdoutIsTerminal(Map.of("DEV_STDOUT_TTY", "0")));
    }

    @Test
    void noColorFlagsRemoveEveryEscapeEvenOnATerminal() {
        for (String flag : new String[] {"--no-color", "--color=never", "--color=NEVER"}) {
            CliResult r = Cli.run(dir, Cli.env("CLICOLOR_FORCE", "1", "TERM", "xterm"), true, flag, "check");
            assertEquals(0, r.exit(), r::toString);
            assertFalse(r.outHasAnsi(), () -> flag + "\n" + r);
            assertTrue(r.out().startsWith("✔ dev.toml is valid"), r::toString);
        }
    }

    @Test
    void colorAlwaysColoursEvenIntoAPipe() {
        CliResult r = Cli.run(dir, Cli.env("NO_COLOR", "1", "TERM", "dumb"), false, "--color=always", "check");
        assertEquals(0, r.exit(), r::toString);
        assertTrue(r.out().startsWith("\u001b[32m✔\u001b[0m dev.toml is valid: project \u001b[1m"), r::toString);
    }

    @Test
    void autoFollowsTheEnvironmentAndTheTerminal() {
        assertTrue(Cli.run(dir, Cli.env("TERM", "xterm"), true, "check").outHasAnsi());
        assertFalse(Cli.run(dir, Cli.env("TERM", "xterm"), false, "check").outHasAnsi());
        assertFalse(Cli.run(dir, Cli.env("TERM", "xterm", "NO_COLOR", "1"), true, "check").outHasAnsi());
        assertFalse(Cli.run(dir, Cli.env("TERM", "dumb"), true, "check").outHasAnsi());
        assertTrue(Cli.run(dir, Cli.env("CLICOLOR_FORCE", "1"), false, "check").outHasAnsi());
    }

    @Test
    void helpFollowsTheSameDecision() {
        Map<String, String> term = Cli.env("TERM", "xterm");
        assertHelpColour(false, Cli.run(dir, term, true, "--help", "--color=never"));
        assertHelpColour(false, Cli.run(dir, term, true, "--no-color", "--help"));
        assertHelpColour(false, Cli.run(dir, term, false, "--help"));
        assertHelpColour(false, Cli.run(dir, Cli.env("TERM", "xterm", "NO_COLOR", "1"), true, "--help"));
        assertHelpColour(true, Cli.run(dir, term, true, "--help"));
        assertHelpColour(true, Cli.run(dir, term, false, "--help", "--color=always"));
        assertHelpColour(true, Cli.run(dir, Cli.env("CLICOLOR_FORCE", "1"), false, "--help"));
        assertHelpColour(true, Cli.run(dir, term, false, "check", "--help", "--color=always"));
        assertHelpColour(false, Cli.run(dir, term, true, "env", "--help", "--no-color"));
        // Bare `dev` prints the same usage through the command itself.
        assertHelpColour(true, Cli.run(dir, term, false, "--color=always"));
        assertHelpColour(false, Cli.run(dir, term, true, "--color=never"));
    }

    private static void assertHelpColour(boolean coloured, CliResult r) {
        assertEquals(0, r.exit(), r::toString);
        assertTrue(r.out().contains("Usage:"), r::toString);
        assertEquals(coloured, r.outHasAnsi(), r::toString);
    }

    private static void put(Map<String, String> env, String key, String value) {
        if (!UNSET.equals(value)) {
            env.put(key, value);
        }
    }
}
