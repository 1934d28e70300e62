package dev.cli;

/**
 * A failure to report to the user as one short message plus a hint, with a documented exit code
 * and no stack trace (unless --verbose).
 */
public final class UserException extends RuntimeException {
    private final int exitCode;
    private final String hint;

    public UserException(int exitCode, String message, String hint) {
        super(message);
        this.exitCode = exitCode;
        this.hint = hint;
    }

    public UserException(int exitCode, String message, String hint, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
        this.hint = hint;
    }

    public int exitCode() {
        return exitCode;
    }

    public String hint() {
        return hint;
    }
}
