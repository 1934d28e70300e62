package dev.cli;

/** Exit codes of every dev command (SPEC §1; documented in README and the man page). */
public final class ExitCode {
    /** Success. */
    public static final int OK = 0;
    /** A service failed, was unhealthy, or could not be stopped. */
    public static final int FAILED = 1;
    /** Usage or config error. */
    public static final int USAGE = 2;
    /** {@code dev status}: the stack is not running. */
    public static final int NOT_RUNNING = 3;
    /** {@code dev start}: already running for this project. */
    public static final int ALREADY_RUNNING = 4;
    /** {@code --wait}/{@code --timeout} expired. */
    public static final int TIMEOUT = 124;

    private ExitCode() {
    }
}
