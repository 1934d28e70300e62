package dev.ui;

import dev.orchestrator.ServiceSnapshot;
import dev.orchestrator.ServiceState;
import dev.orchestrator.StackSnapshot;
import java.time.Duration;
import java.time.Instant;

/**
 * One status-line segment per service, and the overall one, at a chosen level of detail. Pure:
 * the same snapshot, clock and detail always give the same segment.
 *
 * <pre>
 *   healthy    ● api :8080          green
 *   running    ● worker             green (no health check)
 *   starting   ⠹ api 3s :8080       yellow, spinner and seconds since spawn
 *   waiting    … web ← api,db       dim, with what it waits for
 *   unhealthy  ✖ api unhealthy      red
 *   failed     ✖ api failed: exited red, with the failure reason
 *   stopping   ⠹ api stopping       grey
 *   stopped    ■ api stopped        grey
 *   completed  ✔ migrate            grey
 *   skipped    ○ web skipped        grey
 * </pre>
 * Optional services are drawn dimmed. {@link Detail#SHORT} drops ports and reasons,
 * {@link Detail#MINIMAL} keeps only symbol and name.
 */
public final class Segments {
    /** How much a segment says, from most to least. */
    public enum Detail { FULL, SHORT, MINIMAL }

    static final String GREEN = "32";
    static final String YELLOW = "33";
    static final String RED = "31";
    static final String GREY = "90";
    static final String DIM = "2";
    static final String BOLD = "1";

    private final Glyphs glyphs;

    public Segments(Glyphs glyphs) {
        this.glyphs = glyphs;
    }

    public Glyphs glyphs() {
        return glyphs;
    }

    public Segment service(ServiceSnapshot s, Instant now, Detail detail) {
        ServiceState state = s.state();
        String colour = colour(state);
        String symbolColour = s.optional() ? DIM + ";" + colour : colour;
        String textColour = nameColour(state, s.optional());
        String detailColour = s.optional() ? DIM + ";" + colour : colour;
        Segment seg = new Segment(java.util.List.of(new Segment.Part(symbol(s, now), symbolColour),
                new Segment.Part(" " + s.name(), textColour)));
        String extra = detail == Detail.MINIMAL ? "" : extra(s, now, detail);
        if (!extra.isEmpty()) {
            seg = seg.then(" " + extra, state == ServiceState.WAITING ? DIM : detailColour);
        }
        if (detail == Detail.FULL && s.port() != null && (state.hasProcess() || state.up()) && state != ServiceState.COMPLETED) {
            seg = seg.then(" :" + s.port(), s.optional() ? DIM : GREY);
        }
        return seg;
    }

    /** {@code ok 5/5}, {@code starting 3/5}, {@code failing 3/5} or {@code stopping}: required services only. */
    public Segment overall(StackSnapshot s) {
        if (s.stopping()) {
            return Segment.of("stopping", BOLD + ";" + GREY);
        }
        long required = s.services().stream().filter(x -> !x.optional()).count();
        long up = s.services().stream().filter(x -> !x.optional() && x.state().up()).count();
        String count = required == 0 ? "" : " " + up + "/" + required;
        if (s.allUp()) {
            return Segment.of("ok", BOLD + ";" + GREEN).then(count, GREEN);
        }
        if (s.anyRequiredFailed()) {
            return Segment.of("failing", BOLD + ";" + RED).then(count, RED);
        }
        return Segment.of("starting", BOLD + ";" + YELLOW).then(count, YELLOW);
    }

    /** {@code ● 27 up}: the services that need no attention, folded into one segment when space runs out. */
    public Segment upCount(long count) {
        return Segment.of(glyphs.up(), GREEN).then(" " + count + " up", GREEN);
    }

    /** {@code +3 more}: what did not fit at all. */
    public Segment more(long count) {
        return Segment.of("+" + count + " more", DIM);
    }

    private String symbol(ServiceSnapshot s, Instant now) {
        return switch (s.state()) {
            case HEALTHY, RUNNING -> glyphs.up();
            case STARTING, STOPPING -> glyphs.spinnerAt(now.toEpochMilli());
            case WAITING -> glyphs.waiting();
            case PENDING -> glyphs.pending();
            case UNHEALTHY, FAILED -> glyphs.failed();
            case STOPPED -> glyphs.stopped();
            case COMPLETED -> glyphs.completed();
            case SKIPPED -> glyphs.skipped();
        };
    }

    private static String colour(ServiceState state) {
        return switch (state) {
            case HEALTHY, RUNNING -> GREEN;
            case STARTING -> YELLOW;
            case WAITING, PENDING -> DIM;
            case UNHEALTHY, FAILED -> RED;
            case STOPPING, STOPPED, COMPLETED, SKIPPED -> GREY;
        };
    }

    /** Inactive services fade: waiting ones dim, finished ones grey; optional ones are dimmed on top. */
    private static String nameColour(ServiceState state, boolean optional) {
        String base = switch (state) {
            case WAITING, PENDING -> DIM;
            case STOPPING, STOPPED, COMPLETED, SKIPPED -> GREY;
            default -> null;
        };
        if (!optional) {
            return base;
        }
        return base == null || base.equals(DIM) ? DIM : DIM + ";" + base;
    }

    private static String extra(ServiceSnapshot s, Instant now, Detail detail) {
        boolean full = detail == Detail.FULL;
        return switch (s.state()) {
            case HEALTHY, RUNNING, COMPLETED, PENDING -> "";
            case STARTING -> elapsed(s, now);
            case WAITING -> full && !s.waitingFor().isEmpty() ? "← " + String.join(",", s.waitingFor()) : "";
            case UNHEALTHY -> "unhealthy";
            case FAILED -> full && s.failure() != null ? "failed: " + s.failure().kind().keyword() : "failed";
            case STOPPING -> "stopping";
            case STOPPED -> full ? "stopped" : "";
            case SKIPPED -> full ? "skipped" : "";
        };
    }

    /** Whole seconds in the current state: {@code 0s}…{@code 99s}, then minutes. */
    static String elapsed(ServiceSnapshot s, Instant now) {
        Instant from = s.since() != null ? s.since() : s.startedAt();
        if (from == null) {
            return "";
        }
        long seconds = Math.max(0, Duration.between(from, now).toSeconds());
        return seconds < 100 ? seconds + "s" : (seconds / 60) + "m";
    }
}
