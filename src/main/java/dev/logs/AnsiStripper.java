package dev.logs;

import java.nio.charset.StandardCharsets;

/**
 * Removes terminal escape sequences and control characters from a line, so log files hold what
 * a reader sees rather than what a terminal interprets. Hand-written rather than a regex because
 * it runs on every captured line that holds an ESC or control byte.
 *
 * <p>Removed: CSI sequences ({@code ESC [ params intermediates final}: colours, cursor movement,
 * erase); OSC, DCS, SOS, PM and APC strings ({@code ESC ] … BEL|ESC \}, so an OSC 8 hyperlink
 * leaves only its visible text); nF sequences such as charset selection ({@code ESC ( B});
 * two-byte sequences ({@code ESC 7}, {@code ESC M}, …); and C0 control characters other than
 * TAB. An unterminated string sequence runs to the end of the line; a malformed CSI loses only
 * the bytes that belonged to it. Works on UTF-8 bytes: every byte it inspects is ASCII, so
 * multi-byte characters pass through untouched.
 */
public final class AnsiStripper {
    private static final byte ESC = 0x1b;
    private static final byte BEL = 0x07;

    private AnsiStripper() {
    }

    /** True when {@code b} is a C0 control other than TAB: the only bytes this class removes or interprets. */
    static boolean isControl(byte b) {
        return (b & 0xE0) == 0 && b != '\t';
    }

    /** {@code text} without escape sequences and control characters (the same instance when it has none). */
    public static String strip(String text) {
        boolean any = false;
        for (int i = 0; i < text.length() && !any; i++) {
            char c = text.charAt(i);
            any = c < 0x20 && c != '\t';
        }
        if (!any) {
            return text;
        }
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[bytes.length];
        int n = strip(bytes, 0, bytes.length, out, 0);
        return new String(out, 0, n, StandardCharsets.UTF_8);
    }

    /**
     * Copies {@code src[off, off+len)} to {@code dst} at {@code dstOff} without escape sequences
     * and control characters; returns the number of bytes written (at most {@code len}).
     */
    static int strip(byte[] src, int off, int len, byte[] dst, int dstOff) {
        int end = off + len;
        int out = dstOff;
        int i = off;
        while (i < end) {
            byte b = src[i];
            if (!isControl(b)) {
                dst[out++] = b;
                i++;
            } else if (b == ESC) {
                i = skipEscape(src, i + 1, end);
            } else {
                i++;
            }
        }
        return out - dstOff;
    }

    /** Index just past the sequence whose ESC precedes {@code at}. */
    private static int skipEscape(byte[] s, int at, int end) {
        if (at >= end) {
            return end;
        }
        int c = s[at] & 0xFF;
        if (c == '[') {
            return skipCsi(s, at + 1, end);
        }
        if (c == ']' || c == 'P' || c == 'X' || c == '^' || c == '_') {
            return skipString(s, at + 1, end);
        }
        if (c >= 0x20 && c <= 0x2F) {
            int j = at;
            while (j < end && inRange(s[j], 0x20, 0x2F)) {
                j++;
            }
            return j < end && inRange(s[j], 0x30, 0x7E) ? j + 1 : j;
        }
        if (c >= 0x30 && c <= 0x7E) {
            return at + 1;
        }
        // ESC followed by a control or non-ASCII byte: drop the ESC alone.
        return at;
    }

    private static int skipCsi(byte[] s, int at, int end) {
        int j = at;
        while (j < end && inRange(s[j], 0x30, 0x3F)) {
            j++;
        }
        while (j < end && inRange(s[j], 0x20, 0x2F)) {
            j++;
        }
        return j < end && inRange(s[j], 0x40, 0x7E) ? j + 1 : j;
    }

    /** OSC/DCS/SOS/PM/APC body, ended by BEL or ST ({@code ESC \}). */
    private static int skipString(byte[] s, int at, int end) {
        for (int j = at; j < end; j++) {
            if (s[j] == BEL) {
                return j + 1;
            }
            if (s[j] == ESC) {
                // ST ends the string; any other ESC means the string was cut short, and the ESC
                // starts the next sequence.
                return j + 1 < end && s[j + 1] == '\\' ? j + 2 : j;
            }
        }
        return end;
    }

    private static boolean inRange(byte b, int lo, int hi) {
        int v = b & 0xFF;
        return v >= lo && v <= hi;
    }
}
