package dev.cli;

import dev.config.Durations;
import dev.config.HealthCheck;
import dev.config.HealthSpec;
import dev.config.PortSpec;
import dev.config.ResolvedService;
import dev.config.ServiceConfig;
import dev.plan.StartPlan;
import dev.ui.Ansi;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Human-readable {@code dev check} output. */
final class PlanPrinter {
    private final PrintStream out;
    private final Ansi ansi;
    private final Path cwd;

    PlanPrinter(PrintStream out, Ansi ansi, Path cwd) {
        this.out = out;
        this.ansi = ansi;
        this.cwd = cwd;
    }

    void print(StartPlan plan) {
        var project = plan.config().project();
        out.println(ansi.green("✔") + " " + Main.relativize(cwd, project.file()) + " is valid: project "
                + ansi.bold(project.name()) + ", " + plan.services().size() + " service"
                + (plan.services().size() == 1 ? "" : "s"));
        out.println();
        out.println(ansi.bold("Start order") + " (services on one level start in parallel):");
        List<List<String>> levels = plan.levels();
        for (int i = 0; i < levels.size(); i++) {
            out.println("  " + (i + 1) + ". " + String.join(", ", levels.get(i)));
        }
        for (ResolvedService s : plan.services().values()) {
            out.println();
            printService(plan, s);
        }
    }

    private void printService(StartPlan plan, ResolvedService s) {
        ServiceConfig c = s.config();
        out.println(ansi.bold(s.name()) + flags(c));
        row("command", s.command());
        row("cwd", Main.relativize(plan.config().project().root(), s.cwd()).isEmpty() ? "."
                : Main.relativize(plan.config().project().root(), s.cwd()));
        if (s.port() != null) {
            row("port", c.port() instanceof PortSpec.Auto ? "auto (chosen at start; e.g. " + s.port() + ")"
                    : String.valueOf(s.port()));
        }
        if (!c.dependsOn().isEmpty()) {
            row("depends on", c.dependsOn().entrySet().stream()
                    .map(e -> e.getKey() + " (" + e.getValue().keyword() + ")").collect(Collectors.joining(", ")));
        }
        if (c.bindsTo() != null) {
            row("binds to", c.bindsTo());
        }
        row("health", c.task() ? "none: a task is judged by its exit code (0 = completed)" : health(s.health()));
        if (s.stopCommand() != null) {
            // The stop command replaces the signal; what remains of the group is killed after the grace.
            row("stop", s.stopCommand() + ", SIGKILL after " + Durations.format(c.stopTimeout()));
        } else {
            row("stop", c.stopSignal().sigName() + ", SIGKILL after " + Durations.format(c.stopTimeout()));
        }
        if (c.restart() != dev.config.RestartPolicy.NO) {
            row("restart", c.restart().keyword());
        }
    }

    private String flags(ServiceConfig c) {
        List<String> f = new ArrayList<>();
        if (c.task()) {
            f.add("task");
        }
        if (c.optional()) {
            f.add("optional");
        }
        if (c.keepDetached()) {
            f.add("keep_detached");
        }
        return f.isEmpty() ? "" : "  " + ansi.dim("[" + String.join(", ", f) + "]");
    }

    static String health(HealthCheck h) {
        HealthSpec.Timing t = h.timing();
        if (h instanceof HealthCheck.Uptime) {
            return h.describe();
        }
        if (h instanceof HealthCheck.Log) {
            return h.describe() + "  (healthy once a line of output matches; never probed)";
        }
        return describeTarget(h) + "  (every " + Durations.format(t.interval()) + ", timeout "
                + Durations.format(t.timeout()) + ", " + t.retries() + " retries, start period "
                + Durations.format(t.startPeriod()) + ")";
    }

    /** An HTTP check's accepted statuses are part of what it checks, unless they are the default (any below 500). */
    private static String describeTarget(HealthCheck h) {
        if (h instanceof HealthCheck.Http http && !(http.minStatus() == 0 && http.maxStatus() == 499)) {
            String range = http.minStatus() == http.maxStatus() ? String.valueOf(http.minStatus())
                    : http.minStatus() + "-" + http.maxStatus();
            return h.describe() + " status " + range;
        }
        return h.describe();
    }

    private void row(String label, String value) {
        out.println("  " + ansi.dim(String.format("%-11s", label)) + value);
    }
}
