package dev.ui;

import dev.orchestrator.ServiceSnapshot;
import dev.orchestrator.StackSnapshot;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The status area as text: {@code ok 4/4 │ ● db :5432  ✔ migrate  ● api :8080  ⠹ web 2s}, and
 * the key hint under it. Pure (snapshot + width + clock in, lines out), so it is tested without a
 * terminal; every line it returns fits in the width it was given.
 *
 * <p>When the services do not fit on one line, it wraps them (up to {@code maxLines} lines),
 * then says less per service ({@link Segments.Detail}), then folds the services that are up into
 * one {@code ● 27 up} segment, and finally cuts the rest off with {@code +N more}.
 */
public final class StatusRenderer {
    private static final String GAP = "  ";

    private final Segments segments;
    private final Ansi ansi;

    public StatusRenderer(Segments segments, Ansi ansi) {
        this.segments = segments;
        this.ansi = ansi;
    }

    public List<String> render(StackSnapshot s, Instant now, int width, int maxLines) {
        int lines = Math.max(1, maxLines);
        int columns = Math.max(1, width);
        Segment lead = segments.overall(s).then(" " + segments.glyphs().separator(), Segments.DIM);
        for (Segments.Detail detail : Segments.Detail.values()) {
            List<Segment> all = new ArrayList<>();
            for (ServiceSnapshot svc : s.services()) {
                all.add(segments.service(svc, now, detail));
            }
            List<Line> wrapped = wrap(lead, all, columns);
            if (wrapped.size() <= lines) {
                return draw(wrapped);
            }
        }
        List<Segment> folded = new ArrayList<>();
        long up = s.services().stream().filter(x -> x.state().up()).count();
        if (up > 0) {
            folded.add(segments.upCount(up));
        }
        for (ServiceSnapshot svc : s.services()) {
            if (!svc.state().up()) {
                folded.add(segments.service(svc, now, Segments.Detail.MINIMAL));
            }
        }
        List<Line> wrapped = wrap(lead, folded, columns);
        if (wrapped.size() <= lines) {
            return draw(wrapped);
        }
        return draw(cut(wrapped, lines, columns));
    }

    /** One line of keys, or the restart prompt while it is open; fits in {@code width}. */
    public String hint(KeyHint hint, int width) {
        Segment line;
        if (hint.prompt() != null) {
            line = Segment.of("restart ", Segments.BOLD).then("› " + hint.prompt(), null).then("▏", Segments.DIM)
                    .then("  Enter restarts, Esc cancels ", Segments.DIM);
            List<String> names = hint.services();
            for (int i = 0; i < names.size(); i++) {
                line = line.then(" " + (i + 1) + " ", Segments.BOLD).then(names.get(i), Segments.DIM);
            }
        } else {
            line = key("r", "restart");
            if (hint.logsKey()) {
                line = join(line, key("l", "logs: " + (hint.logFilter() == null ? "all" : hint.logFilter())));
            }
            line = join(line, key("q", hint.quitLabel()));
        }
        return line.fit(Math.max(1, width)).render(ansi);
    }

    private static Segment key(String key, String what) {
        return Segment.of(key, Segments.BOLD).then(" " + what, Segments.DIM);
    }

    private static Segment join(Segment a, Segment b) {
        List<Segment.Part> parts = new ArrayList<>(a.parts());
        parts.add(new Segment.Part(GAP, null));
        parts.addAll(b.parts());
        return new Segment(parts);
    }

    /** A line being laid out: what starts it (the overall segment, or an indent) and its segments. */
    private record Line(Segment start, List<Segment> items) {
        int width() {
            int w = start.width();
            for (int i = 0; i < items.size(); i++) {
                w += (i == 0 ? 1 : GAP.length()) + items.get(i).width();
            }
            return w;
        }
    }

    private static List<Line> wrap(Segment lead, List<Segment> items, int width) {
        Segment first = lead.fit(width);
        // Continuation lines line up under the first service when that costs little room.
        Segment indent = Segment.of(" ".repeat(first.width() <= width / 3 ? first.width() : 0), null);
        List<Line> lines = new ArrayList<>();
        Line line = new Line(first, new ArrayList<>());
        lines.add(line);
        for (Segment item : items) {
            boolean full = line.items().isEmpty()
                    // a line's first segment needs room for at least a letter and the ellipsis
                    ? line.width() + 1 + Math.min(item.width(), 2) > width && line.start() == first
                    : line.width() + GAP.length() + item.width() > width;
            if (full) {
                line = new Line(indent, new ArrayList<>());
                lines.add(line);
            }
            int room = width - line.width() - (line.items().isEmpty() ? 1 : GAP.length());
            Segment fitted = item.fit(room);
            if (fitted.width() > 0) {
                line.items().add(fitted);
            }
        }
        return lines;
    }

    /** The first {@code maxLines} lines, the last one ending in {@code +N more} for everything left out. */
    private List<Line> cut(List<Line> wrapped, int maxLines, int width) {
        long hidden = 0;
        for (int i = maxLines; i < wrapped.size(); i++) {
            hidden += wrapped.get(i).items().size();
        }
        List<Line> kept = new ArrayList<>(wrapped.subList(0, maxLines));
        Line last = kept.get(maxLines - 1);
        List<Segment> items = new ArrayList<>(last.items());
        while (!items.isEmpty()
                && new Line(last.start(), items).width() + GAP.length() + segments.more(hidden).width() > width) {
            items.remove(items.size() - 1);
            hidden++;
        }
        Segment more = segments.more(hidden)
                .fit(width - new Line(last.start(), items).width() - (items.isEmpty() ? 1 : GAP.length()));
        if (more.width() > 0) {
            items.add(more);
        }
        kept.set(maxLines - 1, new Line(last.start(), items));
        return kept;
    }

    private List<String> draw(List<Line> lines) {
        List<String> out = new ArrayList<>();
        for (Line line : lines) {
            StringBuilder b = new StringBuilder(line.start().render(ansi));
            for (int i = 0; i < line.items().size(); i++) {
                b.append(i == 0 ? " " : GAP).append(line.items().get(i).render(ansi));
            }
            out.add(b.toString());
        }
        return out;
    }
}
