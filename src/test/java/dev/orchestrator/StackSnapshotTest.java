package dev.orchestrator;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The stack-wide verdicts the console's "stack is up" line and --wait rely on. */
class StackSnapshotTest {
    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    static ServiceSnapshot service(String name, ServiceState state, boolean optional) {
        return new ServiceSnapshot(name, state, 0, 0, null, null, null, T0, null, 0, null, null, List.of(), null,
                optional, false);
    }

    static StackSnapshot stack(ServiceSnapshot... services) {
        return new StackSnapshot("p", "run", T0, List.of(services), false);
    }

    @Test
    void upWhenEveryRequiredServiceIsUpWhateverTheOptionalOnesDo() {
        assertTrue(stack(service("db", ServiceState.HEALTHY, false), service("seed", ServiceState.COMPLETED, false),
                service("metrics", ServiceState.STARTING, true)).allUp());
        assertFalse(stack(service("db", ServiceState.HEALTHY, false), service("api", ServiceState.UNHEALTHY, false))
                .allUp());
    }

    @Test
    void aStackOfOnlyOptionalServicesIsNotUpBeforeTheyAre() {
        assertFalse(stack(service("a", ServiceState.PENDING, true), service("b", ServiceState.STARTING, true))
                .allUp(), "nothing has started yet");
        assertTrue(stack(service("a", ServiceState.RUNNING, true), service("b", ServiceState.FAILED, true)).allUp());
    }
}
