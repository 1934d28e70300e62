package dev.process;

/**
 * The process listening on a TCP port.
 *
 * @param pid         the holder's pid, or {@link #UNKNOWN_PID} when the socket belongs to a process this user
 *                    cannot inspect (another user's)
 * @param commandLine its command line; when the pid is unknown, a short description of what is known
 */
public record PortHolder(long pid, String commandLine) {
    public static final long UNKNOWN_PID = -1;

    public boolean pidKnown() {
        return pid != UNKNOWN_PID;
    }
}
