package dev.plan;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Services and their dependency edges, with no notion of what a service is. Insertion order is
 * kept everywhere so plans print in the order services were written in dev.toml.
 */
public final class DependencyGraph {
    private final Map<String, Set<String>> dependencies;
    private final Map<String, Set<String>> dependents;

    /**
     * @param dependencies service → the services it depends on. Every dependency must itself be a
     *                     key; unknown names are rejected (config validation reports them first).
     */
    public DependencyGraph(Map<String, ? extends Iterable<String>> dependencies) {
        Map<String, Set<String>> deps = new LinkedHashMap<>();
        Map<String, Set<String>> rdeps = new LinkedHashMap<>();
        dependencies.keySet().forEach(n -> {
            deps.put(n, new LinkedHashSet<>());
            rdeps.put(n, new LinkedHashSet<>());
        });
        dependencies.forEach((name, ds) -> {
            for (String d : ds) {
                if (!deps.containsKey(d)) {
                    throw new IllegalArgumentException("service " + name + " depends on unknown service " + d);
                }
                deps.get(name).add(d);
                rdeps.get(d).add(name);
            }
        });
        deps.replaceAll((k, v) -> Collections.unmodifiableSet(v));
        rdeps.replaceAll((k, v) -> Collections.unmodifiableSet(v));
        this.dependencies = Collections.unmodifiableMap(deps);
        this.dependents = Collections.unmodifiableMap(rdeps);
    }

    public Set<String> services() {
        return dependencies.keySet();
    }

    public Set<String> dependenciesOf(String service) {
        return require(dependencies, service);
    }

    public Set<String> dependentsOf(String service) {
        return require(dependents, service);
    }

    /**
     * A cycle, if there is one, as the path that closes it: {@code [a, b, c, a]}. Reported whole so
     * the user sees every edge to cut, not just one service.
     */
    public Optional<List<String>> findCycle() {
        Map<String, Integer> colour = new HashMap<>(); // absent = unvisited, 1 = on stack, 2 = done
        Deque<String> stack = new ArrayDeque<>();
        for (String start : dependencies.keySet()) {
            Optional<List<String>> cycle = visit(start, colour, stack);
            if (cycle.isPresent()) {
                return cycle;
            }
        }
        return Optional.empty();
    }

    private Optional<List<String>> visit(String node, Map<String, Integer> colour, Deque<String> stack) {
        Integer c = colour.get(node);
        if (c != null && c == 2) {
            return Optional.empty();
        }
        if (c != null) {
            List<String> path = new ArrayList<>(stack);
            Collections.reverse(path); // stack is newest-first
            List<String> cycle = new ArrayList<>(path.subList(path.indexOf(node), path.size()));
            cycle.add(node);
            return Optional.of(cycle);
        }
        colour.put(node, 1);
        stack.push(node);
        for (String d : dependencies.get(node)) {
            Optional<List<String>> cycle = visit(d, colour, stack);
            if (cycle.isPresent()) {
                return cycle;
            }
        }
        stack.pop();
        colour.put(node, 2);
        return Optional.empty();
    }

    /** The given services plus everything they transitively depend on. */
    public Set<String> withDependencies(Set<String> roots) {
        return closure(roots, dependencies);
    }

    /** The given services plus everything that transitively depends on them. */
    public Set<String> withDependents(Set<String> roots) {
        return closure(roots, dependents);
    }

    private Set<String> closure(Set<String> roots, Map<String, Set<String>> edges) {
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>();
        for (String r : roots) {
            require(edges, r);
            todo.add(r);
        }
        while (!todo.isEmpty()) {
            String n = todo.poll();
            if (seen.add(n)) {
                todo.addAll(edges.get(n));
            }
        }
        // Return in declaration order, not discovery order, so output is stable.
        Set<String> ordered = new LinkedHashSet<>();
        for (String n : dependencies.keySet()) {
            if (seen.contains(n)) {
                ordered.add(n);
            }
        }
        return ordered;
    }

    /**
     * Start levels restricted to {@code subset}: level 0 has no dependency inside the subset, level
     * k depends only on lower levels. Services of one level may start in parallel.
     *
     * @throws IllegalStateException if the subset contains a cycle
     */
    public List<List<String>> levels(Set<String> subset) {
        Map<String, Integer> level = new LinkedHashMap<>();
        Set<String> remaining = new LinkedHashSet<>();
        for (String n : dependencies.keySet()) {
            if (subset.contains(n)) {
                remaining.add(n);
            }
        }
        List<List<String>> levels = new ArrayList<>();
        while (!remaining.isEmpty()) {
            List<String> current = new ArrayList<>();
            for (String n : remaining) {
                boolean ready = true;
                for (String d : dependencies.get(n)) {
                    if (remaining.contains(d)) {
                        ready = false;
                        break;
                    }
                }
                if (ready) {
                    current.add(n);
                }
            }
            if (current.isEmpty()) {
                throw new IllegalStateException("dependency cycle among " + remaining);
            }
            current.forEach(n -> level.put(n, levels.size()));
            remaining.removeAll(current);
            levels.add(List.copyOf(current));
        }
        return List.copyOf(levels);
    }

    public List<List<String>> levels() {
        return levels(services());
    }

    /** Stop order: the start levels reversed, so dependents stop before what they depend on. */
    public List<List<String>> stopLevels(Set<String> subset) {
        List<List<String>> reversed = new ArrayList<>(levels(subset));
        Collections.reverse(reversed);
        return List.copyOf(reversed);
    }

    private static Set<String> require(Map<String, Set<String>> edges, String service) {
        Set<String> s = edges.get(service);
        if (s == null) {
            throw new IllegalArgumentException("unknown service " + service);
        }
        return s;
    }
}
