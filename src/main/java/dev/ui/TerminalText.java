package dev.ui;

import dev.logs.AnsiStripper;
import org.jline.utils.WCWidth;

/** Text made safe and measured for a terminal line. Pure functions. */
public final class TerminalText {
    private static final char ESC = '\u001b';

    private TerminalText() {
    }

    /**
     * A service's output line for the live view: colour (SGR) kept when {@code colour}, every other
     * escape sequence and control character removed. A service that moves the cursor, clears the
     * screen or sets a scroll region would otherwise tear the status area; a trailing reset keeps
     * its colours from bleeding into the next line.
     */
    public static String forLiveView(String raw, boolean colour) {
        if (!colour) {
            return AnsiStripper.strip(raw);
        }
        StringBuilder out = new StringBuilder(raw.length() + 4);
        boolean sgr = false;
        int i = 0;
        while (i < raw.length()) {
            char c = raw.charAt(i);
            if (c == ESC) {
                int end = sgrEnd(raw, i);
                if (end > 0) {
                    out.append(raw, i, end);
                    sgr = true;
                    i = end;
                } else {
                    i = skipEscape(raw, i);
                }
            } else if (c < 0x20 && c != '\t' || c == 0x7f) {
                i++;
            } else {
                out.append(c);
                i++;
            }
        }
        if (sgr) {
            out.append(Ansi.RESET);
        }
        return out.toString();
    }

    /** Columns {@code plain} (no escape sequences) takes on a terminal: wide characters count two. */
    public static int width(String plain) {
        int w = 0;
        for (int i = 0; i < plain.length(); ) {
            int cp = plain.codePointAt(i);
            w += Math.max(0, WCWidth.wcwidth(cp));
            i += Character.charCount(cp);
        }
        return w;
    }

    /** The longest prefix of {@code plain} that fits in {@code columns}. */
    public static String fit(String plain, int columns) {
        int w = 0;
        for (int i = 0; i < plain.length(); ) {
            int cp = plain.codePointAt(i);
            int cw = Math.max(0, WCWidth.wcwidth(cp));
            if (w + cw > columns) {
                return plain.substring(0, i);
            }
            w += cw;
            i += Character.charCount(cp);
        }
        return plain;
    }

    /** End index of the SGR sequence ({@code ESC [ digits ; : m}) starting at {@code at}, or -1. */
    private static int sgrEnd(String s, int at) {
        if (at + 1 >= s.length() || s.charAt(at + 1) != '[') {
            return -1;
        }
        int j = at + 2;
        while (j < s.length() && (Character.isDigit(s.charAt(j)) || s.charAt(j) == ';' || s.charAt(j) == ':')) {
            j++;
        }
        return j < s.length() && s.charAt(j) == 'm' ? j + 1 : -1;
    }

    /** Index just past the (non-SGR) escape sequence starting at {@code at}; see {@link AnsiStripper}. */
    private static int skipEscape(String s, int at) {
        int i = at + 1;
        if (i >= s.length()) {
            return i;
        }
        char c = s.charAt(i);
        if (c == '[') {
            int j = i + 1;
            while (j < s.length() && s.charAt(j) >= 0x30 && s.charAt(j) <= 0x3f) {
                j++;
            }
            while (j < s.length() && s.charAt(j) >= 0x20 && s.charAt(j) <= 0x2f) {
                j++;
            }
            return j < s.length() && s.charAt(j) >= 0x40 && s.charAt(j) <= 0x7e ? j + 1 : j;
        }
        if (c == ']' || c == 'P' || c == 'X' || c == '^' || c == '_') {
            for (int j = i + 1; j < s.length(); j++) {
                if (s.charAt(j) == '\u0007') {
                    return j + 1;
                }
                if (s.charAt(j) == ESC) {
                    return j + 1 < s.length() && s.charAt(j + 1) == '\\' ? j + 2 : j;
                }
            }
            return s.length();
        }
        if (c >= 0x20 && c <= 0x2f) {
            int j = i;
            while (j < s.length() && s.charAt(j) >= 0x20 && s.charAt(j) <= 0x2f) {
                j++;
            }
            return j < s.length() && s.charAt(j) >= 0x30 && s.charAt(j) <= 0x7e ? j + 1 : j;
        }
        if (c >= 0x30 && c <= 0x7e) {
            return i + 1;
        }
        return i;
    }
}
