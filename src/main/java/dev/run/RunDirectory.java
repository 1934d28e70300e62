package dev.run;

import java.nio.file.Path;

/** Paths inside {@code .dev/} at the project root (SPEC §3). */
public record RunDirectory(Path root) {
    public static RunDirectory of(Path projectRoot) {
        return new RunDirectory(projectRoot.resolve(".dev"));
    }

    public Path logs() {
        return root.resolve("logs");
    }

    public Path lockFile() {
        return root.resolve("lock");
    }

    public Path stateFile() {
        return root.resolve("state.json");
    }

    public Path projectRoot() {
        return root.getParent();
    }
}
