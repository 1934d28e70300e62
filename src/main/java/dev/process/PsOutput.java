package dev.process;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Parses {@code ps} output for the platforms without {@code /proc}. The format is requested as
 * {@link #FORMAT} with empty headers and run with {@code LC_ALL=C TZ=UTC}, so {@code lstart} is always five
 * tokens like {@code Mon Jan  1 12:00:00 2024} in UTC. {@code command} comes last because it contains spaces.
 */
final class PsOutput {
    /** The {@code -o} argument every ps call uses. */
    static final String FORMAT = "pid=,ppid=,pgid=,stat=,lstart=,command=";
    private static final int LEADING_TOKENS = 9; // pid ppid pgid stat + five lstart tokens
    private static final DateTimeFormatter LSTART =
            DateTimeFormatter.ofPattern("EEE MMM d HH:mm:ss yyyy", Locale.ROOT);

    private PsOutput() {
    }

    static List<ProcessInfo> parseAll(String output) {
        List<ProcessInfo> all = new ArrayList<>();
        for (String line : output.split("\n")) {
            parseLine(line).ifPresent(all::add);
        }
        return all;
    }

    /** One line; empty if it is not in the expected shape. The session id is unknown to macOS ps: -1. */
    static Optional<ProcessInfo> parseLine(String line) {
        List<String> tokens = new ArrayList<>();
        int at = 0;
        while (tokens.size() < LEADING_TOKENS) {
            while (at < line.length() && Character.isWhitespace(line.charAt(at))) {
                at++;
            }
            int start = at;
            while (at < line.length() && !Character.isWhitespace(line.charAt(at))) {
                at++;
            }
            if (start == at) {
                return Optional.empty();
            }
            tokens.add(line.substring(start, at));
        }
        try {
            Instant started = LocalDateTime.parse(String.join(" ", tokens.subList(4, 9)), LSTART)
                    .toInstant(ZoneOffset.UTC);
            return Optional.of(new ProcessInfo(Long.parseLong(tokens.get(0)), Long.parseLong(tokens.get(1)),
                    Long.parseLong(tokens.get(2)), -1, tokens.get(3).charAt(0), started, line.substring(at).strip()));
        } catch (NumberFormatException | DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /**
     * Pids from {@code ps -A -E -ww -o pid=,command=} lines whose appended environment has the entry
     * {@code KEY=VALUE} as a whole space-separated token. ps prints the environment after the arguments with no
     * separator of its own, so a value containing spaces cannot be found this way; dev's run marker has none.
     */
    static List<Long> pidsWithEnvEntry(String output, String entry) {
        List<Long> pids = new ArrayList<>();
        for (String line : output.split("\n")) {
            String trimmed = line.strip();
            int space = trimmed.indexOf(' ');
            if (space < 0) {
                continue;
            }
            String rest = " " + trimmed.substring(space + 1) + " ";
            if (rest.contains(" " + entry + " ")) {
                try {
                    pids.add(Long.parseLong(trimmed.substring(0, space)));
                } catch (NumberFormatException e) {
                    // not a process line
                }
            }
        }
        return pids;
    }

    /** Pids from {@code lsof -F pc} output ({@code p<pid>} and {@code c<command>} lines), lowest first. */
    static List<Long> lsofPids(String output) {
        List<Long> pids = new ArrayList<>();
        for (String line : output.split("\n")) {
            if (line.startsWith("p")) {
                try {
                    pids.add(Long.parseLong(line.substring(1).trim()));
                } catch (NumberFormatException e) {
                    // malformed field: skip
                }
            }
        }
        pids.sort(null);
        return pids;
    }
}
