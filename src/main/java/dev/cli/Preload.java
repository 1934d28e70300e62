package dev.cli;

import dev.run.Json;
import java.time.Instant;

/**
 * Initialises Jackson on a second thread while the main thread builds the picocli tree. Creating the
 * first {@code ObjectMapper} costs ~50 ms of class initialisation (its default date format loads the
 * JDK's locale data), about as long as building the tree, and nearly every subcommand needs it soon
 * after: the run files and the control socket speak JSON, dev.toml is read by Jackson's TOML mapper,
 * which shares the same classes. Pure class initialisation, so starting it early is always safe;
 * with one core it costs nothing extra, since the command would do the same work a moment later.
 */
final class Preload {
    private Preload() {
    }

    static void startInBackground() {
        Thread thread = new Thread(Preload::initialise, "dev-preload");
        thread.setDaemon(true);
        thread.start();
    }

    private static void initialise() {
        try {
            Json.object();
            Instant.parse("2000-01-01T00:00:00Z"); // the ISO-8601 parser every time in the run files goes through
        } catch (RuntimeException | LinkageError e) {
            // the command initialises these itself and reports any problem there
        }
    }
}
