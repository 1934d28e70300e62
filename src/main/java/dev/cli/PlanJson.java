package dev.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.config.HealthCheck;
import dev.config.PortSpec;
import dev.config.ResolvedService;
import dev.config.ServiceConfig;
import dev.plan.StartPlan;
import java.util.List;

/**
 * {@code dev check --json}. Schema version 1, documented in README: additive changes keep the
 * version; removing or renaming a field bumps it.
 *
 * <pre>
 * schema, project{name, root, file}, levels[[NAME...]...],
 * services{NAME{command, cwd, port (null if none; an example for auto), port_auto, depends_on{NAME: condition},
 *   optional, task, keep_detached, restart, binds_to (or null),
 *   health{kind: tcp|http|exec|log|uptime, target (null for uptime), interval_ms, timeout_ms, retries,
 *          start_period_ms; http also min_status, max_status} (null for a task),
 *   start_timeout_ms, stop_signal, stop_timeout_ms, stop_command (or null)}}
 * </pre>
 */
final class PlanJson {
    static final int SCHEMA_VERSION = 1;

    private PlanJson() {
    }

    static String render(StartPlan plan) throws Exception {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("schema", SCHEMA_VERSION);
        ObjectNode project = root.putObject("project");
        project.put("name", plan.config().project().name());
        project.put("root", plan.config().project().root().toString());
        project.put("file", plan.config().project().file().toString());
        ArrayNode levels = root.putArray("levels");
        for (List<String> level : plan.levels()) {
            ArrayNode l = levels.addArray();
            level.forEach(l::add);
        }
        ObjectNode services = root.putObject("services");
        for (ResolvedService s : plan.services().values()) {
            ServiceConfig c = s.config();
            ObjectNode n = services.putObject(s.name());
            n.put("command", s.command());
            n.put("cwd", s.cwd().toString());
            if (s.port() == null) {
                n.putNull("port");
            } else {
                n.put("port", s.port());
            }
            n.put("port_auto", c.port() instanceof PortSpec.Auto);
            ObjectNode deps = n.putObject("depends_on");
            c.dependsOn().forEach((k, v) -> deps.put(k, v.keyword()));
            n.put("optional", c.optional());
            n.put("task", c.task());
            n.put("keep_detached", c.keepDetached());
            n.put("restart", c.restart().keyword());
            if (c.bindsTo() == null) {
                n.putNull("binds_to");
            } else {
                n.put("binds_to", c.bindsTo());
            }
            // A task is judged by its exit code alone: the orchestrator never probes it, so the
            // default uptime check the resolver fills in would be a lie here.
            if (c.task()) {
                n.putNull("health");
            } else {
                n.set("health", health(mapper, s.health()));
            }
            n.put("start_timeout_ms", c.startTimeout().toMillis());
            n.put("stop_signal", c.stopSignal().sigName());
            n.put("stop_timeout_ms", c.stopTimeout().toMillis());
            if (s.stopCommand() == null) {
                n.putNull("stop_command");
            } else {
                n.put("stop_command", s.stopCommand());
            }
        }
        return mapper.writeValueAsString(root);
    }

    private static ObjectNode health(ObjectMapper mapper, HealthCheck h) {
        ObjectNode n = mapper.createObjectNode();
        if (h instanceof HealthCheck.Tcp t) {
            n.put("kind", "tcp");
            n.put("target", t.host() + ":" + t.port());
        } else if (h instanceof HealthCheck.Http t) {
            n.put("kind", "http");
            n.put("target", t.uri().toString());
            n.put("min_status", t.minStatus());
            n.put("max_status", t.maxStatus());
        } else if (h instanceof HealthCheck.Exec t) {
            n.put("kind", "exec");
            n.put("target", t.command());
        } else if (h instanceof HealthCheck.Log t) {
            n.put("kind", "log");
            n.put("target", t.pattern().pattern());
        } else {
            n.put("kind", "uptime");
            n.putNull("target");
        }
        n.put("interval_ms", h.timing().interval().toMillis());
        n.put("timeout_ms", h.timing().timeout().toMillis());
        n.put("retries", h.timing().retries());
        n.put("start_period_ms", h.timing().startPeriod().toMillis());
        return n;
    }
}
