package dev.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads one {@code [services.NAME]} table. Invalid values are reported and replaced by their
 * defaults so the rest of the file is still checked; the loader throws before such a config is
 * ever returned.
 */
final class ServiceReader {
    static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]*");
    static final List<String> KEYS = List.of("command", "cwd", "port", "optional", "task", "depends_on", "health",
            "start_timeout", "stop_signal", "stop_timeout", "stop_command", "restart", "binds_to", "keep_detached",
            "env_file", "env", "force_color");

    /** One depends_on entry before conditions are settled (the list shorthand needs every service read). */
    record DependencyRef(String name, Condition condition, KeyPath path) {
        boolean shorthand() {
            return condition == null;
        }
    }

    /**
     * @param portUncertain the port was written but invalid: references to it must not be reported
     *                      as "has no port" on top of the real error
     */
    record ServiceDraft(ServiceConfig config, KeyPath path, List<DependencyRef> dependencies,
                        boolean hadErrors, boolean portUncertain) {
    }

    private final Fields fields;
    private final Problems problems;
    private final ProjectConfig project;

    ServiceReader(Fields fields, ProjectConfig project) {
        this.fields = fields;
        this.problems = fields.problems();
        this.project = project;
    }

    static boolean isPortNumber(String s) {
        try {
            int p = Integer.parseInt(s);
            return p >= 1 && p <= 65535;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    ServiceDraft read(String name, JsonNode node, KeyPath path) {
        int errorsBefore = problems.size();
        if (!NAME.matcher(name).matches()) {
            problems.atKey(path, ConfigError.Kind.INVALID_NAME, "invalid service name `" + name + "`",
                    "use letters, digits, `-` and `_`, starting with a letter or digit, e.g. [services.my-api]");
        }
        Optional<ObjectNode> table = fields.table(node, path);
        ObjectNode t = table.orElseGet(JsonNodeFactory.instance::objectNode);
        if (table.isPresent()) {
            fields.rejectUnknownKeys(t, path, KEYS, "[" + path + "]");
        }

        String command = "";
        if (t.has("command")) {
            command = fields.nonBlankString(t.get("command"), path.key("command"), "e.g. command = \"npm run dev\"")
                    .orElse("");
        } else if (table.isPresent()) {
            problems.at(problems.sources().table(path), ConfigError.Kind.MISSING_KEY,
                    "service `" + name + "` has no `command`", "add e.g. command = \"npm run dev\" to [" + path + "]");
        }
        PortRead portRead = t.has("port") ? port(t.get("port"), path.key("port")) : new PortRead(PortSpec.NONE, true);
        PortSpec port = portRead.spec();
        boolean task = flag(t, path, "task", false);
        HealthSpec health = t.has("health")
                ? new HealthReader(fields).read(t.get("health"), path.key("health"))
                : new HealthSpec.Default(HealthSpec.Timing.DEFAULT);
        if (health instanceof HealthSpec.Http http && http.target().startsWith("/") && !port.present()
                && portRead.valid()) {
            problems.atValue(path.key("health").key("http"), ConfigError.Kind.CONFLICT,
                    "`" + path + ".health.http` = \"" + http.target() + "\" needs a port, but service `" + name
                            + "` has none",
                    "add port = 8080 (or port = \"auto\") to [" + path + "], or give a full URL");
        }
        List<DependencyRef> deps = t.has("depends_on") ? dependencies(t.get("depends_on"), path.key("depends_on"))
                : List.of();
        Map<String, Condition> provisional = new LinkedHashMap<>();
        deps.forEach(d -> provisional.putIfAbsent(d.name(), d.shorthand() ? Condition.STARTED : d.condition()));

        ServiceConfig config = new ServiceConfig(
                name,
                problems.sources().table(path),
                command,
                optionalString(t, path, "cwd").orElse(null),
                port,
                flag(t, path, "optional", false),
                task,
                provisional,
                health,
                duration(t, path, "start_timeout", true).orElse(ServiceConfig.DEFAULT_START_TIMEOUT),
                signal(t, path),
                duration(t, path, "stop_timeout", false).orElse(project.stopTimeout()),
                optionalString(t, path, "stop_command").orElse(null),
                restart(t, path, task),
                optionalString(t, path, "binds_to").orElse(null),
                flag(t, path, "keep_detached", false),
                ProjectReader.envFiles(fields, t, path, true),
                t.has("env") ? fields.env(t.get("env"), path.key("env")) : Map.of(),
                t.has("force_color") ? fields.bool(t.get("force_color"), path.key("force_color")).orElse(null) : null);
        return new ServiceDraft(config, path, deps, problems.size() > errorsBefore, !portRead.valid());
    }

    /** @param valid false when a port was written but rejected: the service may well need one */
    private record PortRead(PortSpec spec, boolean valid) {
    }

    private PortRead port(JsonNode node, KeyPath path) {
        String hint = "use a number between 1 and 65535 (e.g. port = 8080) or port = \"auto\" for a free port";
        if (node.isTextual()) {
            if (node.textValue().equals("auto")) {
                return new PortRead(PortSpec.AUTO, true);
            }
            String h = isPortNumber(node.textValue().trim())
                    ? "write the number without quotes: port = " + node.textValue().trim() : hint;
            problems.atValue(path, ConfigError.Kind.INVALID_PORT, "`" + path + "` is not a port: \"" + node.textValue() + "\"", h);
            return new PortRead(PortSpec.NONE, false);
        }
        if (node.isIntegralNumber()) {
            if (node.canConvertToInt() && node.intValue() >= 1 && node.intValue() <= 65535) {
                return new PortRead(new PortSpec.Fixed(node.intValue()), true);
            }
            problems.atValue(path, ConfigError.Kind.INVALID_PORT, "`" + path + "` = " + node + " is out of range", hint);
            return new PortRead(PortSpec.NONE, false);
        }
        fields.wrongType(node, path, "an integer or \"auto\"", "8080 or port = \"auto\"");
        return new PortRead(PortSpec.NONE, false);
    }

    /** {@code ["db", "api"]} (shorthand) or {@code { db = "healthy", migrate = "completed" }}. */
    private List<DependencyRef> dependencies(JsonNode node, KeyPath path) {
        List<DependencyRef> deps = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                KeyPath element = path.index(i);
                Optional<String> dep = fields.string(node.get(i), element);
                if (dep.isEmpty()) {
                    continue;
                }
                if (!seen.add(dep.get())) {
                    problems.atValue(element, ConfigError.Kind.CONFLICT,
                            "`" + dep.get() + "` is listed twice in `" + path + "`", "remove one of them");
                    continue;
                }
                deps.add(new DependencyRef(dep.get(), null, element));
            }
            return deps;
        }
        if (!node.isObject()) {
            fields.wrongType(node, path, "an array of service names or a table of conditions",
                    "[\"db\"] or depends_on = { db = \"healthy\" }");
            return deps;
        }
        node.fields().forEachRemaining(e -> {
            KeyPath entry = path.key(e.getKey());
            Optional<String> text = fields.string(e.getValue(), entry);
            if (text.isEmpty()) {
                return;
            }
            Optional<Condition> c = Condition.parse(text.get());
            if (c.isEmpty()) {
                problems.atValue(entry, ConfigError.Kind.INVALID_CONDITION,
                        "`" + entry + "` is not a condition: \"" + text.get() + "\"",
                        Suggest.closest(text.get(), List.of("started", "healthy", "completed"))
                                .map(s -> "did you mean \"" + s + "\"? ").orElse("")
                                + "use \"started\", \"healthy\" or \"completed\", e.g. { " + e.getKey() + " = \"healthy\" }");
                return;
            }
            deps.add(new DependencyRef(e.getKey(), c.get(), entry));
        });
        return deps;
    }

    private RestartPolicy restart(ObjectNode t, KeyPath path, boolean task) {
        if (!t.has("restart")) {
            return RestartPolicy.NO;
        }
        KeyPath p = path.key("restart");
        Optional<String> text = fields.string(t.get("restart"), p);
        if (text.isEmpty()) {
            return RestartPolicy.NO;
        }
        Optional<RestartPolicy> policy = RestartPolicy.parse(text.get());
        if (policy.isEmpty()) {
            problems.atValue(p, ConfigError.Kind.INVALID_VALUE, "`" + p + "` is not a restart policy: \"" + text.get() + "\"",
                    "use \"no\", \"on-failure\" or \"always\", e.g. restart = \"on-failure\"");
            return RestartPolicy.NO;
        }
        if (task && policy.get() == RestartPolicy.ALWAYS) {
            problems.atValue(p, ConfigError.Kind.CONFLICT,
                    "task `" + path.last() + "` has restart = \"always\": a task runs once and completes",
                    "use restart = \"on-failure\" to retry a failing task, or drop task = true");
        }
        return policy.get();
    }

    private Signal signal(ObjectNode t, KeyPath path) {
        if (!t.has("stop_signal")) {
            return Signal.TERM;
        }
        KeyPath p = path.key("stop_signal");
        Optional<String> text = fields.string(t.get("stop_signal"), p);
        if (text.isEmpty()) {
            return Signal.TERM;
        }
        Optional<Signal> s = Signal.parse(text.get());
        // SIGSTOP and SIGCONT never end a process: a stop with them would always run into the timeout.
        if (s.isEmpty() || s.get().equals(Signal.STOP) || s.get().equals(Signal.CONT)) {
            problems.atValue(p, ConfigError.Kind.INVALID_SIGNAL, "`" + p + "` is not a signal that stops a process: \""
                    + text.get() + "\"", "use e.g. \"SIGTERM\", \"SIGINT\", \"SIGQUIT\" or \"SIGHUP\" (SIG is optional)");
            return Signal.TERM;
        }
        return s.get();
    }

    private boolean flag(ObjectNode t, KeyPath path, String key, boolean dflt) {
        return t.has(key) ? fields.bool(t.get(key), path.key(key)).orElse(dflt) : dflt;
    }

    private Optional<String> optionalString(ObjectNode t, KeyPath path, String key) {
        return t.has(key) ? fields.nonBlankString(t.get(key), path.key(key), "remove the key or give it a value")
                : Optional.empty();
    }

    private Optional<Duration> duration(ObjectNode t, KeyPath path, String key, boolean positive) {
        return t.has(key) ? fields.duration(t.get(key), path.key(key), positive) : Optional.empty();
    }
}
