package dev.config;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A service ready to spawn: every reference interpolated, auto port chosen, environment merged in
 * SPEC §2 precedence (the user's environment, env files, tables, then what dev sets).
 *
 * @param port        the concrete port, or null when the service has none
 * @param env         full environment for the child, with provenance
 * @param health      the resolved check (never null: Uptime when nothing applies)
 * @param stopCommand interpolated stop_command, or null
 */
public record ResolvedService(
        ServiceConfig config,
        String command,
        Path cwd,
        Integer port,
        Map<String, EnvValue> env,
        HealthCheck health,
        String stopCommand) {

    public ResolvedService {
        env = Collections.unmodifiableMap(new LinkedHashMap<>(env));
    }

    public String name() {
        return config.name();
    }

    /** The plain environment map to hand to a child process. */
    public Map<String, String> environment() {
        Map<String, String> m = new LinkedHashMap<>();
        env.forEach((k, v) -> m.put(k, v.value()));
        return m;
    }
}
