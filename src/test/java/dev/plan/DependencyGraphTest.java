package dev.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DependencyGraphTest {
    /** db ← migrate ← api ← web ← tunnel; cache independent; api also needs db directly. */
    private static DependencyGraph shop() {
        Map<String, List<String>> deps = new LinkedHashMap<>();
        deps.put("db", List.of());
        deps.put("migrate", List.of("db"));
        deps.put("api", List.of("db", "migrate"));
        deps.put("web", List.of("api"));
        deps.put("cache", List.of());
        deps.put("tunnel", List.of("web"));
        return new DependencyGraph(deps);
    }

    @Test
    void levelsGroupIndependentServicesAndRespectDeclarationOrder() {
        assertEquals(List.of(List.of("db", "cache"), List.of("migrate"), List.of("api"), List.of("web"),
                List.of("tunnel")), shop().levels());
    }

    @Test
    void stopLevelsAreStartLevelsReversed() {
        assertEquals(List.of(List.of("tunnel"), List.of("web"), List.of("api"), List.of("migrate"),
                List.of("db", "cache")), shop().stopLevels(shop().services()));
    }

    @Test
    void closureWithDependenciesFollowsEdgesTransitively() {
        assertEquals(Set.of("db", "migrate", "api", "web"), shop().withDependencies(Set.of("web")));
        assertEquals(List.of("db", "migrate", "api", "web"), List.copyOf(shop().withDependencies(Set.of("web"))));
    }

    @Test
    void closureWithDependentsFollowsReverseEdges() {
        assertEquals(List.of("migrate", "api", "web", "tunnel"),
                List.copyOf(shop().withDependents(Set.of("migrate"))));
        assertEquals(Set.of("cache"), shop().withDependents(Set.of("cache")));
    }

    @Test
    void levelsOfSubsetIgnoreEdgesLeavingIt() {
        assertEquals(List.of(List.of("api", "cache"), List.of("web")),
                shop().levels(Set.of("api", "web", "cache")));
    }

    @Test
    void findCycleNamesTheWholeCycle() {
        Map<String, List<String>> deps = new LinkedHashMap<>();
        deps.put("a", List.of("b"));
        deps.put("b", List.of("c"));
        deps.put("c", List.of("a"));
        deps.put("d", List.of());
        DependencyGraph g = new DependencyGraph(deps);
        assertEquals(Optional.of(List.of("a", "b", "c", "a")), g.findCycle());
        assertThrows(IllegalStateException.class, g::levels);
    }

    @Test
    void selfDependencyIsACycle() {
        DependencyGraph g = new DependencyGraph(Map.of("a", List.of("a")));
        assertEquals(Optional.of(List.of("a", "a")), g.findCycle());
    }

    @Test
    void acyclicGraphHasNoCycle() {
        assertTrue(shop().findCycle().isEmpty());
    }

    @Test
    void unknownDependencyIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new DependencyGraph(Map.of("a", List.of("zzz"))));
        assertThrows(IllegalArgumentException.class, () -> shop().dependentsOf("zzz"));
    }
}
