package dev.init;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/** Builds project fixtures: a map of relative path → content under a root (jimfs or a temp dir). */
final class Projects {
    private Projects() {
    }

    static Path write(Path root, Map<String, String> files) {
        try {
            Files.createDirectories(root);
            for (Map.Entry<String, String> e : files.entrySet()) {
                Path file = root.resolve(e.getKey());
                Files.createDirectories(file.getParent());
                Files.writeString(file, e.getValue(), StandardCharsets.UTF_8);
            }
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A PATH on which exactly these programs exist. */
    static ExecutableLookup pathWith(String... programs) {
        Set<String> present = Set.of(programs);
        return present::contains;
    }

    static final String VITE_PACKAGE = """
            {"name": "web", "scripts": {"dev": "vite", "build": "vite build"},
             "dependencies": {"react": "^18.0.0"}, "devDependencies": {"vite": "^5.0.0"}}
            """;
    static final String NEXT_PACKAGE = """
            {"scripts": {"dev": "next dev"}, "dependencies": {"next": "14.0.0", "react": "18.0.0"}}
            """;
    static final String EXPRESS_PACKAGE = """
            {"scripts": {"dev": "nodemon server.js", "start": "node server.js"},
             "dependencies": {"express": "^4.18.0", "ioredis": "^5.0.0"}}
            """;
    static final String FASTAPI_PYPROJECT = """
            [project]
            name = "api"
            dependencies = ["fastapi>=0.110", "uvicorn[standard]", "psycopg[binary]>=3.1"]
            """;
}
