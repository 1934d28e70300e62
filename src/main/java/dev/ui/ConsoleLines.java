package dev.ui;

import dev.config.Durations;
import dev.orchestrator.Failure;
import dev.orchestrator.OrchestratorListener.Transition;
import dev.orchestrator.ServiceSnapshot;
import dev.orchestrator.ServiceState;
import dev.orchestrator.StackSnapshot;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The lines both foreground views print: {@code name │ text} with one aligned, coloured prefix
 * per service, dev's own lines under {@code dev │}, the lines a state change gets, and the
 * "stack is up" summary. Pure: strings in, strings out.
 */
public final class ConsoleLines {
    private final java.util.Map<String, String> prefixes = new java.util.concurrent.ConcurrentHashMap<>();

    public static final String DEV = "dev";

    private final Ansi ansi;
    private final int width;
    private final Map<String, Integer> colours = new HashMap<>();

    public ConsoleLines(Ansi ansi, List<String> serviceNames) {
        this.ansi = ansi;
        this.width = Math.max(DEV.length(), serviceNames.stream().mapToInt(String::length).max().orElse(0));
        for (int i = 0; i < serviceNames.size(); i++) {
            colours.put(serviceNames.get(i), i);
        }
    }

    public Ansi ansi() {
        return ansi;
    }

    /**
     * {@code name │ } padded to the longest service name, in the service's colour. Computed once
     * per name: it is on the path of every output line.
     */
    public String prefix(String name) {
        return prefixes.computeIfAbsent(name, this::renderPrefix);
    }

    private String renderPrefix(String name) {
        String padded = name + " ".repeat(Math.max(0, width - name.length()));
        String coloured = DEV.equals(name) ? ansi.bold(padded) : ansi.service(colours.getOrDefault(name, 0), padded);
        return coloured + " " + ansi.dim("│") + " ";
    }

    public String devLine(String text) {
        return prefix(DEV) + text;
    }

    /** An indented line that belongs to the dev line above it (hints, last output). */
    public String continuation(String text) {
        return " ".repeat(width) + " " + ansi.dim("│") + "   " + text;
    }

    /** A service's output line; {@code text} must already be fit for this terminal (see {@link TerminalText}). */
    public String serviceLine(String service, String text) {
        return prefix(service) + text;
    }

    /** The dev line for a state change and, for failures, its hint and the service's last output. */
    public List<String> transition(Transition t) {
        List<String> lines = new ArrayList<>();
        String line = TransitionText.describe(t, ansi);
        if (line != null) {
            lines.add(devLine(line));
        }
        Failure f = t.failure();
        if (f != null && (t.to() == ServiceState.FAILED || t.to() == ServiceState.SKIPPED
                || t.to() == ServiceState.WAITING)) {
            if (f.suggestion() != null) {
                lines.add(continuation(ansi.dim("hint: ") + f.suggestion()));
            }
            if (!t.lastLines().isEmpty() && f.kind() != Failure.Kind.DEPENDENCY_FAILED) {
                lines.add(continuation(ansi.dim("last output of " + t.service() + ":")));
                t.lastLines().forEach(l -> lines.add(continuation(ansi.dim("│ ") + l)));
            }
        }
        return lines;
    }

    /**
     * {@code ✔ stack is up in 9.1s: api http://…  web http://…} (tasks' URLs left out).
     *
     * @param links whether the URLs become OSC 8 hyperlinks (see {@link Hyperlinks})
     */
    public String stackUp(StackSnapshot s, Duration took, boolean links) {
        List<String> parts = new ArrayList<>();
        for (ServiceSnapshot svc : s.services()) {
            if (svc.url() != null && svc.state() != ServiceState.COMPLETED) {
                String url = ansi.cyan(svc.url());
                parts.add(svc.name() + " " + (links ? Hyperlinks.link(linkTarget(svc.url()), url) : url));
            }
        }
        return devLine(ansi.green("✔ stack is up") + " in " + Durations.format(took)
                + (parts.isEmpty() ? "" : ": " + String.join("  ", parts)));
    }

    /** A bare {@code host:port} (a tcp service) is not a URL a terminal can open; it gets no scheme guess. */
    private static String linkTarget(String url) {
        return url.contains("://") ? url : null;
    }
}
