package dev.ui;

import dev.orchestrator.Failure;
import dev.orchestrator.ServiceSnapshot;
import dev.orchestrator.ServiceState;
import dev.orchestrator.StackSnapshot;
import java.time.Instant;
import java.util.List;

/** Snapshots for rendering tests, at a fixed moment so output is exact. */
final class Snapshots {
    /** "Now" in every rendering test; services entered their state {@link #since} seconds before. */
    static final Instant NOW = Instant.parse("2025-01-01T12:00:00.000Z");

    private Snapshots() {
    }

    static ServiceSnapshot service(String name, ServiceState state) {
        return new Svc(name, state).build();
    }

    static Svc svc(String name, ServiceState state) {
        return new Svc(name, state);
    }

    static StackSnapshot stack(ServiceSnapshot... services) {
        return new StackSnapshot("shop", "run-1", NOW.minusSeconds(30), List.of(services), false);
    }

    static StackSnapshot stopping(ServiceSnapshot... services) {
        return new StackSnapshot("shop", "run-1", NOW.minusSeconds(30), List.of(services), true);
    }

    /** A mutable builder; {@link #build} makes the immutable snapshot. */
    static final class Svc {
        private final String name;
        private final ServiceState state;
        private Integer port;
        private String url;
        private long sinceSeconds = 3;
        private Failure failure;
        private List<String> waitingFor = List.of();
        private boolean optional;
        private boolean task;

        Svc(String name, ServiceState state) {
            this.name = name;
            this.state = state;
        }

        Svc port(int p) {
            this.port = p;
            return this;
        }

        Svc url(String u) {
            this.url = u;
            return this;
        }

        Svc since(long seconds) {
            this.sinceSeconds = seconds;
            return this;
        }

        Svc failure(Failure.Kind kind, String detail) {
            this.failure = new Failure(kind, detail, "try again");
            return this;
        }

        Svc waitingFor(String... deps) {
            this.waitingFor = List.of(deps);
            return this;
        }

        Svc optional() {
            this.optional = true;
            return this;
        }

        Svc task() {
            this.task = true;
            return this;
        }

        ServiceSnapshot build() {
            Instant since = NOW.minusSeconds(sinceSeconds);
            boolean alive = state.hasProcess();
            return new ServiceSnapshot(name, state, alive ? 4242 : 0, alive ? 4242 : 0, alive ? since : null, port, url,
                    since, alive ? since : null, 0, null, failure, waitingFor, null, optional, task);
        }
    }
}
