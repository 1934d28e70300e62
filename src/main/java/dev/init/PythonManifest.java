package dev.init;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Python dependencies a directory declares, from pyproject.toml (PEP 621, Poetry, dependency
 * groups), requirements*.txt and Pipfile, with names normalised (lower case, '-' for '_' and '.').
 */
record PythonManifest(Set<String> dependencies, List<String> files) {
    private static final TomlMapper TOML = new TomlMapper();
    private static final Pattern REQUIREMENT_NAME = Pattern.compile("^\\s*([A-Za-z0-9][A-Za-z0-9._-]*)");
    private static final List<String> REQUIREMENT_FILES = List.of("requirements.txt", "requirements-dev.txt",
            "requirements_dev.txt", "requirements/base.txt", "requirements/dev.txt", "requirements/development.txt");

    PythonManifest {
        dependencies = Set.copyOf(dependencies);
        files = List.copyOf(files);
    }

    static Optional<PythonManifest> read(Path dir) {
        Set<String> deps = new LinkedHashSet<>();
        List<String> files = new ArrayList<>();
        ProjectFiles.read(dir.resolve("pyproject.toml")).ifPresent(text -> {
            files.add("pyproject.toml");
            readPyproject(text, deps);
        });
        for (String name : REQUIREMENT_FILES) {
            ProjectFiles.read(dir.resolve(name)).ifPresent(text -> {
                files.add(name);
                text.lines().forEach(line -> requirementName(line).ifPresent(deps::add));
            });
        }
        ProjectFiles.read(dir.resolve("Pipfile")).ifPresent(text -> {
            files.add("Pipfile");
            JsonNode root = parseToml(text);
            root.path("packages").fieldNames().forEachRemaining(n -> deps.add(normalize(n)));
            root.path("dev-packages").fieldNames().forEachRemaining(n -> deps.add(normalize(n)));
        });
        return files.isEmpty() ? Optional.empty() : Optional.of(new PythonManifest(deps, files));
    }

    boolean uses(String dependency) {
        return dependencies.contains(dependency);
    }

    private static void readPyproject(String text, Set<String> deps) {
        JsonNode root = parseToml(text);
        root.path("project").path("dependencies").forEach(n -> requirementName(n.asText()).ifPresent(deps::add));
        root.path("project").path("optional-dependencies")
                .forEach(group -> group.forEach(n -> requirementName(n.asText()).ifPresent(deps::add)));
        root.path("dependency-groups")
                .forEach(group -> group.forEach(n -> requirementName(n.asText()).ifPresent(deps::add)));
        JsonNode poetry = root.path("tool").path("poetry");
        poetry.path("dependencies").fieldNames().forEachRemaining(n -> deps.add(normalize(n)));
        poetry.path("dev-dependencies").fieldNames().forEachRemaining(n -> deps.add(normalize(n)));
        poetry.path("group").forEach(group -> group.path("dependencies").fieldNames()
                .forEachRemaining(n -> deps.add(normalize(n))));
    }

    /** A syntax error leaves the file with no dependencies rather than failing dev init. */
    private static JsonNode parseToml(String text) {
        try {
            JsonNode root = TOML.readTree(text);
            return root == null ? TOML.createObjectNode() : root;
        } catch (IOException e) {
            return TOML.createObjectNode();
        }
    }

    /** The distribution name of a requirement line ("Django>=4.2 ; python_version…" → "django"). */
    static Optional<String> requirementName(String line) {
        String s = line.strip();
        if (s.isEmpty() || s.startsWith("#") || s.startsWith("-")) {
            return Optional.empty(); // comments and pip options (-r, -e, --index-url)
        }
        Matcher m = REQUIREMENT_NAME.matcher(s);
        return m.find() ? Optional.of(normalize(m.group(1))) : Optional.empty();
    }

    /** PEP 503 normalisation, so "Flask", "flask" and "psycopg2_binary" compare as expected. */
    static String normalize(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[-_.]+", "-");
    }
}
