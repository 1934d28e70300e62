package dev.orchestrator;

import dev.fixtures.Fixtures;
import java.nio.file.Path;

/**
 * Service commands as JVM-free shell snippets (milliseconds to start, where a {@code FixtureService} JVM takes
 * a few hundred), and TOML quoting for putting any command into a test's dev.toml.
 */
final class Sh {
    /** Prints "up" and runs until stopped: pair with {@link #UP_CHECK} for a service healthy at once. */
    static final String UP = "echo up; exec sleep 600";
    static final String UP_CHECK = "{ log = \"^up$\" }";

    private Sh() {
    }

    /**
     * Appends {@code EVENT EPOCH_MILLIS} to {@code file}, the format {@code FixtureService --record} writes, so
     * both kinds of fixture can be compared on one clock.
     */
    static String record(Path file, String event) {
        return "echo " + event + " $(date +%s%3N) >> " + Fixtures.quote(file.toString());
    }

    /** Records "started", then runs until stopped, recording "term" when SIGTERM arrives. */
    static String recordingService(Path file) {
        return slowStoppingService(file, "0");
    }

    /**
     * As {@link #recordingService}, taking {@code seconds} to shut down after SIGTERM. It idles in short
     * foreground sleeps rather than waiting on one long background child: a child forked a moment before
     * the stop signal still carries the shell's trap and can miss the signal, and a short sleep then ends
     * by itself instead of holding the group for the whole grace period.
     */
    static String slowStoppingService(Path file, String seconds) {
        return record(file, "started") + "; trap '" + record(file, "term").replace("'", "'\\''")
                + "; sleep " + seconds + "; exit 0' TERM; echo up; while :; do sleep 0.2; done";
    }

    /** A TOML basic string holding {@code text} exactly. */
    static String toml(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
