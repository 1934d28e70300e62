package dev.orchestrator;

import dev.config.ConfigLoader;
import dev.process.ProcessPlatform;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Auto ports: distinct within a plan, and outside the ports the kernel lends to outgoing connections. */
class AutoPortsTest {
    @TempDir
    Path dir;

    @Test
    void portsAreDistinctFromEachOtherAndFromThePlansOtherPorts() {
        Set<Integer> planned = Set.of(AutoPorts.LOW, AutoPorts.LOW + 1);
        AutoPorts ports = new AutoPorts(planned, port -> true, () -> 45_000, new Random(7));

        List<Integer> chosen = IntStream.range(0, 500).map(i -> ports.getAsInt()).boxed().toList();

        assertEquals(chosen.size(), new HashSet<>(chosen).size(), "no port twice");
        chosen.forEach(p -> assertFalse(planned.contains(p), "not a port the plan already uses: " + p));
        chosen.forEach(p -> assertTrue(p >= AutoPorts.LOW && p <= AutoPorts.HIGH, "below the ephemeral ranges: " + p));
    }

    @Test
    void busyPortsAreSkippedAndTheKernelsChoiceIsTheLastResort() {
        AutoPorts ports = new AutoPorts(Set.of(), port -> false, new java.util.function.IntSupplier() {
            int next = 40_000;

            @Override
            public int getAsInt() {
                return next++;
            }
        }, new Random(7));

        assertEquals(40_000, ports.getAsInt());
        assertEquals(40_001, ports.getAsInt());
    }

    @Test
    void aPlanGivesEveryAutoServiceItsOwnFreePort() throws Exception {
        StringBuilder toml = new StringBuilder("[services.fixed]\ncommand = \"true\"\nport = 20000\n");
        for (int i = 0; i < 20; i++) {
            toml.append("[services.s").append(i).append("]\ncommand = \"true\"\nport = \"auto\"\n");
        }
        var config = ConfigLoader.parse(toml.toString(), dir.resolve("dev.toml"), dir, System.getenv());

        var plan = Preparation.plan(config, Set.of(), true, System.getenv(), "run", false,
                ProcessPlatform.current(), Map.of());

        List<Integer> ports = plan.services().values().stream().map(s -> s.port()).toList();
        assertEquals(21, new HashSet<>(ports).size(), ports.toString());
    }
}
