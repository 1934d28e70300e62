package dev.ui;

import java.util.ArrayList;
import java.util.List;

/**
 * A run of styled text on the status line whose width is known without parsing escape codes:
 * it is kept as parts, each plain text plus an SGR code (null for none).
 */
public record Segment(List<Part> parts) {
    /** Plain text and the SGR parameters to draw it with ({@code "32"}, {@code "2;31"}), or null. */
    public record Part(String text, String sgr) {
    }

    public Segment {
        parts = List.copyOf(parts);
    }

    public static Segment of(String text, String sgr) {
        return new Segment(List.of(new Part(text, sgr)));
    }

    public int width() {
        return parts.stream().mapToInt(p -> TerminalText.width(p.text())).sum();
    }

    public String plain() {
        StringBuilder b = new StringBuilder();
        parts.forEach(p -> b.append(p.text()));
        return b.toString();
    }

    public String render(Ansi ansi) {
        StringBuilder b = new StringBuilder();
        for (Part p : parts) {
            b.append(p.sgr() == null || p.text().isEmpty() ? p.text() : ansi.wrap(p.sgr(), p.text()));
        }
        return b.toString();
    }

    public Segment then(String text, String sgr) {
        List<Part> more = new ArrayList<>(parts);
        more.add(new Part(text, sgr));
        return new Segment(more);
    }

    /** This segment cut to {@code columns}, ending in {@code …} when anything was cut. */
    public Segment fit(int columns) {
        if (width() <= columns) {
            return this;
        }
        if (columns <= 0) {
            return new Segment(List.of());
        }
        List<Part> kept = new ArrayList<>();
        int room = columns - 1; // for the ellipsis
        String lastSgr = null;
        for (Part p : parts) {
            if (room <= 0) {
                break;
            }
            String cut = TerminalText.fit(p.text(), room);
            kept.add(new Part(cut, p.sgr()));
            lastSgr = p.sgr();
            room -= TerminalText.width(cut);
        }
        kept.add(new Part("…", lastSgr));
        return new Segment(kept);
    }
}
