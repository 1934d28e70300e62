package dev.ui;

import java.util.Map;

/**
 * OSC 8 hyperlinks ({@code ESC ] 8 ; ; URL ESC \ text ESC ] 8 ; ; ESC \}): a clickable URL in
 * terminals that know them, its plain text in the many that ignore unknown OSC strings.
 *
 * <p>Decision: links only in the live view (a terminal, never a pipe or a file), and not on
 * {@code TERM=linux} (the kernel console, which reads {@code ESC ]} as its own palette command
 * and shows the rest as garbage), {@code TERM=dumb}, or when {@code DEV_HYPERLINKS=0}.
 * {@code DEV_HYPERLINKS=1} turns them on regardless of {@code TERM}. Asking the terminal is not
 * an option: there is no query for OSC 8 support, and every query costs a round trip.
 */
public final class Hyperlinks {
    private static final String OSC8 = "\u001b]8;;";
    private static final String ST = "\u001b\\";

    private Hyperlinks() {
    }

    /** Whether the live view may emit OSC 8 links in this environment. */
    public static boolean supported(Map<String, String> env) {
        String override = env.get("DEV_HYPERLINKS");
        if ("0".equals(override)) {
            return false;
        }
        if ("1".equals(override)) {
            return true;
        }
        String term = env.getOrDefault("TERM", "");
        return !term.isEmpty() && !term.equals("dumb") && !term.equals("linux") && !term.startsWith("linux-");
    }

    /** {@code text} linked to {@code url}; {@code text} alone when {@code url} is null or holds a control character. */
    public static String link(String url, String text) {
        if (url == null || url.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            return text;
        }
        return OSC8 + url + ST + text + OSC8 + ST;
    }
}
