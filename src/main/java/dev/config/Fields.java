package dev.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Typed reads from the Jackson tree. Each method either returns the value or records an error at
 * the value's position and returns empty, so readers carry on and report every problem of a file.
 */
final class Fields {
    static final String DURATION_EXAMPLES = "write a number and a unit, e.g. \"250ms\", \"10s\", \"2m\" or \"1m30s\"";

    /**
     * Names other tools use for dev's keys (docker compose, Procfile runners, pm2): suggested even
     * when the spelling is far from the real key.
     */
    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("cmd", "command"), Map.entry("run", "command"), Map.entry("script", "command"),
            Map.entry("environment", "env"), Map.entry("envs", "env"), Map.entry("env_files", "env_file"),
            Map.entry("dotenv", "env_file"), Map.entry("working_dir", "cwd"), Map.entry("workdir", "cwd"),
            Map.entry("dir", "cwd"), Map.entry("directory", "cwd"), Map.entry("ports", "port"),
            Map.entry("depends", "depends_on"), Map.entry("requires", "depends_on"), Map.entry("after", "depends_on"),
            Map.entry("healthcheck", "health"), Map.entry("health_check", "health"), Map.entry("check", "health"),
            Map.entry("restart_policy", "restart"), Map.entry("signal", "stop_signal"), Map.entry("kill_signal", "stop_signal"),
            Map.entry("grace_period", "stop_timeout"), Map.entry("stop_grace_period", "stop_timeout"),
            Map.entry("oneshot", "task"), Map.entry("one_shot", "task"), Map.entry("once", "task"),
            Map.entry("bind_to", "binds_to"), Map.entry("bound_to", "binds_to"), Map.entry("url", "http"),
            Map.entry("cmd_check", "exec"), Map.entry("command_check", "exec"), Map.entry("period", "interval"));

    private final Problems problems;

    Fields(Problems problems) {
        this.problems = problems;
    }

    Problems problems() {
        return problems;
    }

    /** Reports every key of {@code table} that is not in {@code known}, with a did-you-mean hint. */
    void rejectUnknownKeys(ObjectNode table, KeyPath path, Collection<String> known, String where) {
        for (Iterator<String> it = table.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!known.contains(key)) {
                String alias = ALIASES.get(key.toLowerCase(Locale.ROOT));
                String hint = alias != null && known.contains(alias) ? "did you mean `" + alias + "`?"
                        : Suggest.hint(key, known, "valid keys are");
                problems.atKey(path.key(key), ConfigError.Kind.UNKNOWN_KEY, "unknown key `" + key + "` in " + where, hint);
            }
        }
    }

    Optional<ObjectNode> table(JsonNode node, KeyPath path) {
        if (node instanceof ObjectNode o) {
            return Optional.of(o);
        }
        wrongType(node, path, "a table", "{ ... }");
        return Optional.empty();
    }

    Optional<String> string(JsonNode node, KeyPath path) {
        if (node.isTextual()) {
            return Optional.of(node.textValue());
        }
        wrongType(node, path, "a string", "\"...\" (in quotes)");
        return Optional.empty();
    }

    /** A string that must not be empty or blank (commands, names). */
    Optional<String> nonBlankString(JsonNode node, KeyPath path, String example) {
        Optional<String> s = string(node, path);
        if (s.isPresent() && s.get().isBlank()) {
            problems.atValue(path, ConfigError.Kind.INVALID_VALUE, "`" + path + "` is empty", example);
            return Optional.empty();
        }
        return s;
    }

    Optional<Boolean> bool(JsonNode node, KeyPath path) {
        if (node.isBoolean()) {
            return Optional.of(node.booleanValue());
        }
        wrongType(node, path, "a boolean", "true or false (no quotes)");
        return Optional.empty();
    }

    Optional<Long> integer(JsonNode node, KeyPath path) {
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            return Optional.of(node.longValue());
        }
        wrongType(node, path, "an integer", "3 (no quotes)");
        return Optional.empty();
    }

    /**
     * A duration string. A bare number is refused with a hint rather than guessed: {@code 10}
     * could mean seconds or milliseconds.
     *
     * @param positive whether zero is refused (intervals and timeouts must be above zero)
     */
    Optional<Duration> duration(JsonNode node, KeyPath path, boolean positive) {
        if (node.isNumber()) {
            problems.atValue(path, ConfigError.Kind.INVALID_DURATION,
                    "`" + path + "` = " + node + " has no unit", "write \"" + node + "s\" or \"" + node + "ms\"");
            return Optional.empty();
        }
        Optional<String> text = string(node, path);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        Optional<Duration> d = Durations.parse(text.get());
        if (d.isEmpty()) {
            problems.atValue(path, ConfigError.Kind.INVALID_DURATION,
                    "`" + path + "` is not a valid duration: \"" + text.get() + "\"", DURATION_EXAMPLES);
            return Optional.empty();
        }
        if (positive && d.get().isZero()) {
            problems.atValue(path, ConfigError.Kind.INVALID_DURATION,
                    "`" + path + "` must be longer than zero, not \"" + text.get() + "\"", "e.g. \"1s\"");
            return Optional.empty();
        }
        return d;
    }

    /** A size such as {@code "10MB"}; a plain integer is a number of bytes. */
    OptionalLong size(JsonNode node, KeyPath path) {
        String hint = "write a number and a unit, e.g. \"512KB\", \"10MB\" or \"1GB\"";
        OptionalLong bytes;
        String shown;
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            bytes = OptionalLong.of(node.longValue());
            shown = node.toString();
        } else if (node.isTextual()) {
            bytes = Sizes.parse(node.textValue());
            shown = "\"" + node.textValue() + "\"";
        } else {
            wrongType(node, path, "a size", "\"10MB\"");
            return OptionalLong.empty();
        }
        if (bytes.isEmpty() || bytes.getAsLong() <= 0) {
            problems.atValue(path, ConfigError.Kind.INVALID_SIZE, "`" + path + "` is not a valid size: " + shown, hint);
            return OptionalLong.empty();
        }
        return bytes;
    }

    /** A string or an array of strings (env_file). */
    Optional<List<IndexedString>> stringOrList(JsonNode node, KeyPath path) {
        List<IndexedString> out = new ArrayList<>();
        if (node.isTextual()) {
            out.add(new IndexedString(node.textValue(), path));
            return Optional.of(out);
        }
        if (!node.isArray()) {
            wrongType(node, path, "a string or an array of strings", "[\".env\", \".env.local\"]");
            return Optional.empty();
        }
        for (int i = 0; i < node.size(); i++) {
            KeyPath element = path.index(i);
            string(node.get(i), element).ifPresent(s -> out.add(new IndexedString(s, element)));
        }
        return Optional.of(out);
    }

    /** A string together with the path it was read from, to report later errors about it. */
    record IndexedString(String value, KeyPath path) {
    }

    /**
     * An {@code env} table. Values are strings; integers and booleans are taken as written
     * ({@code DEBUG = true} means "true"), since every environment value is text anyway.
     */
    Map<String, String> env(JsonNode node, KeyPath path) {
        Map<String, String> env = new LinkedHashMap<>();
        Optional<ObjectNode> table = table(node, path);
        if (table.isEmpty()) {
            return env;
        }
        table.get().fields().forEachRemaining(e -> {
            KeyPath p = path.key(e.getKey());
            String name = e.getKey();
            if (name.isEmpty() || name.indexOf('=') >= 0 || name.indexOf('\0') >= 0) {
                problems.atKey(p, ConfigError.Kind.INVALID_NAME,
                        "`" + name + "` cannot be an environment variable name",
                        "use letters, digits and `_`, e.g. DATABASE_URL");
                return;
            }
            JsonNode v = e.getValue();
            if (v.isTextual()) {
                env.put(name, v.textValue());
            } else if ((v.isIntegralNumber() && v.canConvertToLong()) || v.isBoolean()) {
                env.put(name, v.asText());
            } else {
                wrongType(v, p, "a string", "\"value\"");
            }
        });
        return env;
    }

    /** @param sample how a correct value is written, shown in the hint */
    void wrongType(JsonNode node, KeyPath path, String expected, String sample) {
        String assignment = path.last().startsWith("[") ? sample : path.last() + " = " + sample;
        problems.atValue(path, ConfigError.Kind.WRONG_TYPE,
                "`" + path + "` must be " + expected + ", not " + describe(node), "write " + assignment);
    }

    /** How a value reads to a user: {@code a boolean (true)}, {@code a table}. */
    static String describe(JsonNode node) {
        if (node.isTextual()) {
            return "a string (\"" + node.textValue() + "\")";
        }
        if (node.isIntegralNumber()) {
            return "an integer (" + node + ")";
        }
        if (node.isNumber()) {
            return "a float (" + node + ")";
        }
        if (node.isBoolean()) {
            return "a boolean (" + node + ")";
        }
        if (node.isArray()) {
            return "an array";
        }
        if (node.isObject()) {
            return "a table";
        }
        return "`" + node + "`";
    }
}
