package dev.orchestrator;

import dev.config.Config;
import dev.config.ConfigException;
import dev.config.PortSpec;
import dev.config.ResolveContext;
import dev.config.Resolver;
import dev.config.ServiceConfig;
import dev.plan.PortAssignment;
import dev.plan.StartPlan;
import dev.process.ProcessPlatform;
import java.util.HashSet;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/** From a loaded config to a runnable plan: selection, auto ports, interpolation, environment. */
public final class Preparation {
    private Preparation() {
    }

    /**
     * @param requested     services named on the command line (empty: all)
     * @param withDeps      false for --no-deps
     * @param colorChildren dev's console shows colour, so services are told to keep theirs
     */
    public static StartPlan plan(Config config, Set<String> requested, boolean withDeps, Map<String, String> userEnv,
                                 String runId, boolean colorChildren, ProcessPlatform platform,
                                 Map<String, Integer> keepPorts) throws ConfigException {
        Set<String> selected = StartPlan.selection(config, requested, withDeps);
        Set<Integer> planned = new HashSet<>(keepPorts.values());
        for (ServiceConfig s : config.services().values()) {
            if (s.port() instanceof PortSpec.Fixed fixed) {
                planned.add(fixed.port());
            }
        }
        AutoPorts autoPorts = new AutoPorts(planned, platform::portFree, platform::freePort, new Random());
        Map<String, Integer> ports = PortAssignment.assign(config, autoPorts, keepPorts);
        var resolved = Resolver.resolve(config, new ResolveContext(ports, userEnv, runId, colorChildren));
        return StartPlan.of(config, selected, resolved);
    }
}
