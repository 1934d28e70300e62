package dev.health;

import java.time.Duration;
import java.util.Objects;

/**
 * The outcome of one probe attempt. A failing probe is a result, never an exception.
 *
 * @param healthy whether the attempt succeeded
 * @param detail  one line of human text: {@code HTTP 200}, {@code connection refused 127.0.0.1:8080},
 *                {@code timed out after 1s}, {@code exit 1: <last line of output>}…
 * @param took    wall-clock time the attempt took
 */
public record ProbeResult(boolean healthy, String detail, Duration took) {
    public ProbeResult {
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(took, "took");
    }

    public static ProbeResult healthy(String detail, Duration took) {
        return new ProbeResult(true, detail, took);
    }

    public static ProbeResult unhealthy(String detail, Duration took) {
        return new ProbeResult(false, detail, took);
    }
}
