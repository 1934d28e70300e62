package dev.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every file under {@code config/invalid/} declares the errors it must produce in header comments
 * ({@code # expect: LINE:COLUMN kind}); the loader must report exactly that set, no more, no less.
 */
class InvalidConfigCorpusTest {
    private static final Pattern EXPECT = Pattern.compile("^# expect: (\\d+):(\\d+) ([a-z_]+)\\s*$");
    /** A fixed environment, so ${VAR} checks do not depend on the machine running the tests. */
    static final Map<String, String> USER_ENV = Map.of("HOME", "/home/dev", "PATH", "/usr/bin:/bin");

    static Stream<Path> files() throws IOException, URISyntaxException {
        Path dir = Path.of(InvalidConfigCorpusTest.class.getResource("/config/invalid").toURI());
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".toml")).sorted().collect(Collectors.toList()).stream();
        }
    }

    @Test
    void corpusIsLargeEnoughToMeanSomething() throws Exception {
        assertTrue(files().count() >= 35, "at least 35 invalid files");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void reportsExactlyTheExpectedErrors(Path file) throws IOException {
        Set<String> expected = expectations(file);
        assertFalse(expected.isEmpty(), file + " declares no # expect: line");

        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(file, USER_ENV));

        Set<String> actual = new TreeSet<>();
        for (ConfigError error : e.errors()) {
            actual.add(error.location().line() + ":" + error.location().column() + " "
                    + error.kind().name().toLowerCase(Locale.ROOT));
        }
        assertEquals(expected, actual, () -> "errors of " + file.getFileName() + ":\n" + e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void everyErrorIsWrittenForHumans(Path file) {
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(file, USER_ENV));
        for (ConfigError error : e.errors()) {
            String text = error.render();
            assertEquals(file, error.location().file(), text);
            assertFalse(error.message().isBlank(), text);
            assertNotNull(error.suggestion(), "every error suggests a fix: " + text);
            assertFalse(error.suggestion().isBlank(), text);
            assertNoJavaInternals(text);
        }
        assertNoJavaInternals(e.getMessage());
    }

    /** No stack trace, exception class or package name ever reaches a user. */
    static void assertNoJavaInternals(String text) {
        List<String> forbidden = List.of("Exception", "\tat ", "at java.", "at dev.", "java.lang", "java.io",
                "java.nio", "com.fasterxml", "jackson", "dev.config.", ".java:", "Caused by", "null");
        for (String f : forbidden) {
            assertFalse(text.contains(f), () -> "message contains `" + f + "`: " + text);
        }
    }

    private static Set<String> expectations(Path file) throws IOException {
        Set<String> out = new TreeSet<>();
        for (String line : Files.readAllLines(file)) {
            Matcher m = EXPECT.matcher(line);
            if (m.matches()) {
                out.add(m.group(1) + ":" + m.group(2) + " " + m.group(3));
            }
        }
        return out;
    }
}
