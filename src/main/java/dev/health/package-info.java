/**
 * Health checking as blocking, bounded attempts plus pure decision logic; the orchestrator owns
 * scheduling and service state.
 *
 * <ul>
 *   <li>{@link dev.health.Probes#run} — one attempt of a tcp, http(s) or exec check, never longer
 *       than the check's timeout, failures returned as {@link dev.health.ProbeResult}s.</li>
 *   <li>{@link dev.health.LogMatcher} — decides {@code log = "REGEX"} checks from output lines.</li>
 *   <li>{@link dev.health.ReadinessBackoff} — spacing of probes while a service starts.</li>
 *   <li>{@link dev.health.HealthTracker} — healthy/unhealthy transitions from results, and the
 *       effective start timeout.</li>
 * </ul>
 *
 * <p>Decisions worth knowing: socket probes never use a proxy and discard TCP self-connects
 * (which would otherwise steal a not-yet-bound port); {@code https} is probed without certificate
 * verification; exec probes run in their own process group (setsid) which is killed after every
 * attempt, so no probe process outlives it.
 */
package dev.health;
