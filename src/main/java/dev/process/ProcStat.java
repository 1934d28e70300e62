package dev.process;

import java.util.Optional;

/**
 * The fields dev needs from Linux {@code /proc/PID/stat} (see proc(5)).
 *
 * <p>Field 2, {@code comm}, is the executable name in parentheses and may itself contain spaces and parentheses
 * ({@code "1 (my (odd) name) S 0 …"}), so the record is split at the <em>last</em> closing parenthesis: the
 * fields after it contain none.
 *
 * @param startTicks field 22: start time in clock ticks since boot
 */
record ProcStat(long pid, String comm, char state, long ppid, long pgrp, long session, long startTicks) {
    private static final int STATE = 3;
    private static final int PPID = 4;
    private static final int PGRP = 5;
    private static final int SESSION = 6;
    private static final int START_TIME = 22;

    /**
     * Parses one stat line; empty if it is not in the expected shape. By hand, not with {@code split}: a stop
     * reads every process's stat line every few milliseconds, and a regular expression per line made each scan
     * of the process table several times slower, enough to keep two cores busy while ten services stopped.
     */
    static Optional<ProcStat> parse(String line) {
        int open = line.indexOf('(');
        int close = line.lastIndexOf(')');
        if (open <= 0 || close < open || close + 2 > line.length()) {
            return Optional.empty();
        }
        // Fields after comm, numbered from 3 (state); runs of spaces separate them.
        String[] fields = new String[START_TIME - STATE + 1];
        int count = 0;
        int i = close + 1;
        int n = line.length();
        while (count < fields.length) {
            while (i < n && Character.isWhitespace(line.charAt(i))) {
                i++;
            }
            if (i >= n) {
                break;
            }
            int start = i;
            while (i < n && !Character.isWhitespace(line.charAt(i))) {
                i++;
            }
            fields[count++] = line.substring(start, i);
        }
        if (count < fields.length || fields[0].length() != 1) {
            return Optional.empty();
        }
        try {
            return Optional.of(new ProcStat(
                    Long.parseLong(line.substring(0, open).trim()),
                    line.substring(open + 1, close),
                    fields[0].charAt(0),
                    Long.parseLong(fields[PPID - STATE]),
                    Long.parseLong(fields[PGRP - STATE]),
                    Long.parseLong(fields[SESSION - STATE]),
                    Long.parseLong(fields[START_TIME - STATE])));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    boolean zombie() {
        return state == 'Z' || state == 'X';
    }
}
