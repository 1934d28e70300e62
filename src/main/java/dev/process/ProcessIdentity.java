package dev.process;

import java.time.Instant;
import java.util.Objects;

/**
 * A pid plus the start time the kernel reported for it. PIDs are reused, the pair is not: dev records this when
 * it spawns and checks it with {@link ProcessPlatform#matches} before it signals anything later.
 */
public record ProcessIdentity(long pid, Instant startTime) {
    public ProcessIdentity {
        Objects.requireNonNull(startTime, "startTime");
    }
}
