package dev.init;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Adds the dependencies a starter config should have, by role: backends and other processes wait
 * for the databases (healthy) and for set-up tasks such as a Procfile release (completed);
 * frontends wait for the backends. Then orders the services the way they will start.
 */
final class Dependencies {
    private Dependencies() {
    }

    static List<Finding> wire(List<Finding> services) {
        List<ServiceDraft> drafts = services.stream().map(Finding::draft).toList();
        Set<String> databaseSetup = drafts.stream().filter(d -> d.role() == Role.DATABASE)
                .flatMap(d -> d.dependsOn().stream()).map(Dependency::service).collect(Collectors.toSet());
        List<ServiceDraft> databases = drafts.stream().filter(d -> d.role() == Role.DATABASE).toList();
        List<ServiceDraft> appSetup = drafts.stream()
                .filter(d -> d.role() == Role.SETUP && !databaseSetup.contains(d.name())).toList();
        List<ServiceDraft> backends = drafts.stream().filter(d -> d.role() == Role.BACKEND).toList();

        List<Finding> wired = new ArrayList<>();
        for (Finding f : services) {
            ServiceDraft d = f.draft();
            List<Dependency> deps = new ArrayList<>(d.dependsOn());
            switch (d.role()) {
                case SETUP -> {
                    if (!databaseSetup.contains(d.name())) {
                        databases.forEach(db -> deps.add(Dependency.healthy(db.name())));
                    }
                }
                case DATABASE -> {
                    // only its own set-up task, drafted with it
                }
                case BACKEND, PROCESS -> {
                    databases.forEach(db -> deps.add(Dependency.healthy(db.name())));
                    appSetup.forEach(task -> deps.add(Dependency.completed(task.name())));
                }
                case FRONTEND -> backends.forEach(b -> deps.add(new Dependency(b.name(), readyCondition(b))));
            }
            wired.add(new Finding(d.withDependencies(deps), f.summary()));
        }
        wired.sort(Comparator.comparingInt(f -> rank(f.draft(), databaseSetup)));
        return wired;
    }

    /**
     * What dev's own shorthand would pick: "healthy" when the service has a health check (an
     * explicit one, or the tcp check a port implies), else "started".
     */
    private static String readyCondition(ServiceDraft d) {
        boolean checked = !(d.health() instanceof Health.None) || !(d.port() instanceof Port.None);
        return checked ? "healthy" : "started";
    }

    private static int rank(ServiceDraft d, Set<String> databaseSetup) {
        return switch (d.role()) {
            case SETUP -> databaseSetup.contains(d.name()) ? 0 : 2;
            case DATABASE -> 1;
            case BACKEND, PROCESS -> 3;
            case FRONTEND -> 4;
        };
    }
}
