package dev.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads a {@code health} table into a {@link HealthSpec}; references stay templates until resolving. */
final class HealthReader {
    static final List<String> KINDS = List.of("tcp", "http", "exec", "log");
    static final List<String> KEYS =
            List.of("tcp", "http", "exec", "log", "interval", "timeout", "retries", "start_period", "status");
    private static final String KIND_EXAMPLES =
            "use exactly one of tcp = 5432, http = \"/health\", exec = \"pg_isready\" or log = \"listening on\"";

    private final Fields fields;
    private final Problems problems;

    HealthReader(Fields fields) {
        this.fields = fields;
        this.problems = fields.problems();
    }

    /** @return the spec, or {@link HealthSpec.Default} when the table is unusable (errors recorded) */
    HealthSpec read(JsonNode node, KeyPath path) {
        if (node.isTextual() || node.isIntegralNumber()) {
            // A bare value is a check without its kind: say which kind it most likely is.
            String kind = node.isIntegralNumber() ? "tcp" : node.textValue().startsWith("/")
                    || node.textValue().startsWith("http") ? "http" : "exec";
            fields.wrongType(node, path, "a table", "{ " + kind + " = " + node + " }");
            return new HealthSpec.Default(HealthSpec.Timing.DEFAULT);
        }
        Optional<ObjectNode> table = fields.table(node, path);
        if (table.isEmpty()) {
            return new HealthSpec.Default(HealthSpec.Timing.DEFAULT);
        }
        ObjectNode t = table.get();
        fields.rejectUnknownKeys(t, path, KEYS, "[" + path + "]");
        HealthSpec.Timing timing = timing(t, path);

        List<String> kinds = new ArrayList<>();
        for (String k : KINDS) {
            if (t.has(k)) {
                kinds.add(k);
            }
        }
        if (kinds.isEmpty()) {
            problems.atValue(path, ConfigError.Kind.CONFLICT, "`" + path + "` names no check", KIND_EXAMPLES);
            return new HealthSpec.Default(timing);
        }
        if (kinds.size() > 1) {
            problems.atKey(path.key(kinds.get(1)), ConfigError.Kind.CONFLICT,
                    "`" + path + "` has both `" + kinds.get(0) + "` and `" + kinds.get(1) + "`; a check has exactly one kind",
                    "keep one of them; " + KIND_EXAMPLES);
            return new HealthSpec.Default(timing);
        }
        String kind = kinds.get(0);
        String status = status(t, path, kind);
        KeyPath kindPath = path.key(kind);
        JsonNode value = t.get(kind);
        return switch (kind) {
            case "tcp" -> tcpPort(value, kindPath).<HealthSpec>map(p -> new HealthSpec.Tcp(p, timing))
                    .orElse(new HealthSpec.Default(timing));
            case "http" -> httpTarget(value, kindPath).<HealthSpec>map(u -> new HealthSpec.Http(u, status, timing))
                    .orElse(new HealthSpec.Default(timing));
            case "exec" -> fields.nonBlankString(value, kindPath, "e.g. exec = \"pg_isready -h 127.0.0.1\"")
                    .<HealthSpec>map(c -> new HealthSpec.Exec(c, timing)).orElse(new HealthSpec.Default(timing));
            default -> fields.nonBlankString(value, kindPath, "e.g. log = \"listening on\"")
                    .<HealthSpec>map(r -> new HealthSpec.Log(r, timing)).orElse(new HealthSpec.Default(timing));
        };
    }

    private HealthSpec.Timing timing(ObjectNode t, KeyPath path) {
        HealthSpec.Timing d = HealthSpec.Timing.DEFAULT;
        Duration interval = optionalDuration(t, path, "interval", true).orElse(d.interval());
        Duration timeout = optionalDuration(t, path, "timeout", true).orElse(d.timeout());
        Duration startPeriod = optionalDuration(t, path, "start_period", false).orElse(d.startPeriod());
        int retries = d.retries();
        if (t.has("retries")) {
            KeyPath p = path.key("retries");
            Optional<Long> r = fields.integer(t.get("retries"), p);
            if (r.isPresent() && (r.get() < 1 || r.get() > 1_000_000)) {
                problems.atValue(p, ConfigError.Kind.CONFLICT,
                        "`" + p + "` = " + r.get() + ": a check needs at least one attempt",
                        "e.g. retries = 3 (failures in a row before the service counts as unhealthy)");
            } else if (r.isPresent()) {
                retries = r.get().intValue();
            }
        }
        return new HealthSpec.Timing(interval, timeout, retries, startPeriod);
    }

    private Optional<Duration> optionalDuration(ObjectNode t, KeyPath path, String key, boolean positive) {
        return t.has(key) ? fields.duration(t.get(key), path.key(key), positive) : Optional.empty();
    }

    /** {@code status} is validated here and interpreted when resolving; null when absent or invalid. */
    private String status(ObjectNode t, KeyPath path, String kind) {
        if (!t.has("status")) {
            return null;
        }
        KeyPath p = path.key("status");
        if (!kind.equals("http")) {
            problems.atKey(p, ConfigError.Kind.CONFLICT,
                    "`" + p + "` only applies to http checks, not " + kind, "remove `status`, or use an http check");
            return null;
        }
        JsonNode node = t.get("status");
        String text;
        if (node.isIntegralNumber()) {
            text = node.asText();
        } else if (node.isTextual()) {
            text = node.textValue();
        } else {
            fields.wrongType(node, p, "a string", "\"2xx\"");
            return null;
        }
        if (StatusRange.parse(text).isEmpty()) {
            problems.atValue(p, ConfigError.Kind.INVALID_VALUE,
                    "`" + p + "` is not a status or range: \"" + text + "\"", StatusRange.EXAMPLES);
            return null;
        }
        return text;
    }

    /** {@code tcp = 5432} or a template such as {@code tcp = "${services.db.port}"}. */
    private Optional<String> tcpPort(JsonNode node, KeyPath path) {
        if (node.isIntegralNumber()) {
            if (!node.canConvertToInt() || node.intValue() < 1 || node.intValue() > 65535) {
                problems.atValue(path, ConfigError.Kind.INVALID_PORT,
                        "`" + path + "` = " + node + " is not a port", "use a port between 1 and 65535, e.g. tcp = 5432");
                return Optional.empty();
            }
            return Optional.of(node.asText());
        }
        Optional<String> text = fields.string(node, path);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        String s = text.get().trim();
        if (s.contains("$") || ServiceReader.isPortNumber(s)) {
            return Optional.of(s);
        }
        problems.atValue(path, ConfigError.Kind.INVALID_PORT,
                "`" + path + "` is not a port: \"" + text.get() + "\"",
                "use a port between 1 and 65535 or a reference, e.g. tcp = 5432 or tcp = \"${port}\"");
        return Optional.empty();
    }

    private Optional<String> httpTarget(JsonNode node, KeyPath path) {
        Optional<String> text = fields.nonBlankString(node, path, "e.g. http = \"/health\"");
        if (text.isEmpty()) {
            return Optional.empty();
        }
        String s = text.get();
        if (s.startsWith("/") || s.startsWith("http://") || s.startsWith("https://") || s.startsWith("$")) {
            return Optional.of(s);
        }
        problems.atValue(path, ConfigError.Kind.INVALID_VALUE,
                "`" + path + "` is neither a path nor an http URL: \"" + s + "\"",
                "write a path on the service's port, e.g. http = \"/" + s + "\", or a full URL such as \"http://127.0.0.1:8080/"
                        + s + "\"");
        return Optional.empty();
    }
}
