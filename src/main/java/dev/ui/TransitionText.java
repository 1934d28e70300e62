package dev.ui;

import dev.config.Durations;
import dev.orchestrator.Failure;
import dev.orchestrator.OrchestratorListener.Transition;
import java.time.Duration;

/** One human line per state change, e.g. {@code api healthy in 1.3s}; null for changes not worth a line. */
public final class TransitionText {
    private TransitionText() {
    }

    public static String describe(Transition t, Ansi ansi) {
        String name = ansi.bold(t.service());
        String took = Durations.format(Duration.ofMillis(t.elapsedMillis()));
        Failure f = t.failure();
        return switch (t.to()) {
            case PENDING -> null;
            case WAITING -> f != null
                    ? ansi.yellow("↻ ") + name + " " + f.summary() + "; " + String.join(", ", t.snapshot().waitingFor())
                    : ansi.dim("… " + t.service() + " waiting for " + String.join(", ", t.snapshot().waitingFor()));
            case STARTING -> ansi.yellow("▸ ") + name + " starting" + (t.snapshot().restarts() > 0
                    ? " (restart " + t.snapshot().restarts() + ")" : "");
            case HEALTHY -> ansi.green("● ") + name + " healthy in " + took
                    + (t.from() == dev.orchestrator.ServiceState.UNHEALTHY ? " (recovered)" : "");
            case RUNNING -> ansi.green("● ") + name + " running";
            case COMPLETED -> ansi.grey("✔ ") + name + " completed in " + took;
            case UNHEALTHY -> ansi.red("✖ ") + name + " unhealthy" + (t.snapshot().health() == null ? ""
                    : ": " + t.snapshot().health());
            case STOPPING -> ansi.dim("■ " + t.service() + " stopping");
            case STOPPED -> ansi.grey("■ ") + name + " stopped" + (t.from() == dev.orchestrator.ServiceState.STOPPING
                    ? " in " + took : "");
            case FAILED -> ansi.red("✖ ") + name + " failed: " + ansi.red(f == null ? "unknown" : f.summary());
            case SKIPPED -> ansi.grey("○ ") + name + " skipped: " + (f == null ? "" : f.detail());
        };
    }
}
