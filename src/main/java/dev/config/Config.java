package dev.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A loaded and validated dev.toml. Services keep the order they were written in.
 *
 * @param sources where each key and value was written, so errors found later (when resolving)
 *                still point into the file
 */
public record Config(ProjectConfig project, Map<String, ServiceConfig> services, SourceMap sources) {
    public Config {
        services = Collections.unmodifiableMap(new LinkedHashMap<>(services));
        if (sources == null) {
            sources = SourceMap.empty(project == null ? null : project.file());
        }
    }

    /** A config built in code, with no source positions. */
    public Config(ProjectConfig project, Map<String, ServiceConfig> services) {
        this(project, services, null);
    }

    public ServiceConfig service(String name) {
        ServiceConfig s = services.get(name);
        if (s == null) {
            throw new IllegalArgumentException("no service " + name);
        }
        return s;
    }
}
