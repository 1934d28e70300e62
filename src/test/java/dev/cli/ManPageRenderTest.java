package dev.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The committed man pages render with groff without a single warning, and dev(1) has every section it promises. */
class ManPageRenderTest {
    private static final Path PAGES = CompletionFreshnessTest.Generated.projectDir().resolve("man/man1");

    private record Rendered(int code, String out, String err) {
    }

    private static Rendered groff(Path page) throws IOException, InterruptedException {
        Path err = Files.createTempFile("groff", ".err");
        try {
            // -ww: every warning; -t: the pages declare tbl input in their first line.
            Process p = new ProcessBuilder("groff", "-t", "-man", "-Tutf8", "-ww", page.toString())
                    .redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .start();
            // grotty marks bold and underline by overstriking (X backspace X); only the text matters here.
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).replaceAll(".\b", "");
            assertTrue(p.waitFor(20, TimeUnit.SECONDS), "groff did not finish");
            return new Rendered(p.exitValue(), out, Files.readString(err));
        } finally {
            Files.deleteIfExists(err);
        }
    }

    private static boolean groffInstalled() {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(":"))
                .anyMatch(d -> !d.isEmpty() && Files.isExecutable(Path.of(d, "groff")));
    }

    @Test
    void everyPageRendersCleanly() throws Exception {
        assumeTrue(groffInstalled(), "groff is not installed (apt-get install groff-base); skipping man page rendering");
        List<Path> pages;
        try (Stream<Path> files = Files.list(PAGES)) {
            pages = files.filter(f -> f.toString().endsWith(".1")).sorted().toList();
        }
        assertTrue(pages.size() > 5, "dev(1) and one page per subcommand: " + pages);
        for (Path page : pages) {
            Rendered r = groff(page);
            assertEquals(0, r.code(), page + ": " + r.err());
            assertEquals("", r.err(), page + " renders with warnings");
            String name = page.getFileName().toString().replace(".1", "");
            assertTrue(r.out().contains(name.toUpperCase(java.util.Locale.ROOT) + "(1)"), page + " has no title line");
            assertTrue(r.out().contains("SYNOPSIS") && r.out().contains("SEE ALSO"), page + " lacks sections");
        }
    }

    @Test
    void devPageDocumentsExitCodesFilesAndEnvironment() throws Exception {
        assumeTrue(groffInstalled(), "groff is not installed (apt-get install groff-base); skipping man page rendering");
        String text = groff(PAGES.resolve("dev.1")).out();
        for (String expected : List.of("COMMANDS", "EXIT CODES", "FILES", "ENVIRONMENT", "dev.toml", ".dev/lock",
                ".dev/state.json", ".dev/logs/", ".dev/run/control.sock", "NO_COLOR", "CLICOLOR_FORCE", "DEV_NO_CDS",
                "DEV_JAVA_OPTS", "JAVA_HOME", "XDG_RUNTIME_DIR", "XDG_CACHE_HOME", "124", "dev-start(1)", "dev-init(1)")) {
            assertTrue(text.contains(expected), "dev(1) does not mention " + expected);
        }
    }
}
