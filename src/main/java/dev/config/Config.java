package dev.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** A loaded and validated dev.toml. Services keep the order they were written in. */
public record Config(ProjectConfig project, Map<String, ServiceConfig> services) {
    public Config {
        services = Collections.unmodifiableMap(new LinkedHashMap<>(services));
    }

    public ServiceConfig service(String name) {
        ServiceConfig s = services.get(name);
        if (s == null) {
            throw new IllegalArgumentException("no service " + name);
        }
        return s;
    }
}
