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

    /** Parses one stat line; empty if it is not in the expected shape. */
    static Optional<ProcStat> parse(String line) {
        int open = line.indexOf('(');
        int close = line.lastIndexOf(')');
        if (open <= 0 || close < open || close + 2 > line.length()) {
            return Optional.empty();
        }
        // fields[0] is field 3 (state): the fields after comm start at number 3
        String[] fields = line.substring(close + 2).trim().split(" +");
        if (fields.length < START_TIME - STATE + 1 || fields[0].length() != 1) {
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
