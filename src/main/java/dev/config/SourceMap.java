package dev.config;

import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Where each key and value of a dev.toml was written. Jackson's TOML parser builds a tree and keeps
 * no positions, so {@link TomlLocator} scans the source once and records them here; every error
 * about a value — at load time or later when resolving — is reported at the place the user wrote it.
 *
 * <p>Paths are written the way a user would: {@code services.api.health.interval},
 * {@code services.web.depends_on[1]}, {@code project.env."A.B"}.
 */
public final class SourceMap {
    private final Path file;
    private final Map<KeyPath, Location> keys;
    private final Map<KeyPath, Location> values;

    SourceMap(Path file, Map<KeyPath, Location> keys, Map<KeyPath, Location> values) {
        this.file = file;
        // HashMap, not Map.copyOf: the immutable maps probe linearly on the raw hash, and the hashes of
        // sibling paths (`x[0]`, `x[1]`, …) are consecutive, so a 20,000-element array took 28 s to index.
        this.keys = Collections.unmodifiableMap(new HashMap<>(keys));
        this.values = Collections.unmodifiableMap(new HashMap<>(values));
    }

    /** A map that knows no positions: every lookup answers {@link Location#unknown}. */
    public static SourceMap empty(Path file) {
        return new SourceMap(file, Map.of(), Map.of());
    }

    public Path file() {
        return file;
    }

    /** Where the key itself was written (for a table header: the key inside the brackets). */
    public Location key(String path) {
        return key(KeyPath.parse(path));
    }

    /** Where the value starts (first character of the string, number, array or inline table). */
    public Location value(String path) {
        return value(KeyPath.parse(path));
    }

    /** Where a table was opened: its {@code [header]} or inline {@code {}}, else its key. */
    public Location table(String path) {
        return table(KeyPath.parse(path));
    }

    Location key(KeyPath path) {
        Location l = keys.get(path);
        if (l == null) {
            l = values.get(path);
        }
        return l != null ? l : nearestAncestor(path);
    }

    Location value(KeyPath path) {
        Location l = values.get(path);
        if (l == null) {
            l = keys.get(path);
        }
        return l != null ? l : nearestAncestor(path);
    }

    Location table(KeyPath path) {
        return value(path);
    }

    private Location nearestAncestor(KeyPath path) {
        KeyPath p = path;
        while (!p.isRoot()) {
            p = p.parent();
            Location l = values.get(p);
            if (l == null) {
                l = keys.get(p);
            }
            if (l != null) {
                return l;
            }
        }
        return Location.unknown(file);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SourceMap m && Objects.equals(file, m.file) && keys.equals(m.keys)
                && values.equals(m.values);
    }

    @Override
    public int hashCode() {
        return Objects.hash(file, keys, values);
    }
}
