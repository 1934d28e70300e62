package dev.init;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/** Makes sure git ignores dev's run directory, {@code .dev/}, in a project. */
public final class GitIgnore {
    /** Lines that already ignore the run directory at the project root (or everywhere). */
    private static final Set<String> COVERING = Set.of(".dev", ".dev/", "/.dev", "/.dev/", ".dev/*", "/.dev/*",
            ".dev/**", "/.dev/**");

    public enum Outcome {
        CREATED, ADDED, ALREADY_IGNORED
    }

    private GitIgnore() {
    }

    /** Adds {@code .dev/} to {@code dir/.gitignore}, creating the file if needed; never adds it twice. */
    public static Outcome ensureRunDirectoryIgnored(Path dir) throws IOException {
        Path file = dir.resolve(".gitignore");
        if (!Files.exists(file)) {
            Files.writeString(file, ".dev/\n", StandardCharsets.UTF_8);
            return Outcome.CREATED;
        }
        String text = Files.readString(file, StandardCharsets.UTF_8);
        if (text.lines().map(String::strip).anyMatch(COVERING::contains)) {
            return Outcome.ALREADY_IGNORED;
        }
        String separator = text.isEmpty() || text.endsWith("\n") ? "" : "\n";
        Files.writeString(file, separator + ".dev/\n", StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
        return Outcome.ADDED;
    }
}
