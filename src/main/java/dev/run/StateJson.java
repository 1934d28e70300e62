package dev.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.config.Signal;
import dev.orchestrator.Failure;
import dev.orchestrator.ServiceSnapshot;
import dev.orchestrator.ServiceState;
import dev.orchestrator.StackSnapshot;
import dev.process.ProcessIdentity;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON shapes shared by the state file, the control protocol and {@code dev status --json}
 * (schema documented in README; fields are only ever added within a schema version).
 */
public final class StateJson {
    public static final int SCHEMA = 1;

    private StateJson() {
    }

    public static ObjectNode service(ServiceSnapshot s, Instant now) {
        ObjectNode n = Json.object();
        n.put("name", s.name());
        n.put("state", s.state().keyword());
        n.put("pid", s.pid());
        n.put("pgid", s.pgid());
        Json.putInstant(n, "process_start", s.processStart());
        if (s.port() == null) {
            n.putNull("port");
        } else {
            n.put("port", s.port());
        }
        n.put("url", s.url());
        Json.putInstant(n, "since", s.since());
        Json.putInstant(n, "started_at", s.startedAt());
        if (s.startedAt() != null && now != null) {
            n.put("uptime_ms", Math.max(0, Duration.between(s.startedAt(), now).toMillis()));
        } else {
            n.putNull("uptime_ms");
        }
        n.put("restarts", s.restarts());
        if (s.exitCode() == null) {
            n.putNull("exit_code");
        } else {
            n.put("exit_code", s.exitCode());
        }
        if (s.failure() == null) {
            n.putNull("failure");
        } else {
            ObjectNode f = n.putObject("failure");
            f.put("reason", s.failure().kind().keyword());
            f.put("detail", s.failure().detail());
            f.put("suggestion", s.failure().suggestion());
        }
        ArrayNode waiting = n.putArray("waiting_for");
        s.waitingFor().forEach(waiting::add);
        n.put("health", s.health());
        n.put("optional", s.optional());
        n.put("task", s.task());
        return n;
    }

    /** @throws IllegalArgumentException naming what is missing or unknown */
    public static ServiceSnapshot service(JsonNode n) {
        if (n == null || !n.isObject()) {
            throw new IllegalArgumentException("a service entry is not an object");
        }
        String name = Json.requiredText(n, "name");
        ServiceState state = keyword(n, "state", "service '" + name + "'", ServiceState::parse);
        JsonNode f = n.get("failure");
        Failure failure = f == null || f.isNull() ? null
                : new Failure(keyword(f, "reason", "service '" + name + "'", Failure.Kind::parse), Json.text(f, "detail"),
                        Json.text(f, "suggestion"));
        List<String> waiting = new ArrayList<>();
        JsonNode w = n.get("waiting_for");
        if (w != null) {
            w.forEach(x -> waiting.add(x.asText()));
        }
        return new ServiceSnapshot(name, state,
                Json.number(n, "pid"), Json.number(n, "pgid"), Json.instant(n, "process_start"), Json.integer(n, "port"),
                Json.text(n, "url"), Json.instant(n, "since"), Json.instant(n, "started_at"), (int) Json.number(n, "restarts"),
                Json.integer(n, "exit_code"), failure, waiting, Json.text(n, "health"),
                n.path("optional").asBoolean(), n.path("task").asBoolean());
    }

    /** The stack as {@code dev status --json} and the control socket show it. */
    public static ObjectNode stack(StackSnapshot s, Instant now) {
        ObjectNode n = Json.object();
        n.put("schema", SCHEMA);
        n.put("project", s.project());
        n.put("run_id", s.runId());
        Json.putInstant(n, "started_at", s.startedAt());
        n.put("stopping", s.stopping());
        n.put("ok", s.allUp());
        ArrayNode services = n.putArray("services");
        s.services().forEach(x -> services.add(service(x, now)));
        return n;
    }

    public static StackSnapshot stack(JsonNode n) {
        List<ServiceSnapshot> services = new ArrayList<>();
        n.path("services").forEach(x -> services.add(service(x)));
        return new StackSnapshot(Json.text(n, "project"), Json.text(n, "run_id"), Json.instant(n, "started_at"), services,
                n.path("stopping").asBoolean());
    }

    static ObjectNode state(RunState state) {
        ObjectNode n = stack(state.snapshot(), state.updatedAt());
        n.put("root", state.root().toString());
        ObjectNode orch = n.putObject("orchestrator");
        orch.put("pid", state.orchestrator().pid());
        Json.putInstant(orch, "process_start", state.orchestrator().startTime());
        Json.putInstant(n, "updated_at", state.updatedAt());
        ArrayNode levels = n.putArray("stop_levels");
        state.stopLevels().forEach(level -> {
            ArrayNode l = levels.addArray();
            level.forEach(l::add);
        });
        ObjectNode stop = n.putObject("stop");
        state.stop().forEach((name, spec) -> {
            ObjectNode s = stop.putObject(name);
            s.put("signal", spec.signal().sigName());
            s.put("timeout_ms", spec.timeout().toMillis());
            s.put("keep_detached", spec.keepDetached());
        });
        return n;
    }

    static RunState state(JsonNode n) {
        if (n == null || !n.isObject() || n.path("schema").asInt() != SCHEMA || !n.path("services").isArray()) {
            throw new IllegalArgumentException("not a dev state file of schema " + SCHEMA);
        }
        // The run id finds escaped processes by their marker, the orchestrator's identity tells a dead run from
        // a live one: a file without them cannot be acted on safely.
        Json.requiredText(n, "run_id");
        StackSnapshot snapshot = stack(n);
        JsonNode orch = n.path("orchestrator");
        ProcessIdentity orchestrator;
        try {
            orchestrator = new ProcessIdentity(Json.requiredId(orch, "pid"), Json.requiredInstant(orch, "process_start"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("orchestrator: " + e.getMessage());
        }
        List<List<String>> levels = new ArrayList<>();
        n.path("stop_levels").forEach(level -> {
            List<String> l = new ArrayList<>();
            level.forEach(x -> l.add(x.asText()));
            levels.add(l);
        });
        Map<String, StopSpec> stop = new LinkedHashMap<>();
        n.path("stop").fields().forEachRemaining(e -> stop.put(e.getKey(), new StopSpec(
                Signal.parse(e.getValue().path("signal").asText("TERM")).orElse(Signal.TERM),
                Duration.ofMillis(e.getValue().path("timeout_ms").asLong(10_000)),
                e.getValue().path("keep_detached").asBoolean())));
        return new RunState(snapshot.project(), Path.of(n.path("root").asText()), snapshot.runId(),
                orchestrator, snapshot.startedAt(), Json.instant(n, "updated_at"), levels, snapshot.services(), stop);
    }

    private static <T> T keyword(JsonNode n, String field, String owner, java.util.function.Function<String, T> parse) {
        String text = Json.text(n, field);
        if (text == null) {
            throw new IllegalArgumentException(owner + " has no " + field);
        }
        try {
            return parse.apply(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(owner + " has an unknown " + field + " '" + text + "'");
        }
    }
}
