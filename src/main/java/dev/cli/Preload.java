package dev.cli;

import dev.run.Json;
import java.time.Instant;

/**
 * Initialises the JSON reading of the run files and the time parsing on a second thread while the main thread
 * reads the arguments (and, for most commands, builds the picocli tree): every subcommand needs them soon after,
 * since the run files and the control socket speak JSON. Pure class initialisation, so starting it early is
 * always safe; with one core it costs nothing extra, since the command would do the same work a moment later.
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
            Json.read("{\"a\":[1,\"b\",true,null]}");
            Instant.parse("2000-01-01T00:00:00Z"); // the ISO-8601 parser every time in the run files goes through
        } catch (java.io.IOException | RuntimeException | LinkageError e) {
            // the command initialises these itself and reports any problem there
        }
    }
}
