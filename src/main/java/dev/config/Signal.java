package dev.config;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A POSIX signal by name. Numbers are the Linux ones; they are only used for display and for the
 * shell exit status 128+n, never sent by number (dev signals by name through kill(1), which maps
 * names correctly on macOS too).
 */
public record Signal(String name, int number) {
    public static final Signal HUP = new Signal("HUP", 1);
    public static final Signal INT = new Signal("INT", 2);
    public static final Signal QUIT = new Signal("QUIT", 3);
    public static final Signal KILL = new Signal("KILL", 9);
    public static final Signal USR1 = new Signal("USR1", 10);
    public static final Signal USR2 = new Signal("USR2", 12);
    public static final Signal TERM = new Signal("TERM", 15);
    public static final Signal CONT = new Signal("CONT", 18);
    public static final Signal STOP = new Signal("STOP", 19);
    public static final Signal WINCH = new Signal("WINCH", 28);

    public static final List<Signal> KNOWN = List.of(HUP, INT, QUIT, KILL, USR1, USR2, TERM, CONT, STOP, WINCH);

    /** Accepts {@code SIGTERM}, {@code TERM}, {@code sigterm}. */
    public static Optional<Signal> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String upper = text.trim().toUpperCase(Locale.ROOT);
        String bare = upper.startsWith("SIG") ? upper.substring(3) : upper;
        return KNOWN.stream().filter(s -> s.name.equals(bare)).findFirst();
    }

    /** Maps a shell-style exit status above 128 back to a signal, if it is one we name. */
    public static Optional<Signal> fromNumber(int number) {
        return KNOWN.stream().filter(s -> s.number == number).findFirst();
    }

    public String sigName() {
        return "SIG" + name;
    }

    @Override
    public String toString() {
        return sigName();
    }
}
