package dev.ui;

import java.util.List;
import java.util.Map;

/**
 * The symbols of the status line. Unicode by default; plain ASCII on the Linux kernel console
 * ({@code TERM=linux}), whose fonts lack braille (the spinner) and most symbols.
 */
public record Glyphs(String up, String failed, String waiting, String pending, String stopped, String completed,
                     String skipped, List<String> spinner, String separator) {

    public static final Glyphs UNICODE = new Glyphs("●", "✖", "…", "·", "■", "✔", "○",
            List.of("⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"), "│");
    public static final Glyphs ASCII = new Glyphs("*", "x", ".", ".", "-", "v", "o",
            List.of("|", "/", "-", "\\"), "|");

    /** One spinner frame every this many milliseconds. */
    public static final long SPINNER_FRAME_MILLIS = 100;

    public Glyphs {
        spinner = List.copyOf(spinner);
    }

    public static Glyphs forTerminal(Map<String, String> env) {
        String term = env.getOrDefault("TERM", "");
        return term.equals("linux") || term.startsWith("linux-") ? ASCII : UNICODE;
    }

    /** The spinner frame for a moment: a pure function of the clock, so rendering stays pure. */
    public String spinnerAt(long epochMillis) {
        return spinner.get((int) Math.floorMod(epochMillis / SPINNER_FRAME_MILLIS, (long) spinner.size()));
    }
}
