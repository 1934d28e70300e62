package dev.plan;

import dev.config.Config;
import dev.config.ResolvedService;
import dev.config.ServiceConfig;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What {@code dev start} will do: which services, in which levels, with which resolved commands.
 * Pure data; choosing auto ports and reading env files happened before.
 *
 * @param selected the services to start, in declaration order
 * @param levels   start levels of the selection (parallel within a level)
 * @param services resolved services of the selection
 */
public record StartPlan(Config config, DependencyGraph graph, Set<String> selected, List<List<String>> levels,
                        Map<String, ResolvedService> services) {

    public StartPlan {
        selected = Collections.unmodifiableSet(new LinkedHashSet<>(selected));
        services = Collections.unmodifiableMap(new LinkedHashMap<>(services));
    }

    /**
     * depends_on edges plus binds_to: a bound service starts after its target and stops before it,
     * exactly like a dependent (config validation already treats it as an edge for cycles).
     */
    public static DependencyGraph graphOf(Config config) {
        Map<String, List<String>> deps = new LinkedHashMap<>();
        for (ServiceConfig s : config.services().values()) {
            Set<String> edges = new LinkedHashSet<>(s.dependsOn().keySet());
            if (s.bindsTo() != null) {
                edges.add(s.bindsTo());
            }
            deps.put(s.name(), List.copyOf(edges));
        }
        return new DependencyGraph(deps);
    }

    /**
     * @param requested services named on the command line; empty means all
     * @param withDeps  false for {@code --no-deps}
     */
    public static Set<String> selection(Config config, Set<String> requested, boolean withDeps) {
        if (requested.isEmpty()) {
            return config.services().keySet();
        }
        return withDeps ? graphOf(config).withDependencies(requested) : orderLike(config, requested);
    }

    public static StartPlan of(Config config, Set<String> selected, Map<String, ResolvedService> resolved) {
        DependencyGraph graph = graphOf(config);
        Map<String, ResolvedService> chosen = new LinkedHashMap<>();
        for (String name : orderLike(config, selected)) {
            chosen.put(name, resolved.get(name));
        }
        return new StartPlan(config, graph, chosen.keySet(), graph.levels(chosen.keySet()), chosen);
    }

    private static Set<String> orderLike(Config config, Set<String> names) {
        Set<String> ordered = new LinkedHashSet<>();
        for (String n : config.services().keySet()) {
            if (names.contains(n)) {
                ordered.add(n);
            }
        }
        return ordered;
    }
}
