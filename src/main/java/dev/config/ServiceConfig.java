package dev.config;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One {@code [services.NAME]} table, validated, with defaults applied but references
 * ({@code ${port}}, {@code ${services.x.port}}, {@code ${VAR}}) not yet interpolated: auto ports
 * are only known at start. {@link Resolver} produces the runnable {@link ResolvedService}.
 *
 * @param dependsOn    dependency name → condition, in written order; the shorthand list form is
 *                     already turned into HEALTHY/STARTED by whether the dependency has a check
 * @param cwd          as written (relative to the project root) or null for the root
 * @param stopTimeout  the service's own or the project default
 * @param forceColor   null = follow dev's console; true/false = per-service override
 */
public record ServiceConfig(
        String name,
        Location location,
        String command,
        String cwd,
        PortSpec port,
        boolean optional,
        boolean task,
        Map<String, Condition> dependsOn,
        HealthSpec health,
        Duration startTimeout,
        Signal stopSignal,
        Duration stopTimeout,
        String stopCommand,
        RestartPolicy restart,
        String bindsTo,
        boolean keepDetached,
        List<ProjectConfig.EnvFileRef> envFiles,
        Map<String, String> env,
        Boolean forceColor) {

    public static final Duration DEFAULT_START_TIMEOUT = Duration.ofSeconds(60);

    public ServiceConfig {
        dependsOn = Collections.unmodifiableMap(new LinkedHashMap<>(dependsOn));
        envFiles = List.copyOf(envFiles);
        env = Collections.unmodifiableMap(new LinkedHashMap<>(env));
    }

    /** Whether a check beyond "it is still running" was configured or implied by a port. */
    public boolean hasHealthCheck() {
        return !(health instanceof HealthSpec.Default) || port.present();
    }
}
