package dev.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads the {@code [project]} table, every key optional. */
final class ProjectReader {
    static final List<String> KEYS = List.of("name", "env_file", "env", "stop_timeout", "log_max_size", "log_max_files");
    static final String DEFAULT_ENV_FILE = ".env";

    private ProjectReader() {
    }

    /** @param node the {@code [project]} table, or null when the file has none */
    static ProjectConfig read(JsonNode node, Path file, Path root, Fields fields) {
        KeyPath path = KeyPath.of("project");
        ObjectNode t = node == null ? null : fields.table(node, path).orElse(null);
        if (t != null) {
            fields.rejectUnknownKeys(t, path, KEYS, "[project]");
        } else {
            t = JsonNodeFactory.instance.objectNode();
        }
        String name = t.has("name")
                ? fields.nonBlankString(t.get("name"), path.key("name"), "e.g. name = \"shop\"").orElse(null)
                : null;
        if (name == null) {
            Path dir = root.toAbsolutePath().normalize().getFileName();
            name = dir == null ? "project" : dir.toString();
        }
        Duration stopTimeout = t.has("stop_timeout")
                ? fields.duration(t.get("stop_timeout"), path.key("stop_timeout"), false)
                        .orElse(ProjectConfig.DEFAULT_STOP_TIMEOUT)
                : ProjectConfig.DEFAULT_STOP_TIMEOUT;
        long logMaxSize = t.has("log_max_size")
                ? fields.size(t.get("log_max_size"), path.key("log_max_size")).orElse(ProjectConfig.DEFAULT_LOG_MAX_SIZE)
                : ProjectConfig.DEFAULT_LOG_MAX_SIZE;
        int logMaxFiles = ProjectConfig.DEFAULT_LOG_MAX_FILES;
        if (t.has("log_max_files")) {
            KeyPath p = path.key("log_max_files");
            Optional<Long> n = fields.integer(t.get("log_max_files"), p);
            if (n.isPresent() && (n.get() < 1 || n.get() > 1000)) {
                fields.problems().atValue(p, ConfigError.Kind.CONFLICT,
                        "`" + p + "` = " + n.get() + " must be between 1 and 1000: the current log file always counts as one",
                        "e.g. log_max_files = 3");
            } else if (n.isPresent()) {
                logMaxFiles = n.get().intValue();
            }
        }
        List<ProjectConfig.EnvFileRef> envFiles = envFiles(fields, t, path, false);
        Map<String, String> env = t.has("env") ? fields.env(t.get("env"), path.key("env")) : Map.of();
        return new ProjectConfig(name, root, file, envFiles, env, stopTimeout, logMaxSize, logMaxFiles);
    }

    /**
     * {@code env_file} of the project or a service. Without the key, a project reads {@code .env}
     * if it exists (not required); a service reads none. An explicit file is required.
     */
    /** Whether {@code text} can name a file at all (no NUL, no unpaired surrogate). */
    private static boolean isPath(String text) {
        try {
            java.nio.file.Path.of(text);
            return true;
        } catch (java.nio.file.InvalidPathException e) {
            return false;
        }
    }

    static List<ProjectConfig.EnvFileRef> envFiles(Fields fields, ObjectNode t, KeyPath path, boolean service) {
        List<ProjectConfig.EnvFileRef> refs = new ArrayList<>();
        if (!t.has("env_file")) {
            if (!service) {
                refs.add(new ProjectConfig.EnvFileRef(DEFAULT_ENV_FILE, false, fields.problems().sources().table(path)));
            }
            return refs;
        }
        KeyPath p = path.key("env_file");
        fields.stringOrList(t.get("env_file"), p).ifPresent(list -> list.forEach(s -> {
            if (s.value().isBlank()) {
                fields.problems().atValue(s.path(), ConfigError.Kind.INVALID_VALUE, "`" + s.path() + "` is empty",
                        "name a file relative to the project root, e.g. \".env.local\"");
            } else if (!isPath(s.value())) {
                fields.problems().atValue(s.path(), ConfigError.Kind.INVALID_VALUE, "`" + s.path() + "` is not a usable "
                        + "file name (it contains a NUL character or an invalid character escape)",
                        "name a file relative to the project root, e.g. \".env.local\"");
            } else {
                refs.add(new ProjectConfig.EnvFileRef(s.value(), true, fields.problems().sources().value(s.path())));
            }
        }));
        return refs;
    }
}
