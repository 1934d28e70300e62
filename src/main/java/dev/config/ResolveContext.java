package dev.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What resolving needs beyond dev.toml.
 *
 * @param ports         the concrete port of every service that has one: fixed ports as written,
 *                      auto ports as chosen by the caller
 * @param userEnv       the environment dev was started with (lowest precedence layer)
 * @param runId         the run marker exported as {@code DEV_RUN_ID}, or null for none
 * @param colorChildren whether dev's own output is coloured, so children are told to colour too
 */
public record ResolveContext(Map<String, Integer> ports, Map<String, String> userEnv, String runId,
                             boolean colorChildren) {
    public ResolveContext {
        ports = Collections.unmodifiableMap(new LinkedHashMap<>(ports == null ? Map.of() : ports));
        userEnv = Collections.unmodifiableMap(new LinkedHashMap<>(userEnv == null ? Map.of() : userEnv));
    }
}
