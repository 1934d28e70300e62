package dev.config;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects every error found in one pass so the user fixes a file in one go rather than one error
 * per run. The same problem reached twice (a project-level value checked once per service) is
 * reported once.
 */
final class Problems {
    private final SourceMap sources;
    private final Map<String, ConfigError> errors = new LinkedHashMap<>();

    Problems(SourceMap sources) {
        this.sources = sources;
    }

    SourceMap sources() {
        return sources;
    }

    void add(ConfigError error) {
        String identity = error.location() + "|" + error.kind() + "|" + error.message();
        errors.putIfAbsent(identity, error);
    }

    void addAll(List<ConfigError> list) {
        list.forEach(this::add);
    }

    void at(Location location, ConfigError.Kind kind, String message, String suggestion) {
        add(new ConfigError(location, kind, message, suggestion));
    }

    /** An error about a key itself (unknown key, bad name). */
    void atKey(KeyPath path, ConfigError.Kind kind, String message, String suggestion) {
        at(sources.key(path), kind, message, suggestion);
    }

    /** An error about the value written for a key (wrong type, bad duration...). */
    void atValue(KeyPath path, ConfigError.Kind kind, String message, String suggestion) {
        at(sources.value(path), kind, message, suggestion);
    }

    boolean isEmpty() {
        return errors.isEmpty();
    }

    int size() {
        return errors.size();
    }

    /**
     * Errors sorted by position so they read top to bottom like the file; errors in other files
     * (env files) are grouped per file, files in the order their first error was found.
     */
    List<ConfigError> list() {
        Map<Object, Integer> fileOrder = new LinkedHashMap<>();
        List<ConfigError> sorted = new ArrayList<>(errors.values());
        sorted.forEach(e -> fileOrder.putIfAbsent(String.valueOf(e.location().file()), fileOrder.size()));
        sorted.sort(Comparator
                .comparing((ConfigError e) -> fileOrder.get(String.valueOf(e.location().file())))
                .thenComparingInt(e -> e.location().line())
                .thenComparingInt(e -> e.location().column()));
        return sorted;
    }

    void throwIfAny() throws ConfigException {
        if (!errors.isEmpty()) {
            throw new ConfigException(list());
        }
    }
}
