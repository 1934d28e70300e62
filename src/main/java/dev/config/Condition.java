package dev.config;

import java.util.Locale;
import java.util.Optional;

/** What a dependent waits for before it starts (SPEC §2 {@code depends_on}). */
public enum Condition {
    /** The dependency's process has been spawned. */
    STARTED,
    /** The dependency passed its health check (or, without one, is running). */
    HEALTHY,
    /** The dependency is a task that exited 0. */
    COMPLETED;

    public String keyword() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Condition> parse(String text) {
        for (Condition c : values()) {
            if (c.keyword().equals(text)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
