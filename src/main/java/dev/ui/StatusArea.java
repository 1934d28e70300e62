package dev.ui;

import java.util.ArrayList;
import java.util.List;

/**
 * The rows pinned to the bottom of the screen, kept out of the way of scrolling output by a
 * scroll region (DECSTBM): output written at the cursor scrolls only the rows above, so log lines
 * never need the status erased and redrawn around them, and nothing tears.
 *
 * <p>Pure: each method returns the escape sequences to write (in one write, so a frame is never
 * half drawn); it never writes itself. Only sequences every terminal in use today understands
 * (xterm, VTE, iTerm2, kitty, Alacritty, WezTerm, Windows Terminal, tmux, screen, the Linux
 * console): DECSTBM, DECSC/DECRC ({@code ESC 7}/{@code ESC 8}), CUP, CUU, EL, ED, DECTCEM.
 *
 * <p>Why not JLine's {@code Status}: in 3.26 it grows its area by moving the cursor down and then
 * up by the same count, which overwrites lines above whenever the cursor is not already on the
 * last row (a fresh screen, the usual case). Here the area is reserved by printing newlines
 * first, which scrolls only when there is no room below the cursor, and moving back up.
 *
 * <p>Invariant between calls: the cursor sits at the start of an empty row inside the scroll
 * region, below every line of output (each output line ends with a newline). On a resize the
 * terminal may or may not have reflowed the old status rows, so instead of guessing where they
 * went, everything below the cursor is erased and the area is set up again.
 */
public final class StatusArea {
    static final String ESC = "\u001b";
    private static final String SAVE = ESC + "7";
    private static final String RESTORE = ESC + "8";
    private static final String HIDE_CURSOR = ESC + "[?25l";
    private static final String SHOW_CURSOR = ESC + "[?25h";
    private static final String RESET_REGION = ESC + "[r";
    private static final String ERASE_BELOW = ESC + "[J";
    private static final String ERASE_LINE = ESC + "[2K";
    private static final String SGR_RESET = ESC + "[0m";
    /** Rows left for output, at the least; a smaller terminal gets no status area at all. */
    static final int MIN_OUTPUT_ROWS = 2;

    private int rows;
    private int columns;
    private List<String> drawn = List.of();
    private boolean started;

    /** Rows the area takes now. */
    public int height() {
        return drawn.size();
    }

    /**
     * Draws {@code lines} (each already fitting in {@code columns - 1}) at the bottom of a
     * {@code rows} × {@code columns} screen; returns what to write (empty when nothing changed).
     */
    public String update(List<String> lines, int rows, int columns) {
        List<String> wanted = rows - MIN_OUTPUT_ROWS < 1 ? List.of()
                : List.copyOf(lines.subList(0, Math.min(lines.size(), rows - MIN_OUTPUT_ROWS)));
        StringBuilder out = new StringBuilder();
        if (!started) {
            started = true;
            out.append(HIDE_CURSOR);
        }
        boolean resized = rows != this.rows || columns != this.columns;
        if (resized && !drawn.isEmpty()) {
            out.append(SAVE).append(RESET_REGION).append(RESTORE).append(ERASE_BELOW);
            drawn = List.of();
        }
        this.rows = rows;
        this.columns = columns;
        int before = drawn.size();
        int after = wanted.size();
        if (after > before) {
            // Make room under the cursor: scrolls the output up only if it is too close to the bottom.
            out.append("\n".repeat(after - before)).append(ESC).append('[').append(after - before).append('A');
        }
        if (after != before) {
            out.append(SAVE);
            out.append(after == 0 ? RESET_REGION : ESC + "[1;" + (rows - after) + "r");
            for (int row = rows - before + 1; row <= rows - after; row++) {
                out.append(cursorTo(row)).append(ERASE_LINE); // rows the area gave back
            }
            out.append(RESTORE);
        }
        boolean moved = after != before;
        StringBuilder frame = new StringBuilder();
        for (int i = 0; i < after; i++) {
            if (moved || i >= drawn.size() || !drawn.get(i).equals(wanted.get(i))) {
                frame.append(cursorTo(rows - after + 1 + i)).append(SGR_RESET).append(ERASE_LINE)
                        .append(wanted.get(i)).append(SGR_RESET);
            }
        }
        if (frame.length() > 0) {
            out.append(SAVE).append(frame).append(RESTORE);
        }
        drawn = new ArrayList<>(wanted);
        return out.toString();
    }

    /** Gives the rows back to the output and shows the cursor again: the screen as a shell expects it. */
    public String close() {
        if (!started) {
            return "";
        }
        started = false;
        String out = (drawn.isEmpty() ? "" : SAVE + RESET_REGION + RESTORE + ERASE_BELOW) + SHOW_CURSOR;
        drawn = List.of();
        return out;
    }

    /** What {@link #close} writes, for a last-resort restore when the state is unknown (a shutdown hook). */
    public static String emergencyReset() {
        return SAVE + RESET_REGION + RESTORE + ERASE_BELOW + SHOW_CURSOR;
    }

    private static String cursorTo(int row) {
        return ESC + "[" + row + ";1H";
    }
}
