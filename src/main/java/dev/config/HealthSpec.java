package dev.config;

import java.time.Duration;

/**
 * A health check as written in dev.toml, before interpolation. String fields may still hold
 * {@code ${port}}-style references; {@link HealthCheck} is the resolved form.
 */
public sealed interface HealthSpec {
    Timing timing();

    /** {@code health = { tcp = PORT }}; PORT may be a template such as {@code "${port}"}. */
    record Tcp(String port, Timing timing) implements HealthSpec {
    }

    /**
     * {@code health = { http = "/health" }} or a full URL; {@code status = "2xx"} narrows success
     * (default: any status below 500).
     */
    record Http(String target, String status, Timing timing) implements HealthSpec {
    }

    record Exec(String command, Timing timing) implements HealthSpec {
    }

    /** Healthy once a line of output matches the regex. */
    record Log(String regex, Timing timing) implements HealthSpec {
    }

    /** No check written: a service with a port gets tcp on it, one without runs start_period. */
    record Default(Timing timing) implements HealthSpec {
    }

    /** interval, timeout, retries and start_period, with SPEC defaults applied. */
    record Timing(Duration interval, Duration timeout, int retries, Duration startPeriod) {
        public static final Timing DEFAULT =
                new Timing(Duration.ofSeconds(2), Duration.ofSeconds(1), 3, Duration.ofSeconds(1));
    }
}
