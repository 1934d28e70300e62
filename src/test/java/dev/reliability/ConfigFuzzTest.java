package dev.reliability;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.config.Config;
import dev.config.ConfigError;
import dev.config.ConfigException;
import dev.config.ConfigLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Property-based config fuzzing: random mutations of real configs (the valid and invalid corpus under
 * {@code src/test/resources/config}) must never produce anything but a {@link Config} or a {@link ConfigException}
 * whose every error has a location (line and column ≥ 1), a message, and no Java internals. Parse-only, no
 * processes: 10,000 cases in a few seconds. Seeded: a failure names the case's seed and writes its text under
 * {@code target/fuzz-failures/} to reproduce it with {@link #check}.
 */
class ConfigFuzzTest {
    static final int CASES = 10_000;
    static final long SEED = 0x5eed_de7_7011L;
    private static final Path FILE = Path.of("/fuzz/project/dev.toml");
    private static final Map<String, String> USER_ENV = Map.of("HOME", "/home/dev", "PATH", "/usr/bin:/bin");
    /** What a user must never see: stack traces, exception names, packages, or a stray "null". */
    private static final List<String> INTERNALS = List.of("Exception", "Error:", "\tat ", "at java.", "at dev.",
            "java.lang", "java.io", "java.nio", "com.fasterxml", "jackson", "dev.config.", ".java:", "Caused by",
            "null");

    @Test
    void tenThousandMutatedConfigsGiveAConfigOrCleanLocatedErrors() {
        List<String> seeds = corpus();
        Random random = new Random(SEED);
        Findings findings = new Findings();
        int valid = 0;
        for (int i = 0; i < CASES; i++) {
            long caseSeed = random.nextLong();
            Random caseRandom = new Random(caseSeed);
            String text = new ConfigMutator(caseRandom).mutate(seeds.get(caseRandom.nextInt(seeds.size())));
            if (check(text, "case " + i + " (seed " + caseSeed + ")", findings)) {
                valid++;
            }
        }
        findings.assertNone();
        // Mutations that never broke anything, or broke everything, would test nothing.
        assertTrue(valid > CASES / 100, "some mutated configs are still valid: " + valid);
        assertTrue(valid < CASES / 2, "most mutated configs are invalid: " + (CASES - valid));
    }

    @Test
    void hostileFilesThatNeedNoMutationAreHandledToo() {
        List<String> texts = List.of("", "\n", "\ufeff", "\u0000", "[", "]", "=", "[services]", "[services.a]",
                "[services.a]\ncommand = \"\"", "services = 1", "services = []", "[[services]]\ncommand = \"x\"",
                "[project]\n".repeat(3), "[services.a]\ncommand = \"x\"\n[services.a]\ncommand = \"y\"",
                "[services.\"\"]\ncommand = \"x\"", "[services.a]\ncommand = \"x\"\ndepends_on = [\"a\", \"a\"]",
                "\ud800", "\"\"\"", "[services.a]\ncommand = \"" + "x".repeat(1_000_000) + "\"",
                "[services.a]\ncommand = \"x\"\nport = " + "9".repeat(10_000),
                "a = " + "[".repeat(100_000) + "]".repeat(100_000),
                "[services.a]\ncommand = \"x\"\nenv = " + "{ a = ".repeat(2_000) + "1" + " }".repeat(2_000),
                "[services.a]\ncommand = \"x\"\ncwd = \"a\\u0000b\"", "[services.a]\ncommand = \"x\"\ncwd = \"\\uD800\"",
                "[project]\nenv_file = \"\\uDFFF.env\"\n[services.a]\ncommand = \"x\"",
                "[services.a]\ncommand = \"x\"\nenv = { D = \"\\u0000\" }\ncwd = \"${D}\"",
                "[services.a]\ncommand = \"x\"\ndepends_on = [" + "\"b\", ".repeat(50_000) + "\"b\"]");
        Findings findings = new Findings();
        for (int i = 0; i < texts.size(); i++) {
            check(texts.get(i), "hostile text " + i, findings);
        }
        findings.assertNone();
    }

    @Test
    void nestingBeyondTheParsersLimitIsReportedWhereItHappens() {
        String text = "[services.a]\ncommand = \"x\"\n# [[[[ in a comment\nenv = { A = \"[[[[\" }\nport = "
                + "[".repeat(1_001) + "]".repeat(1_001) + "\n";
        ConfigException e = org.junit.jupiter.api.Assertions.assertThrows(ConfigException.class,
                () -> ConfigLoader.parse(text, FILE, FILE.getParent(), USER_ENV));
        ConfigError error = e.errors().get(0);
        org.junit.jupiter.api.Assertions.assertEquals("5:1008", error.location().line() + ":" + error.location().column(),
                error::render);
        assertTrue(error.message().contains("nested more than 1000 levels"), error::render);
    }

    @Test
    void aValueNoFileSystemCanNameIsAConfigErrorAtItsKey() {
        for (String line : List.of("cwd = \"a\\u0000b\"", "env_file = \"\\uD800\"")) {
            String text = "[services.a]\ncommand = \"x\"\n" + line + "\n";
            ConfigException e = org.junit.jupiter.api.Assertions.assertThrows(ConfigException.class,
                    () -> ConfigLoader.parse(text, FILE, FILE.getParent(), USER_ENV), line);
            ConfigError error = e.errors().get(0);
            org.junit.jupiter.api.Assertions.assertEquals(3, error.location().line(), error::render);
            assertTrue(error.message().contains("not a usable"), error::render);
        }
    }

    /**
     * Parses {@code text}; returns whether it is a valid config, and records in {@code findings} any outcome other
     * than a config or a clean, located {@link ConfigException}.
     */
    static boolean check(String text, String label, Findings findings) {
        try {
            Config config = ConfigLoader.parse(text, FILE, FILE.getParent(), USER_ENV);
            if (config.services().isEmpty()) {
                findings.add(label, text, "a valid config without services");
            }
            return true;
        } catch (ConfigException e) {
            if (e.errors().isEmpty()) {
                findings.add(label, text, "a ConfigException without errors");
            }
            for (ConfigError error : e.errors()) {
                String shown = error.render();
                if (!error.location().known() || error.location().line() < 1 || error.location().column() < 1) {
                    findings.add(label, text, "an error without a location: " + shown);
                }
                if (error.message() == null || error.message().isBlank()) {
                    findings.add(label, text, "an error without a message: " + shown);
                }
                for (String internal : INTERNALS) {
                    // The config's own words may be quoted back ("unknown key `nullable`"); only new ones count.
                    if (shown.contains(internal) && !text.contains(internal)) {
                        findings.add(label, text, "Java internals (" + internal + ") in: " + shown);
                    }
                }
            }
            return false;
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            findings.add(label, text, "parsing threw " + e);
            return false;
        }
    }

    /** Problems found, grouped by kind; each kind keeps its first case (saved for reproduction) and a count. */
    static final class Findings {
        private final Map<String, String> firstCase = new java.util.LinkedHashMap<>();
        private final Map<String, Integer> counts = new java.util.HashMap<>();

        void add(String label, String text, String problem) {
            // One kind per problem shape: the message up to the first quote or digit varies with the input.
            String kind = problem.replaceAll("(?s)[`'\"\\d(].*", "").strip();
            counts.merge(kind, 1, Integer::sum);
            firstCase.computeIfAbsent(kind, k -> label + ": " + problem + " (text saved to " + save(label, text)
                    + ")\n--- config (start)\n" + text.substring(0, Math.min(300, text.length())));
        }

        void assertNone() {
            if (firstCase.isEmpty()) {
                return;
            }
            StringBuilder report = new StringBuilder(firstCase.size() + " kinds of problems:\n");
            firstCase.forEach((kind, example) -> report.append("\n[").append(counts.get(kind)).append(" cases] ")
                    .append(example).append('\n'));
            fail(report.toString());
        }

        private static Path save(String label, String text) {
            Path saved = Path.of("target", "fuzz-failures", label.replaceAll("[^\\w-]+", "_") + ".toml");
            try {
                Files.createDirectories(saved.getParent());
                Files.writeString(saved, text, StandardCharsets.UTF_8);
            } catch (IOException | UncheckedIOException e) {
                // the label still names the seed
            }
            return saved;
        }
    }

    private static List<String> corpus() {
        List<String> texts = new ArrayList<>();
        for (String dir : List.of("/config/valid", "/config/invalid")) {
            try (Stream<Path> files = Files.list(Path.of(ConfigFuzzTest.class.getResource(dir).toURI()))) {
                for (Path file : files.filter(p -> p.toString().endsWith(".toml")).sorted().toList()) {
                    texts.add(Files.readString(file, StandardCharsets.UTF_8));
                }
            } catch (IOException | URISyntaxException e) {
                throw new IllegalStateException("cannot read the config corpus " + dir, e);
            }
        }
        assertTrue(texts.size() >= 40, "the corpus has its valid and invalid configs: " + texts.size());
        return texts;
    }
}
