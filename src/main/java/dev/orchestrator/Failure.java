package dev.orchestrator;

import java.util.Locale;

/**
 * Why a service failed (SPEC §4), with a one-line suggestion. {@code detail} names the exact
 * value: the port and its holder, the missing command, the exit code.
 */
public record Failure(Kind kind, String detail, String suggestion) {

    public enum Kind {
        PORT_IN_USE, COMMAND_NOT_FOUND, DIRECTORY_MISSING, PERMISSION_DENIED, CRASHED_ON_START, EXITED,
        HEALTH_TIMEOUT, DEPENDENCY_FAILED, SPAWN_ERROR, CRASH_LOOP;

        public String keyword() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Kind parse(String keyword) {
            return valueOf(keyword.toUpperCase(Locale.ROOT));
        }
    }

    public String summary() {
        return kind.keyword() + ": " + detail;
    }
}
