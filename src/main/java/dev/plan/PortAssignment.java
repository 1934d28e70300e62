package dev.plan;

import dev.config.Config;
import dev.config.PortSpec;
import dev.config.ServiceConfig;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.IntSupplier;

/** Concrete ports for every service that has one: fixed as written, auto from a supplier of free ports. */
public final class PortAssignment {
    private PortAssignment() {
    }

    public static Map<String, Integer> assign(Config config, IntSupplier freePort) {
        return assign(config, freePort, Map.of());
    }

    /** @param keep auto ports already chosen (a restart keeps its port so dependents stay valid) */
    public static Map<String, Integer> assign(Config config, IntSupplier freePort, Map<String, Integer> keep) {
        Map<String, Integer> ports = new LinkedHashMap<>();
        for (ServiceConfig s : config.services().values()) {
            if (s.port() instanceof PortSpec.Fixed f) {
                ports.put(s.name(), f.port());
            } else if (s.port() instanceof PortSpec.Auto) {
                Integer kept = keep.get(s.name());
                ports.put(s.name(), kept != null ? kept : freePort.getAsInt());
            }
        }
        return ports;
    }

    public static Set<String> autoServices(Config config) {
        Set<String> auto = new java.util.LinkedHashSet<>();
        config.services().values().stream().filter(s -> s.port() instanceof PortSpec.Auto).forEach(s -> auto.add(s.name()));
        return auto;
    }
}
