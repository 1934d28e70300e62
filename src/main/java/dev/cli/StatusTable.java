package dev.cli;

import dev.config.Durations;
import dev.orchestrator.ServiceSnapshot;
import dev.orchestrator.ServiceState;
import dev.orchestrator.StackSnapshot;
import dev.ui.Ansi;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The one-screen {@code dev status} table and its overall line. */
final class StatusTable {
    private final PrintStream out;
    private final Ansi ansi;

    StatusTable(PrintStream out, Ansi ansi) {
        this.out = out;
        this.ansi = ansi;
    }

    static StackSnapshot filter(StackSnapshot s, List<String> names) {
        if (names.isEmpty()) {
            return s;
        }
        for (String n : names) {
            if (s.service(n).isEmpty()) {
                throw new UserException(ExitCode.USAGE, "no service '" + n + "' in this run",
                        "services: " + String.join(", ", s.services().stream().map(ServiceSnapshot::name).toList()));
            }
        }
        return new StackSnapshot(s.project(), s.runId(), s.startedAt(),
                s.services().stream().filter(x -> names.contains(x.name())).toList(), s.stopping());
    }

    void print(StackSnapshot s, Instant now) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"SERVICE", "STATE", "PID", "PORT/URL", "UPTIME", "RESTARTS", "LAST FAILURE"});
        for (ServiceSnapshot svc : s.services()) {
            rows.add(new String[] {
                svc.name() + (svc.optional() ? " (optional)" : ""),
                svc.state().keyword(),
                svc.pid() > 0 ? Long.toString(svc.pid()) : "-",
                svc.url() != null ? svc.url() : svc.port() != null ? Integer.toString(svc.port()) : "-",
                svc.startedAt() != null && svc.state().hasProcess()
                        ? Durations.format(Duration.ofSeconds(Duration.between(svc.startedAt(), now).toSeconds())) : "-",
                Integer.toString(svc.restarts()),
                svc.failure() != null ? svc.failure().summary()
                        : svc.state() == ServiceState.WAITING ? "waiting for " + String.join(", ", svc.waitingFor()) : ""});
        }
        int[] width = new int[rows.get(0).length];
        for (String[] r : rows) {
            for (int i = 0; i < r.length; i++) {
                width[i] = Math.max(width[i], r[i].length());
            }
        }
        for (int r = 0; r < rows.size(); r++) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < width.length; i++) {
                String cell = rows.get(r)[i];
                String padded = i == width.length - 1 ? cell : String.format("%-" + width[i] + "s  ", cell);
                line.append(r == 0 ? ansi.dim(padded) : i == 1 ? colour(s.services().get(r - 1).state(), padded) : padded);
            }
            out.println(line.toString().stripTrailing());
        }
        out.println(overall(s));
    }

    private String overall(StackSnapshot s) {
        long required = s.services().stream().filter(x -> !x.optional()).count();
        long up = s.services().stream().filter(x -> !x.optional() && x.state().up()).count();
        String summary = up + "/" + required + " required services up";
        if (s.allUp()) {
            return ansi.green("ok") + ": " + summary;
        }
        return (s.anyRequiredFailed() ? ansi.red("failing") : ansi.yellow("not ready")) + ": " + summary;
    }

    private String colour(ServiceState state, String text) {
        return switch (state) {
            case HEALTHY, RUNNING -> ansi.green(text);
            case STARTING, WAITING, PENDING, STOPPING -> ansi.yellow(text);
            case FAILED, UNHEALTHY -> ansi.red(text);
            case SKIPPED, STOPPED, COMPLETED -> ansi.grey(text);
        };
    }
}
