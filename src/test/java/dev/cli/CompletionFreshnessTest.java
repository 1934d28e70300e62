package dev.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The committed completions/ files are exactly what the current code generates. With
 * {@code -Ddev.updateGenerated=true} the test rewrites them instead (see {@link Generated}).
 */
class CompletionFreshnessTest {
    static final String REGENERATE = "mvn -B -q test -Dtest='CompletionFreshnessTest,ManPageFreshnessTest'"
            + " -Ddev.updateGenerated=true";

    @ParameterizedTest
    @EnumSource(CompletionScripts.Shell.class)
    void committedScriptIsCurrent(CompletionScripts.Shell shell) throws IOException {
        Path file = Generated.projectDir().resolve("completions").resolve(shell.fileName());
        Generated.check(file, CompletionScripts.generate(shell, Main.commandLine(Generated.inertContext())));
    }

    /** Committed files that the build generates: compared, or rewritten in update mode. */
    static final class Generated {
        private Generated() {
        }

        static boolean updating() {
            return Boolean.getBoolean("dev.updateGenerated");
        }

        static Path projectDir() {
            return Path.of(System.getProperty("dev.projectDir", "")).toAbsolutePath();
        }

        static CliContext inertContext() {
            java.io.PrintStream nowhere = new java.io.PrintStream(java.io.OutputStream.nullOutputStream());
            return new CliContext(nowhere, nowhere, java.util.Map.of(), Path.of("/"), false);
        }

        /** Fails naming the regeneration command unless {@code file} holds {@code expected}; in update mode writes it. */
        static void check(Path file, String expected) throws IOException {
            String relative = projectDir().relativize(file).toString();
            if (updating()) {
                Files.createDirectories(file.getParent());
                if (!Files.exists(file) || !Files.readString(file, StandardCharsets.UTF_8).equals(expected)) {
                    Files.writeString(file, expected, StandardCharsets.UTF_8);
                }
                return;
            }
            if (!Files.exists(file)) {
                fail(relative + " is missing: generate it with\n  " + REGENERATE);
            }
            assertEquals(expected, Files.readString(file, StandardCharsets.UTF_8),
                    relative + " is out of date with the code that generates it; regenerate it with\n  " + REGENERATE
                            + "\nand commit the result");
        }
    }
}
