package dev.health;

import dev.config.HealthCheck;
import java.util.Objects;

/** Entry point for the orchestrator's prober: one blocking attempt of a check. */
public final class Probes {
    private Probes() {
    }

    /**
     * Runs one attempt of {@code check}, blocking at most about {@code check.timing().timeout()}
     * (an exec probe additionally waits, briefly, for its killed processes to be gone).
     *
     * <p>Tcp connects; Http sends one {@code GET} over a raw socket and reads the status line
     * ({@code https} is spoken without certificate checks, as a local liveness probe); Exec runs
     * {@code /bin/sh -c command} in its own process group with {@code context}'s directory and
     * environment, exit 0 meaning healthy. Every failure of the probed service is returned as an
     * unhealthy result.
     *
     * @throws IllegalArgumentException for {@link HealthCheck.Log} and {@link HealthCheck.Uptime},
     *                                  which are decided from output and elapsed time, not polled
     */
    public static ProbeResult run(HealthCheck check, ProbeContext context) {
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(context, "context");
        return Probe.of(check, context).attempt();
    }
}
