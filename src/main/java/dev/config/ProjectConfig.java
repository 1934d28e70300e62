package dev.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The {@code [project]} table.
 *
 * @param root      directory holding dev.toml: the project root, where {@code .dev/} lives
 * @param file      the dev.toml that was read
 * @param envFiles  env files relative to root, in precedence order (later wins)
 * @param env       project env, values still templates
 */
public record ProjectConfig(
        String name,
        Path root,
        Path file,
        List<EnvFileRef> envFiles,
        Map<String, String> env,
        Duration stopTimeout,
        long logMaxSize,
        int logMaxFiles) {

    public static final Duration DEFAULT_STOP_TIMEOUT = Duration.ofSeconds(10);
    public static final long DEFAULT_LOG_MAX_SIZE = 10L << 20;
    public static final int DEFAULT_LOG_MAX_FILES = 3;

    public ProjectConfig {
        envFiles = List.copyOf(envFiles);
        env = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(env));
    }

    /** An env file reference; {@code required} is false only for the implicit default {@code .env}. */
    public record EnvFileRef(String path, boolean required, Location location) {
    }
}
