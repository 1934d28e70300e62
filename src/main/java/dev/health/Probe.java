package dev.health;

import dev.config.HealthCheck;

/** The pollable probes: one instance is one attempt, bounded by its check's timeout. */
sealed interface Probe permits TcpProbe, HttpProbe, ExecProbe {
    /** Runs the attempt; a failing service is an unhealthy result, never an exception. */
    ProbeResult attempt();

    static Probe of(HealthCheck check, ProbeContext context) {
        if (check instanceof HealthCheck.Tcp tcp) {
            return new TcpProbe(tcp, null);
        }
        if (check instanceof HealthCheck.Http http) {
            return new HttpProbe(http, null);
        }
        if (check instanceof HealthCheck.Exec exec) {
            return new ExecProbe(exec, context, ProcessScope.CURRENT);
        }
        throw new IllegalArgumentException("not a pollable check (the orchestrator decides it from "
                + "output or uptime): " + check.describe());
    }
}
