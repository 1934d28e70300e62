package dev.process;

import java.util.Objects;

/**
 * Why a command could not be started (or failed in a way that means it never really started).
 *
 * @param detail     what is wrong, naming the word, file or directory concerned
 * @param suggestion one line telling the user what to do about it
 */
public record SpawnProblem(Kind kind, String detail, String suggestion) {

    public enum Kind {
        COMMAND_NOT_FOUND,
        DIRECTORY_MISSING,
        PERMISSION_DENIED,
        SPAWN_ERROR
    }

    public SpawnProblem {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(suggestion, "suggestion");
    }
}
