package dev.config;

/**
 * One problem in a config file.
 *
 * @param kind       stable machine-readable kind, asserted by tests (e.g. {@code unknown_key})
 * @param message    what is wrong, naming the exact value
 * @param suggestion how to fix it, or null
 */
public record ConfigError(Location location, Kind kind, String message, String suggestion) {

    public enum Kind {
        SYNTAX,
        UNKNOWN_KEY,
        WRONG_TYPE,
        MISSING_KEY,
        INVALID_VALUE,
        INVALID_DURATION,
        INVALID_SIGNAL,
        INVALID_PORT,
        INVALID_SIZE,
        INVALID_CONDITION,
        INVALID_NAME,
        UNKNOWN_DEPENDENCY,
        DEPENDENCY_CYCLE,
        DUPLICATE_PORT,
        CONFLICT,
        UNKNOWN_REFERENCE,
        ENV_FILE,
        NOT_FOUND
    }

    /** {@code dev.toml:12:5: error: ... \n  hint: ...} */
    public String render() {
        StringBuilder b = new StringBuilder();
        b.append(location).append(": ").append(message);
        if (suggestion != null && !suggestion.isBlank()) {
            b.append("\n  hint: ").append(suggestion);
        }
        return b.toString();
    }
}
