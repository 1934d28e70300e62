package dev.run;

import dev.orchestrator.StackSnapshot;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/** What the control socket may ask of a running stack (the orchestrator, seen from outside). */
public interface ControlTarget {
    StackSnapshot snapshot();

    CompletableFuture<Void> stop(Set<String> services, boolean force, Duration timeout);

    CompletableFuture<Void> restart(Set<String> services);
}
