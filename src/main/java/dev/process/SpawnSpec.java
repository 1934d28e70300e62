package dev.process;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * What to spawn: {@code command} is run by {@code /bin/sh -c} in {@code cwd} with exactly {@code env} as its
 * environment (it replaces the parent's environment, it is not merged into it).
 *
 * @param name a label used in error messages only (normally the service name)
 */
public record SpawnSpec(String name, String command, Path cwd, Map<String, String> env) {
    public SpawnSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(cwd, "cwd");
        env = Map.copyOf(Objects.requireNonNull(env, "env"));
    }
}
