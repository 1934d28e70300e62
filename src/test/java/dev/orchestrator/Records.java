package dev.orchestrator;

import dev.testing.Await;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** Reads the "EVENT EPOCH_MILLIS" lines fixtures append to a record file. */
final class Records {
    private Records() {
    }

    /** The time of the first {@code event} in {@code file}, waiting up to {@code timeout} for it to appear. */
    static long await(Path file, String event, Duration timeout) {
        return Await.value(timeout, () -> find(file, event), event + " recorded in " + file);
    }

    static Long find(Path file, String event) {
        List<String> lines;
        try {
            lines = Files.exists(file) ? Files.readAllLines(file) : List.of();
        } catch (IOException e) {
            return null;
        }
        for (String line : lines) {
            String[] parts = line.trim().split(" ");
            if (parts.length == 2 && parts[0].equals(event)) {
                return Long.parseLong(parts[1]);
            }
        }
        return null;
    }
}
