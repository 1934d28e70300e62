package dev.health;

import java.util.regex.Pattern;

/** Turns untrusted probe output into one printable line for a result's detail. */
final class Text {
    private static final Pattern ANSI = Pattern.compile("\u001B\\[[0-9;?]*[ -/]*[@-~]|\u001B[@-_]");
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}&&[^\t]]");

    private Text() {
    }

    /** Removes ANSI escape sequences (colours, cursor movement), keeping the visible text. */
    static String stripAnsi(String text) {
        return text.indexOf('\u001B') < 0 ? text : ANSI.matcher(text).replaceAll("");
    }

    /** Strips ANSI escapes and control characters, collapses tabs, cuts to {@code max} chars. */
    static String oneLine(String text, int max) {
        String clean = CONTROL.matcher(stripAnsi(text)).replaceAll("")
                .replace('\t', ' ').strip();
        return clean.length() <= max ? clean : clean.substring(0, max - 1) + "…";
    }

    /** The last line with visible content, cleaned, or "" when there is none. */
    static String lastLine(String text, int max) {
        String[] lines = text.split("\r?\n|\r");
        for (int i = lines.length - 1; i >= 0; i--) {
            String line = oneLine(lines[i], max);
            if (!line.isEmpty()) {
                return line;
            }
        }
        return "";
    }
}
