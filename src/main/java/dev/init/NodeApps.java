package dev.init;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Turns a package.json into a service: Vite and Next.js by name, otherwise its dev (or start) script. */
final class NodeApps {
    private static final Set<String> FRONTEND_LIBRARIES = Set.of("react", "react-dom", "vue", "svelte",
            "@sveltejs/kit", "@angular/core", "solid-js", "preact", "astro", "nuxt", "@remix-run/dev", "react-scripts");
    private static final Set<String> SERVER_LIBRARIES = Set.of("express", "fastify", "koa", "@nestjs/core", "hono",
            "@hapi/hapi", "restify", "@adonisjs/core");

    private NodeApps() {
    }

    static Optional<Finding> detect(String rel, NodeManifest m) {
        String dev = m.scripts().getOrDefault("dev", "");
        if (m.uses("vite") || dev.matches(".*\\bvite\\b.*")) {
            // --host 127.0.0.1: Vite listens on "localhost", which Node may resolve to ::1 only,
            // and dev's http check asks 127.0.0.1.
            ServiceDraft d = ServiceDraft.of("web", Role.FRONTEND, "npx vite --host 127.0.0.1 --port ${port} --strictPort",
                    rel, new Port.Fixed(5173), new Health.Http("/"),
                    List.of("Vite dev server (vite in " + manifest(rel) + "); --strictPort makes a taken port an error",
                            "instead of a silent move to another one."));
            return Optional.of(new Finding(d, "Vite app " + ProjectFiles.where(rel) + " (package.json)"));
        }
        if (m.uses("next")) {
            ServiceDraft d = ServiceDraft.of("web", Role.FRONTEND, "npx next dev -p ${port}", rel, new Port.Fixed(3000),
                    Health.NONE,
                    List.of("Next.js dev server (next in " + manifest(rel) + "). Next compiles a page on its first request,",
                            "so readiness is the default tcp check on the port rather than an http one."));
            return Optional.of(new Finding(d, "Next.js app " + ProjectFiles.where(rel) + " (package.json)"));
        }
        String script = m.scripts().containsKey("dev") ? "dev" : m.scripts().containsKey("start") ? "start" : null;
        if (script == null) {
            return Optional.empty();
        }
        Role role = m.dependencies().stream().anyMatch(SERVER_LIBRARIES::contains) ? Role.BACKEND
                : m.dependencies().stream().anyMatch(FRONTEND_LIBRARIES::contains) ? Role.FRONTEND
                : Role.PROCESS;
        String kind = switch (role) {
            case BACKEND -> "Node.js server";
            case FRONTEND -> "Node.js frontend";
            default -> "Node.js app";
        };
        ServiceDraft d = ServiceDraft.of(defaultName(role, rel), role, m.runScript(script), rel, Port.NONE, Health.NONE,
                List.of("the \"" + script + "\" script of " + manifest(rel) + ". If it listens on $PORT, add",
                        "port = \"auto\" (dev then exports PORT and checks the port before calling it ready)."));
        return Optional.of(new Finding(d, kind + " " + ProjectFiles.where(rel) + " (package.json \"" + script + "\" script)"));
    }

    private static String defaultName(Role role, String rel) {
        return switch (role) {
            case BACKEND -> "api";
            case FRONTEND -> "web";
            default -> rel.isEmpty() ? "app" : rel;
        };
    }

    private static String manifest(String rel) {
        return rel.isEmpty() ? "package.json" : rel + "/package.json";
    }
}
