package dev.config;

import java.nio.file.Path;

/** A position in a config file, 1-based, as shown to users: {@code dev.toml:12:5}. */
public record Location(Path file, int line, int column) {
    public static Location unknown(Path file) {
        return new Location(file, 0, 0);
    }

    public boolean known() {
        return line > 0;
    }

    @Override
    public String toString() {
        String name = file == null ? "dev.toml" : file.toString();
        return known() ? name + ":" + line + ":" + column : name;
    }
}
