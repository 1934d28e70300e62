package dev.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Finds the project's dev.toml the way git finds its repository: the nearest one walking up. */
public final class ConfigDiscovery {
    public static final String FILE_NAME = "dev.toml";

    private ConfigDiscovery() {
    }

    /**
     * @param startDir where to start looking (usually the working directory); any file system
     * @return the nearest {@code dev.toml} in startDir or one of its ancestors, up to the root
     */
    public static Optional<Path> find(Path startDir) {
        Path dir = startDir.toAbsolutePath().normalize();
        while (dir != null) {
            Path candidate = dir.resolve(FILE_NAME);
            if (Files.isRegularFile(candidate)) {
                return Optional.of(candidate);
            }
            dir = dir.getParent();
        }
        return Optional.empty();
    }
}
