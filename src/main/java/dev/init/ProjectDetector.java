package dev.init;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Looks at a project directory (its root and direct subdirectories) and drafts the services of a
 * starter dev.toml: a Procfile's processes, or else Node.js and Python apps; plus the database
 * servers the project uses (by its dependencies, .env files and compose files) when they are
 * installed. Frontends depend on backends, backends and other processes on databases.
 */
public final class ProjectDetector {
    static final String PLACEHOLDER_NAME = "app";
    private static final List<String> TEXT_HINT_FILES = List.of(".env", ".env.example", ".env.sample", ".env.local",
            ".env.development", "docker-compose.yml", "docker-compose.yaml", "compose.yml", "compose.yaml");

    private ProjectDetector() {
    }

    public static Detection detect(Path root, ExecutableLookup lookup) {
        List<String> notes = new ArrayList<>();
        // An EnumMap keeps the databases in one order, whichever file revealed them first.
        Map<Database, List<String>> evidence = new EnumMap<>(Database.class);
        List<Finding> apps = new ArrayList<>();
        Optional<Procfile.ProcfileFindings> procfile = Procfile.detect(root);
        procfile.ifPresent(p -> apps.addAll(p.findings()));
        for (Path dir : ProjectFiles.candidateDirectories(root)) {
            String rel = ProjectFiles.relative(root, dir);
            Optional<NodeManifest> node = NodeManifest.read(dir);
            Optional<PythonManifest> python = PythonManifest.read(dir);
            node.ifPresent(m -> collectPackageEvidence(m.dependencies(), in(rel, List.of("package.json")), evidence));
            python.ifPresent(m -> collectPackageEvidence(m.dependencies(), in(rel, m.files()), evidence));
            collectTextEvidence(dir, rel, evidence);
            if (procfile.isEmpty()) {
                PythonApps.detect(dir, rel, python, lookup).ifPresent(apps::add);
                node.flatMap(m -> NodeApps.detect(rel, m)).ifPresent(apps::add);
            }
        }
        procfile.ifPresent(p -> notes.add("the processes of " + p.file() + " became services; package.json and"
                + " Python manifests were only read for database hints"));

        List<Finding> services = new ArrayList<>();
        List<Finding> unavailable = new ArrayList<>();
        for (Map.Entry<Database, List<String>> e : evidence.entrySet()) {
            Database db = e.getKey();
            if (runsItself(apps, db)) {
                continue;
            }
            String why = String.join(", ", e.getValue());
            List<String> missing = db.programs.stream().filter(p -> !lookup.onPath(p)).toList();
            List<Finding> drafts = db.drafts(why).stream().map(d -> new Finding(d, "")).toList();
            Finding main = drafts.get(drafts.size() - 1);
            if (missing.isEmpty()) {
                services.addAll(drafts.subList(0, drafts.size() - 1));
                services.add(new Finding(main.draft(), db.title + " (" + why + "; " + db.server() + " on PATH)"));
            } else {
                unavailable.addAll(drafts);
                notes.add(db.title + " is used (" + why + ") but " + String.join(", ", missing)
                        + (missing.size() == 1 ? " is" : " are") + " not on PATH: its services are written commented out");
            }
        }
        services.addAll(uniquelyNamed(apps, services));
        services = distinctFixedPorts(services, notes);
        if (services.isEmpty()) {
            services.add(placeholder());
            notes.add("no app was recognised: edit the command of services." + PLACEHOLDER_NAME);
        }
        return new Detection(Dependencies.wire(services), unavailable, notes);
    }

    private static String in(String rel, List<String> files) {
        String joined = String.join(", ", files);
        return rel.isEmpty() ? joined : rel + "/" + (files.size() == 1 ? joined : "{" + joined + "}");
    }

    private static void collectPackageEvidence(Set<String> packages, String where, Map<Database, List<String>> evidence) {
        for (Database db : Database.values()) {
            packages.stream().filter(db.packages::contains).findFirst()
                    .ifPresent(p -> evidence.computeIfAbsent(db, k -> new ArrayList<>()).add(p + " in " + where));
        }
    }

    private static void collectTextEvidence(Path dir, String rel, Map<Database, List<String>> evidence) {
        for (String file : TEXT_HINT_FILES) {
            ProjectFiles.read(dir.resolve(file)).ifPresent(text -> {
                for (Database db : Database.values()) {
                    if (db.textHint.matcher(text).find()) {
                        evidence.computeIfAbsent(db, k -> new ArrayList<>()).add(rel.isEmpty() ? file : rel + "/" + file);
                    }
                }
            });
        }
    }

    /** A Procfile line that starts the server itself (redis: redis-server …) already is the database. */
    private static boolean runsItself(List<Finding> apps, Database db) {
        return apps.stream().anyMatch(f -> f.draft().command().split("\\s+")[0].endsWith(db.server()));
    }

    /** App names must not clash with each other or with the database services. */
    private static List<Finding> uniquelyNamed(List<Finding> apps, List<Finding> taken) {
        Set<String> used = new HashSet<>();
        taken.forEach(f -> used.add(f.draft().name()));
        List<Finding> out = new ArrayList<>();
        for (Finding f : apps) {
            String name = f.draft().name();
            if (used.contains(name) && !f.draft().cwd().isEmpty()) {
                name = sanitize(f.draft().cwd()); // the second "web" is called after its directory
            }
            String base = name;
            for (int i = 2; used.contains(name); i++) {
                name = base + "-" + i;
            }
            used.add(name);
            out.add(new Finding(f.draft().withName(name), f.summary()));
        }
        return out;
    }

    /** A service name dev accepts: [A-Za-z0-9][A-Za-z0-9_-]*. */
    static String sanitize(String dir) {
        String s = dir.replaceAll("[^A-Za-z0-9_-]+", "-").replaceAll("^[^A-Za-z0-9]+", "");
        return s.isEmpty() ? PLACEHOLDER_NAME : s;
    }

    /** Two services on one fixed port would fail dev check: the later one gets "auto". */
    private static List<Finding> distinctFixedPorts(List<Finding> services, List<String> notes) {
        Set<Integer> used = new HashSet<>();
        List<Finding> out = new ArrayList<>();
        for (Finding f : services) {
            if (f.draft().port() instanceof Port.Fixed fixed && !used.add(fixed.number())) {
                notes.add("services." + f.draft().name() + " would also use port " + fixed.number()
                        + ", so it gets port = \"auto\"");
                out.add(new Finding(f.draft().withPort(Port.AUTO)
                        .withComment("Port " + fixed.number() + " is taken by another service here, so: auto."), f.summary()));
            } else {
                out.add(f);
            }
        }
        return out;
    }

    private static Finding placeholder() {
        ServiceDraft d = ServiceDraft.of(PLACEHOLDER_NAME, Role.PROCESS,
                "echo 'edit dev.toml: replace this command with the one that starts your app' >&2; exit 1", "",
                Port.NONE, Health.NONE,
                List.of("dev init recognised nothing here. Replace the command with the one that starts your app;",
                        "add port = 8080 (or \"auto\") if it listens on one. One [services.NAME] table per process."));
        return new Finding(d, "");
    }
}
