package dev.orchestrator;

import dev.config.Config;
import dev.config.ConfigException;
import dev.config.ResolveContext;
import dev.config.Resolver;
import dev.plan.PortAssignment;
import dev.plan.StartPlan;
import dev.process.ProcessPlatform;
import java.util.Map;
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
        Map<String, Integer> ports = PortAssignment.assign(config, platform::freePort, keepPorts);
        var resolved = Resolver.resolve(config, new ResolveContext(ports, userEnv, runId, colorChildren));
        return StartPlan.of(config, selected, resolved);
    }
}
