package dev.config;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Makes services runnable: interpolates command, stop_command, cwd, env values and health checks,
 * and merges each service's environment in SPEC §2 precedence, lowest first:
 * <ol>
 *   <li>the user's environment ({@code user environment});</li>
 *   <li>project env files ({@code .env}, as a path relative to the project root);</li>
 *   <li>{@code [project].env};</li>
 *   <li>the service's env files;</li>
 *   <li>{@code [services.NAME].env};</li>
 *   <li>what dev sets ({@code set by dev}): {@code PORT}, {@code DEV_SERVICE},
 *       {@code DEV_PROJECT_ROOT}, {@code DEV_RUN_ID}, {@code PYTHONUNBUFFERED}, and
 *       {@code FORCE_COLOR}/{@code CLICOLOR_FORCE} when children should colour their output.</li>
 * </ol>
 */
public final class Resolver {
    private Resolver() {
    }

    /**
     * Resolves every service, in declaration order.
     *
     * @throws ConfigException with every unknown reference, missing or malformed env file and
     *                         invalid interpolated value, each at its position
     * @throws IllegalArgumentException if {@code ctx.ports()} lacks the port of an auto-port service
     */
    public static Map<String, ResolvedService> resolve(Config config, ResolveContext ctx) throws ConfigException {
        return resolve(config, ctx, config.services().keySet());
    }

    /**
     * Resolves only the named services (in declaration order). Ports of the others are needed only
     * when a resolved value refers to them.
     */
    public static Map<String, ResolvedService> resolve(Config config, ResolveContext ctx, Collection<String> services)
            throws ConfigException {
        Problems problems = new Problems(config.sources());
        ServiceResolution resolution = new ServiceResolution(config, ctx, problems,
                EnvFiles.strict(config.project().root(), problems), Set.of());
        Map<String, ResolvedService> out = new LinkedHashMap<>();
        for (ServiceConfig s : config.services().values()) {
            if (services.contains(s.name())) {
                out.put(s.name(), resolution.resolve(s));
            }
        }
        for (String name : services) {
            config.service(name); // an unknown name is the caller's bug: fail loudly
        }
        problems.throwIfAny();
        return out;
    }

    /** Services with {@code port = "auto"}, whose port the caller must choose before resolving. */
    public static Set<String> autoPortServices(Config config) {
        Set<String> out = new LinkedHashSet<>();
        config.services().forEach((name, s) -> {
            if (s.port() instanceof PortSpec.Auto) {
                out.add(name);
            }
        });
        return out;
    }

    /** Services with a fixed port, and that port: the part of {@link ResolveContext#ports()} known up front. */
    public static Map<String, Integer> fixedPorts(Config config) {
        Map<String, Integer> out = new LinkedHashMap<>();
        config.services().forEach((name, s) -> {
            if (s.port() instanceof PortSpec.Fixed f) {
                out.put(name, f.port());
            }
        });
        return out;
    }
}
