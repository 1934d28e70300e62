package dev.init;

/** The {@code health} key of a drafted service; {@link None} leaves dev's default (a tcp check on the port). */
public sealed interface Health {
    record None() implements Health {
    }

    /** {@code health = { http = "PATH" }}: any answer below 500 means ready. */
    record Http(String path) implements Health {
    }

    /** {@code health = { exec = "COMMAND" }}: ready when the command exits 0. */
    record Exec(String command) implements Health {
    }

    Health NONE = new None();
}
