package dev.init;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What {@code dev init} needs from a package.json: its scripts, every dependency name, and the
 * package manager its lock file reveals.
 */
record NodeManifest(Map<String, String> scripts, Set<String> dependencies, String packageManager) {
    private static final ObjectMapper JSON = new ObjectMapper();

    NodeManifest {
        scripts = Map.copyOf(scripts);
        dependencies = Set.copyOf(dependencies);
    }

    /** Reads {@code dir/package.json}; empty when there is none or it is not valid JSON. */
    static Optional<NodeManifest> read(Path dir) {
        Optional<String> text = ProjectFiles.read(dir.resolve("package.json"));
        if (text.isEmpty()) {
            return Optional.empty();
        }
        JsonNode root;
        try {
            root = JSON.readTree(text.get());
        } catch (IOException e) {
            return Optional.empty();
        }
        if (root == null || !root.isObject()) {
            return Optional.empty();
        }
        Map<String, String> scripts = new LinkedHashMap<>();
        JsonNode s = root.path("scripts");
        for (Iterator<Map.Entry<String, JsonNode>> it = s.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getValue().isTextual()) {
                scripts.put(e.getKey(), e.getValue().asText());
            }
        }
        Set<String> deps = new LinkedHashSet<>();
        for (String section : new String[] {"dependencies", "devDependencies", "peerDependencies"}) {
            root.path(section).fieldNames().forEachRemaining(deps::add);
        }
        return Optional.of(new NodeManifest(scripts, deps, packageManager(dir)));
    }

    private static String packageManager(Path dir) {
        if (java.nio.file.Files.exists(dir.resolve("pnpm-lock.yaml"))) {
            return "pnpm";
        }
        if (java.nio.file.Files.exists(dir.resolve("yarn.lock"))) {
            return "yarn";
        }
        if (java.nio.file.Files.exists(dir.resolve("bun.lockb")) || java.nio.file.Files.exists(dir.resolve("bun.lock"))) {
            return "bun";
        }
        return "npm";
    }

    boolean uses(String dependency) {
        return dependencies.contains(dependency);
    }

    /** How to run one of its scripts with its package manager ({@code npm run dev}, {@code yarn dev} …). */
    String runScript(String script) {
        return switch (packageManager) {
            case "yarn" -> "yarn " + script;
            case "pnpm" -> "pnpm run " + script;
            case "bun" -> "bun run " + script;
            default -> "npm run " + script;
        };
    }
}
