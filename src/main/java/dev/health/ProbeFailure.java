package dev.health;

/**
 * Internal early exit of a socket probe: its message is the unhealthy {@link ProbeResult#detail()}.
 * Never escapes the package; {@link Probes#run} turns it into a result.
 */
final class ProbeFailure extends Exception {
    ProbeFailure(String detail) {
        // A probe failure is an expected outcome, so a stack trace would be pure cost.
        super(detail, null, false, false);
    }
}
