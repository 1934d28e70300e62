package dev.health;

import dev.config.ResolvedService;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Where an exec probe runs. Socket probes ignore it.
 *
 * @param cwd working directory of the probe command
 * @param env the complete environment of the probe command: it replaces the JVM's environment
 *            rather than extending it (a service's resolved environment already starts from the
 *            user's)
 */
public record ProbeContext(Path cwd, Map<String, String> env) {
    public ProbeContext {
        Objects.requireNonNull(cwd, "cwd");
        env = Collections.unmodifiableMap(new LinkedHashMap<>(env));
    }

    /** Runs probes the way the service itself runs: in its directory with its environment. */
    public static ProbeContext of(ResolvedService service) {
        return new ProbeContext(service.cwd(), service.environment());
    }
}
