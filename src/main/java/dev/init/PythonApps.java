package dev.init;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Django (manage.py), FastAPI/Starlette via uvicorn, and Flask, run with the project's virtualenv when it has one. */
final class PythonApps {
    private PythonApps() {
    }

    static Optional<Finding> detect(Path dir, String rel, Optional<PythonManifest> manifest, ExecutableLookup lookup) {
        boolean managePy = Files.isRegularFile(dir.resolve("manage.py"));
        if (manifest.isEmpty() && !managePy) {
            return Optional.empty();
        }
        Interpreter py = Interpreter.of(dir, lookup);
        String source = manifest.map(m -> String.join(", ", m.files())).orElse("manage.py");
        if (managePy) {
            ServiceDraft d = ServiceDraft.of("api", Role.BACKEND, py.python() + " manage.py runserver 127.0.0.1:${port}",
                    rel, new Port.Fixed(8000), new Health.Http("/"),
                    List.of("Django development server (manage.py" + py.note() + ")."));
            return Optional.of(new Finding(d, "Django app " + ProjectFiles.where(rel) + " (manage.py)"));
        }
        PythonManifest m = manifest.get();
        if (m.uses("fastapi") || m.uses("uvicorn") || m.uses("starlette")) {
            String framework = m.uses("fastapi") ? "FastAPI" : "Starlette";
            Optional<PythonSources.AppObject> app = PythonSources.find(dir, PythonSources.assignmentOf(framework));
            List<String> comments = new ArrayList<>();
            String target = app.map(PythonSources.AppObject::target).orElse("app:app");
            String appDir = app.filter(PythonSources.AppObject::underSrc).isPresent() ? " --app-dir src" : "";
            comments.add(framework + " app served by uvicorn (" + source + py.note() + ").");
            if (app.isEmpty()) {
                comments.add("No `app = " + framework + "()` was found: point app:app at your module:variable.");
            }
            comments.add("Add --reload to restart it when the code changes.");
            ServiceDraft d = ServiceDraft.of("api", Role.BACKEND,
                    py.tool("uvicorn") + " " + target + appDir + " --port ${port}", rel, new Port.Fixed(8000),
                    new Health.Http("/"), comments);
            return Optional.of(new Finding(d, framework + " app " + ProjectFiles.where(rel) + " (" + source + ")"));
        }
        if (m.uses("flask")) {
            Optional<PythonSources.AppObject> app = PythonSources.find(dir, PythonSources.assignmentOf("Flask"))
                    .filter(a -> !a.underSrc());
            // Without --app, flask finds app.py or wsgi.py by itself.
            String appOption = app.map(a -> " --app " + a.target()).orElse("");
            ServiceDraft d = ServiceDraft.of("api", Role.BACKEND,
                    py.tool("flask") + appOption + " run --port ${port}", rel, new Port.Fixed(5000),
                    new Health.Http("/"), List.of("Flask development server (" + source + py.note() + ")."));
            return Optional.of(new Finding(d, "Flask app " + ProjectFiles.where(rel) + " (" + source + ")"));
        }
        return Optional.empty();
    }

    /** How to call Python and its console scripts in this directory: its virtualenv first, else PATH. */
    record Interpreter(String binDir, String plainPython) {
        static Interpreter of(Path dir, ExecutableLookup lookup) {
            for (String venv : List.of(".venv", "venv")) {
                if (Files.isRegularFile(dir.resolve(venv).resolve("bin").resolve("python"))) {
                    return new Interpreter(venv + "/bin/", "python");
                }
            }
            boolean onlyPython3 = !lookup.onPath("python") && lookup.onPath("python3");
            return new Interpreter("", onlyPython3 ? "python3" : "python");
        }

        String python() {
            return binDir + plainPython;
        }

        String tool(String name) {
            return binDir + name;
        }

        String note() {
            return binDir.isEmpty() ? "" : "; run from " + binDir.substring(0, binDir.length() - "/bin/".length());
        }
    }
}
