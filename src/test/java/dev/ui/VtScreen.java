package dev.ui;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A small VT100 screen for tests: enough of xterm's behaviour to check what {@link StatusArea}
 * and the live view draw: printable text with auto-wrap, CR, LF (as the tty's ONLCR turns it into
 * CR LF), DECSC/DECRC, CUP, CUU, EL, ED, DECSTBM (which homes the cursor) and scrolling inside the
 * scroll region. SGR and private modes are read and ignored; so is everything else.
 */
final class VtScreen {
    private final int rows;
    private final int columns;
    private final char[][] cells;
    private int row;
    private int column;
    private int top;
    private int bottom;
    private int savedRow;
    private int savedColumn;
    private boolean pendingWrap;
    private boolean cursorVisible = true;

    VtScreen(int rows, int columns) {
        this.rows = rows;
        this.columns = columns;
        this.cells = new char[rows][columns];
        for (char[] r : cells) {
            Arrays.fill(r, ' ');
        }
        this.bottom = rows - 1;
    }

    void write(String s) {
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '\u001b') {
                i = escape(s, i + 1);
                continue;
            }
            if (c == '\n') {
                column = 0;
                lineFeed();
            } else if (c == '\r') {
                column = 0;
                pendingWrap = false;
            } else if (c >= ' ') {
                put(c);
            }
            i++;
        }
    }

    /** The screen's rows with trailing blanks removed. */
    List<String> lines() {
        List<String> out = new ArrayList<>();
        for (char[] r : cells) {
            out.add(new String(r).stripTrailing());
        }
        return out;
    }

    int cursorRow() {
        return row;
    }

    int cursorColumn() {
        return column;
    }

    int scrollTop() {
        return top;
    }

    int scrollBottom() {
        return bottom;
    }

    boolean cursorVisible() {
        return cursorVisible;
    }

    private void put(char c) {
        if (pendingWrap) {
            column = 0;
            lineFeed();
        }
        cells[row][column] = c;
        if (column == columns - 1) {
            pendingWrap = true;
        } else {
            column++;
        }
    }

    private void lineFeed() {
        pendingWrap = false;
        if (row == bottom) {
            for (int r = top; r < bottom; r++) {
                cells[r] = cells[r + 1];
            }
            cells[bottom] = new char[columns];
            Arrays.fill(cells[bottom], ' ');
        } else if (row < rows - 1) {
            row++;
        }
    }

    private int escape(String s, int at) {
        if (at >= s.length()) {
            return at;
        }
        char c = s.charAt(at);
        if (c == '7') {
            savedRow = row;
            savedColumn = column;
            return at + 1;
        }
        if (c == '8') {
            row = savedRow;
            column = savedColumn;
            pendingWrap = false;
            return at + 1;
        }
        if (c != '[') {
            return at + 1;
        }
        int j = at + 1;
        StringBuilder params = new StringBuilder();
        while (j < s.length() && (Character.isDigit(s.charAt(j)) || s.charAt(j) == ';' || s.charAt(j) == '?')) {
            params.append(s.charAt(j));
            j++;
        }
        if (j >= s.length()) {
            return j;
        }
        csi(params.toString(), s.charAt(j));
        return j + 1;
    }

    private void csi(String params, char command) {
        boolean isPrivate = params.startsWith("?");
        String[] p = (isPrivate ? params.substring(1) : params).split(";", -1);
        switch (command) {
            case 'H' -> {
                row = clamp(number(p, 0, 1) - 1, 0, rows - 1);
                column = clamp(number(p, 1, 1) - 1, 0, columns - 1);
                pendingWrap = false;
            }
            case 'A' -> {
                int limit = row >= top ? top : 0;
                row = Math.max(limit, row - number(p, 0, 1));
                pendingWrap = false;
            }
            case 'K' -> {
                if (number(p, 0, 0) == 2) {
                    Arrays.fill(cells[row], ' ');
                } else {
                    Arrays.fill(cells[row], column, columns, ' ');
                }
            }
            case 'J' -> {
                Arrays.fill(cells[row], column, columns, ' ');
                for (int r = row + 1; r < rows; r++) {
                    Arrays.fill(cells[r], ' ');
                }
            }
            case 'r' -> {
                top = params.isEmpty() ? 0 : number(p, 0, 1) - 1;
                bottom = params.isEmpty() ? rows - 1 : number(p, 1, rows) - 1;
                row = 0;
                column = 0;
                pendingWrap = false;
            }
            case 'l', 'h' -> {
                if (isPrivate && params.equals("?25")) {
                    cursorVisible = command == 'h';
                }
            }
            default -> {
                // SGR and anything else: no effect on the cells
            }
        }
    }

    private static int number(String[] p, int index, int fallback) {
        return index < p.length && !p[index].isEmpty() ? Integer.parseInt(p[index]) : fallback;
    }

    private static int clamp(int v, int lo, int hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
