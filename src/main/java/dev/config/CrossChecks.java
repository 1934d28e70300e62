package dev.config;

import dev.plan.DependencyGraph;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks that need every service: dependency and binds_to targets, conditions that need a task,
 * cycles and fixed ports used twice.
 *
 * <p>binds_to counts as a dependency edge for cycles: a bound service is stopped before its target
 * and started after it (it needs the target running to make sense), so {@code web depends_on
 * tunnel} with {@code tunnel binds_to web} could never start or stop in a consistent order.
 */
final class CrossChecks {
    private final Problems problems;
    private final Map<String, ServiceReader.ServiceDraft> drafts;

    CrossChecks(Problems problems, Map<String, ServiceReader.ServiceDraft> drafts) {
        this.problems = problems;
        this.drafts = drafts;
    }

    void run() {
        // from → (to → where the edge was written), in declaration order, for cycle reports
        Map<String, Map<String, KeyPath>> edges = new LinkedHashMap<>();
        drafts.keySet().forEach(n -> edges.put(n, new LinkedHashMap<>()));
        drafts.forEach((name, draft) -> {
            dependencies(name, draft, edges.get(name));
            bindsTo(name, draft, edges.get(name));
        });
        cycles(edges);
        duplicatePorts();
    }

    private void dependencies(String name, ServiceReader.ServiceDraft draft, Map<String, KeyPath> out) {
        for (ServiceReader.DependencyRef d : draft.dependencies()) {
            ServiceReader.ServiceDraft target = drafts.get(d.name());
            if (d.name().equals(name)) {
                problems.atKey(d.path(), ConfigError.Kind.DEPENDENCY_CYCLE,
                        "service `" + name + "` depends on itself: " + name + " → " + name,
                        "remove `" + name + "` from its own depends_on");
            } else if (target == null) {
                problems.atKey(d.path(), ConfigError.Kind.UNKNOWN_DEPENDENCY,
                        "service `" + name + "` depends on unknown service `" + d.name() + "`",
                        Suggest.hint(d.name(), drafts.keySet(), "services are"));
            } else {
                out.put(d.name(), d.path());
                if (d.condition() == Condition.COMPLETED && !target.config().task()) {
                    problems.atValue(d.path(), ConfigError.Kind.CONFLICT,
                            "`" + d.path() + "` = \"completed\", but `" + d.name() + "` is not a task and never completes",
                            "use \"healthy\" or \"started\", or mark [services." + d.name() + "] with task = true");
                }
            }
        }
    }

    private void bindsTo(String name, ServiceReader.ServiceDraft draft, Map<String, KeyPath> out) {
        String target = draft.config().bindsTo();
        if (target == null) {
            return;
        }
        KeyPath p = draft.path().key("binds_to");
        if (target.equals(name)) {
            problems.atValue(p, ConfigError.Kind.CONFLICT, "service `" + name + "` binds to itself",
                    "name the service whose life `" + name + "` follows, or remove binds_to");
        } else if (!drafts.containsKey(target)) {
            problems.atValue(p, ConfigError.Kind.UNKNOWN_DEPENDENCY,
                    "service `" + name + "` binds to unknown service `" + target + "`",
                    Suggest.hint(target, drafts.keySet(), "services are"));
        } else {
            out.putIfAbsent(target, p);
        }
    }

    /**
     * Reports every independent cycle: after one is found its closing edge is set aside and the
     * search repeats, so two unrelated cycles give two errors.
     */
    private void cycles(Map<String, Map<String, KeyPath>> edges) {
        Map<String, Set<String>> graph = new LinkedHashMap<>();
        edges.forEach((from, tos) -> graph.put(from, new LinkedHashSet<>(tos.keySet())));
        for (int guard = 0; guard < drafts.size() * drafts.size() + 1; guard++) {
            Optional<List<String>> cycle = new DependencyGraph(graph).findCycle();
            if (cycle.isEmpty()) {
                return;
            }
            List<String> c = cycle.get();
            String from = c.get(0);
            String to = c.get(1);
            KeyPath where = edges.get(from).get(to);
            boolean viaBinding = false;
            for (int i = 0; i + 1 < c.size(); i++) {
                KeyPath edge = edges.get(c.get(i)).get(c.get(i + 1));
                viaBinding |= edge.last().equals("binds_to");
            }
            problems.atKey(where, ConfigError.Kind.DEPENDENCY_CYCLE, "dependency cycle: " + String.join(" → ", c),
                    "remove one of these dependencies; a service cannot wait for one that waits for it"
                            + (viaBinding ? " (binds_to counts: a bound service starts after its target)" : ""));
            graph.get(from).remove(to);
        }
    }

    private void duplicatePorts() {
        Map<Integer, String> owners = new LinkedHashMap<>();
        drafts.forEach((name, draft) -> {
            if (draft.config().port() instanceof PortSpec.Fixed fixed) {
                String first = owners.putIfAbsent(fixed.port(), name);
                if (first != null) {
                    problems.atValue(draft.path().key("port"), ConfigError.Kind.DUPLICATE_PORT,
                            "port " + fixed.port() + " of service `" + name + "` is already used by service `" + first + "`",
                            "give one of them another port, or port = \"auto\"");
                }
            }
        });
    }

    /** Settles list-shorthand conditions now that every service is known. */
    static Map<String, Condition> conditions(ServiceReader.ServiceDraft draft,
                                             Map<String, ServiceReader.ServiceDraft> drafts) {
        Map<String, Condition> out = new LinkedHashMap<>();
        for (ServiceReader.DependencyRef d : draft.dependencies()) {
            Condition c = d.condition();
            if (c == null) {
                ServiceReader.ServiceDraft target = drafts.get(d.name());
                c = target != null && target.config().hasHealthCheck() ? Condition.HEALTHY : Condition.STARTED;
            }
            out.putIfAbsent(d.name(), c);
        }
        return out;
    }
}
