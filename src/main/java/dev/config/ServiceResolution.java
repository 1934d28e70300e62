package dev.config;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * Resolves services one at a time: merges the environment layer by layer with provenance, then
 * interpolates command, stop_command, cwd and the health check against the final environment.
 *
 * <p>{@code ${VAR}} inside an env file or table sees the layers below it plus the variables dev
 * sets itself ({@code PORT}, {@code DEV_SERVICE}...), since those win in the end anyway:
 * {@code ${PORT}} means the same everywhere, the port the child will see.
 */
final class ServiceResolution {
    static final String USER_ENVIRONMENT = "user environment";
    static final String PROJECT_ENV = "[project].env";
    static final String SET_BY_DEV = "set by dev";

    private final Config config;
    private final ResolveContext ctx;
    private final Problems problems;
    private final EnvFiles envFiles;
    private final Set<String> uncertainPorts;

    /**
     * @param uncertainPorts services whose port was written but invalid (load-time check only):
     *                       references to their port are not reported again
     */
    ServiceResolution(Config config, ResolveContext ctx, Problems problems, EnvFiles envFiles, Set<String> uncertainPorts) {
        this.config = config;
        this.ctx = ctx;
        this.problems = problems;
        this.envFiles = envFiles;
        this.uncertainPorts = uncertainPorts;
    }

    static String serviceEnvSource(String service) {
        return "[services." + service + "].env";
    }

    /** @return the resolved service; meaningless when problems were recorded */
    ResolvedService resolve(ServiceConfig s) {
        ProjectConfig project = config.project();
        Integer port = portOf(s);
        KeyPath base = KeyPath.of("services", s.name());
        Map<String, String> dev = setByDev(s, port);
        Map<String, EnvValue> env = new LinkedHashMap<>();
        ctx.userEnv().forEach((k, v) -> env.put(k, new EnvValue(v, USER_ENVIRONMENT)));
        Function<String, String> below = name -> dev.containsKey(name) ? dev.get(name) : valueOf(env, name);
        boolean[] complete = {true};
        BooleanSupplier incomplete = () -> !complete[0];

        for (ProjectConfig.EnvFileRef ref : project.envFiles()) {
            complete[0] &= envFiles.apply(ref, env, below);
        }
        Interpolator.Lookup projectScope = lookup(null, port, below, incomplete);
        project.env().forEach((k, v) -> env.put(k,
                new EnvValue(interpolate(v, KeyPath.of("project", "env", k), projectScope), PROJECT_ENV)));
        for (ProjectConfig.EnvFileRef ref : s.envFiles()) {
            complete[0] &= envFiles.apply(ref, env, below);
        }
        Interpolator.Lookup serviceEnvScope = lookup(s, port, below, incomplete);
        s.env().forEach((k, v) -> env.put(k,
                new EnvValue(interpolate(v, base.key("env").key(k), serviceEnvScope), serviceEnvSource(s.name()))));
        dev.forEach((k, v) -> env.put(k, new EnvValue(v, SET_BY_DEV)));

        Interpolator.Lookup scope = lookup(s, port, name -> valueOf(env, name), incomplete);
        String command = interpolate(s.command(), base.key("command"), scope);
        String stopCommand = s.stopCommand() == null ? null : interpolate(s.stopCommand(), base.key("stop_command"), scope);
        Path root = project.root();
        Path cwd = s.cwd() == null ? root : directory(root, interpolate(s.cwd(), base.key("cwd"), scope), base.key("cwd"));
        HealthCheck health = new HealthResolution(problems, (template, where) -> {
            Interpolator.Expansion e = Interpolator.expand(template, where.toString(), scope);
            report(e, where);
            return e.ok() ? e.value() : null;
        }).resolve(s.health(), base.key("health"), port);
        return new ResolvedService(s, command, cwd, port, env, health, stopCommand);
    }

    /**
     * {@code cwd} resolved against the root; a value no file system can name (a NUL character or an unpaired
     * surrogate, which TOML escapes can produce) is reported at the key and the root stands in for it.
     */
    private Path directory(Path root, String cwd, KeyPath where) {
        try {
            return root.resolve(cwd).normalize();
        } catch (java.nio.file.InvalidPathException e) {
            problems.atValue(where, ConfigError.Kind.INVALID_VALUE, "`" + where + "` is not a usable directory name "
                    + "(it contains a NUL character or an invalid character escape)", "write the directory as plain text, "
                    + "relative to the project root, e.g. \"backend\"");
            return root;
        }
    }

    /** What dev itself exports to every child; wins over every layer the user wrote. */
    private Map<String, String> setByDev(ServiceConfig s, Integer port) {
        Map<String, String> dev = new LinkedHashMap<>();
        if (port != null) {
            dev.put("PORT", String.valueOf(port));
        }
        dev.put("DEV_SERVICE", s.name());
        dev.put("DEV_PROJECT_ROOT", config.project().root().toAbsolutePath().normalize().toString());
        if (ctx.runId() != null) {
            dev.put("DEV_RUN_ID", ctx.runId());
        }
        // Python buffers stdout when it is a pipe; logs would then arrive late and out of order.
        dev.put("PYTHONUNBUFFERED", "1");
        Boolean force = s.forceColor();
        if (Boolean.TRUE.equals(force) || (ctx.colorChildren() && !Boolean.FALSE.equals(force))) {
            dev.put("FORCE_COLOR", "1");
            dev.put("CLICOLOR_FORCE", "1");
        }
        return dev;
    }

    Integer portOf(ServiceConfig s) {
        if (s.port() instanceof PortSpec.Fixed fixed) {
            return ctx.ports().getOrDefault(s.name(), fixed.port());
        }
        if (s.port() instanceof PortSpec.Auto) {
            Integer chosen = ctx.ports().get(s.name());
            if (chosen == null) {
                throw new IllegalArgumentException("no port was chosen for service " + s.name() + " (port = \"auto\")");
            }
            return chosen;
        }
        return null;
    }

    private String interpolate(String template, KeyPath where, Interpolator.Lookup lookup) {
        Interpolator.Expansion e = Interpolator.expand(template, where.toString(), lookup);
        report(e, where);
        return e.value();
    }

    private void report(Interpolator.Expansion e, KeyPath where) {
        Location at = config.sources().value(where);
        e.failures().forEach(f -> problems.at(at, f.kind(), f.message(), f.hint()));
    }

    /**
     * @param service the service whose {@code ${port}} is meant, or null in {@code [project].env}
     * @param vars    the environment visible at this point
     */
    private Interpolator.Lookup lookup(ServiceConfig service, Integer port, Function<String, String> vars,
                                       BooleanSupplier varsIncomplete) {
        return ref -> {
            if (ref instanceof Interpolator.OwnPort) {
                if (service == null) {
                    return new Interpolator.Missing("[project].env is shared by every service and has no port of its own",
                            "use ${services.NAME.port} for one service's port, or ${PORT} for the port of the service being started");
                }
                return portValue(service, port);
            }
            if (ref instanceof Interpolator.ServicePort sp) {
                ServiceConfig target = config.services().get(sp.service());
                if (target == null) {
                    return new Interpolator.Missing("there is no service `" + sp.service() + "`",
                            Suggest.hint(sp.service(), config.services().keySet(), "services are"));
                }
                return portValue(target, target.port().present() ? portOf(target) : null);
            }
            String name = ((Interpolator.Variable) ref).name();
            String value = vars.apply(name);
            if (value != null) {
                return new Interpolator.Found(value);
            }
            if (varsIncomplete.getAsBoolean()) {
                return new Interpolator.Found("");
            }
            String scope = service == null ? "[project].env" : "[services." + service.name() + "].env";
            return new Interpolator.Missing(name + " is not defined" + (service == null ? ""
                    : " for service `" + service.name() + "`"),
                    "define " + name + " in " + scope + ", an env_file or your shell; write $${" + name
                            + "} to leave it to the shell");
        };
    }

    private Interpolator.Result portValue(ServiceConfig s, Integer port) {
        if (port != null) {
            return new Interpolator.Found(String.valueOf(port));
        }
        if (uncertainPorts.contains(s.name())) {
            return new Interpolator.Found("0");
        }
        return new Interpolator.Missing("service `" + s.name() + "` has no port",
                "add port = 8080 or port = \"auto\" to [services." + s.name() + "]");
    }

    private static String valueOf(Map<String, EnvValue> env, String name) {
        EnvValue v = env.get(name);
        return v == null ? null : v.value();
    }
}
