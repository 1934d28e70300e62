package dev.orchestrator;

import dev.plan.DependencyGraph;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who goes down with whom, and in which order: a stop takes along everything that depends on or is bound to
 * what it stops, and a service is stopped only once those have gone. Reads the runtimes, changes nothing.
 */
final class StopOrder {
    private final Map<String, ServiceRuntime> services;
    private final DependencyGraph graph;

    StopOrder(Map<String, ServiceRuntime> services, DependencyGraph graph) {
        this.services = services;
        this.graph = graph;
    }

    /** The services plus, transitively, everything that depends on or is bound to them, in declaration order. */
    Set<String> closure(Set<String> names) {
        Set<String> result = new LinkedHashSet<>();
        Set<String> frontier = new LinkedHashSet<>(names);
        while (!frontier.isEmpty()) {
            Set<String> next = new LinkedHashSet<>();
            for (String n : graph.withDependents(Orchestrator.ordered(services, frontier))) {
                if (services.containsKey(n) && result.add(n)) {
                    boundTo(n).forEach(rt -> next.add(rt.name()));
                }
            }
            next.removeAll(result);
            frontier = next;
        }
        return Orchestrator.ordered(services, result);
    }

    /**
     * True once nothing that depends on {@code rt} (directly or through others, which may have failed in
     * between) or is bound to it is still on its way down. Only dependents being stopped too are waited for:
     * a service failing on its own (a health timeout) is stopped at once, and dependents that keep running
     * stay as they are — as after a crash.
     */
    boolean dependentsDown(ServiceRuntime rt) {
        for (String d : graph.withDependents(Set.of(rt.name()))) {
            ServiceRuntime dependent = services.get(d);
            if (dependent != null && dependent != rt && stillStopping(dependent)) {
                return false;
            }
        }
        return boundTo(rt.name()).stream().noneMatch(StopOrder::stillStopping);
    }

    /** The services with {@code binds_to = target}. */
    List<ServiceRuntime> boundTo(String target) {
        return services.values().stream().filter(rt -> target.equals(rt.spec.config().bindsTo())).toList();
    }

    private static boolean stillStopping(ServiceRuntime rt) {
        return rt.stopWanted && rt.state.hasProcess();
    }
}
