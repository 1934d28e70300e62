package dev.orchestrator;

import dev.config.Config;
import dev.config.ConfigLoader;
import dev.plan.StartPlan;
import dev.process.ProcessInfo;
import dev.process.ProcessPlatform;
import dev.testing.Await;
import dev.testing.Processes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * One orchestrated stack of real processes for a test: writes {@code dev.toml} into a temporary project,
 * plans it as {@code dev start} does, runs an {@link Orchestrator} with a {@link Recorder}, and on
 * {@link #close()} stops what is left and SIGKILLs whatever still carries the run's marker.
 */
final class TestStack implements AutoCloseable {
    /** Generous bound for anything that normally takes well under a second. */
    static final Duration WAIT = Duration.ofSeconds(10);
    /** Restart numbers small enough for a crash loop to take a fraction of a second. */
    static final RestartBackoff.Timing FAST_RESTARTS = new RestartBackoff.Timing(Duration.ofMillis(50),
            Duration.ofMillis(200), Duration.ofSeconds(60), 5);

    final ProcessPlatform platform = ProcessPlatform.current();
    final Path root;
    final String runId = Markers.newRunId();
    final Recorder events = new Recorder();
    final Orchestrator orchestrator;

    private TestStack(Path root, String toml, boolean abortOnFailure, RestartBackoff.Timing restarts)
            throws Exception {
        this.root = root;
        Path file = root.resolve("dev.toml");
        Files.writeString(file, toml);
        Config config = ConfigLoader.parse(toml, file, root, System.getenv());
        StartPlan plan = Preparation.plan(config, Set.of(), true, System.getenv(), runId, false, platform, Map.of());
        Orchestrator.Options options = new Orchestrator.Options(runId, root.resolve(".dev/logs"), 10 << 20, 3,
                abortOnFailure);
        this.orchestrator = new Orchestrator(plan, options, platform, events, restarts);
    }

    /** A stack that is created but not started. */
    static TestStack of(Path root, String toml) throws Exception {
        return new TestStack(root, toml, false, FAST_RESTARTS);
    }

    /** A stack already asked to start, with restart numbers of the test's choosing. */
    static TestStack startedWithRestarts(Path root, String toml, RestartBackoff.Timing restarts) throws Exception {
        TestStack stack = new TestStack(root, toml, false, restarts);
        stack.orchestrator.start(Set.of());
        return stack;
    }

    static TestStack abortingOnFailure(Path root, String toml) throws Exception {
        return new TestStack(root, toml, true, FAST_RESTARTS);
    }

    /** A stack already asked to start everything. */
    static TestStack started(Path root, String toml) throws Exception {
        TestStack stack = of(root, toml);
        stack.orchestrator.start(Set.of());
        return stack;
    }

    ServiceSnapshot service(String name) {
        return orchestrator.snapshot().service(name).orElseThrow();
    }

    ServiceState state(String name) {
        return service(name).state();
    }

    /** Waits until {@code service} is in {@code state} right now. */
    ServiceSnapshot awaitState(String service, ServiceState state) {
        return awaitState(service, state, WAIT);
    }

    ServiceSnapshot awaitState(String service, ServiceState state, Duration timeout) {
        Await.until(timeout, () -> state(service) == state,
                () -> service + " to be " + state.keyword() + " (is " + state(service).keyword() + ")\n" + events.log());
        return service(service);
    }

    /** Waits until {@code service} has entered {@code state} at least once; returns that transition. */
    OrchestratorListener.Transition awaitTransition(String service, ServiceState state) {
        Await.until(WAIT, () -> firstTransition(service, state).isPresent(),
                () -> service + " to become " + state.keyword() + "\n" + events.log());
        return firstTransition(service, state).orElseThrow();
    }

    Optional<OrchestratorListener.Transition> firstTransition(String service, ServiceState state) {
        return events.transitions(service).stream().filter(t -> t.to() == state).findFirst();
    }

    /** A graceful stop of the whole stack; returns the run's exit code. */
    int stop() throws Exception {
        orchestrator.stop(Set.of(), false, null);
        return awaitTerminated();
    }

    /** Waits for a start/stop/restart future, with the transitions so far if it does not complete. */
    void await(java.util.concurrent.CompletableFuture<Void> request) throws Exception {
        try {
            request.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("the request did not complete within " + WAIT + "; " + events.log() + "\n"
                    + orchestratorThreads(), e);
        }
    }

    int awaitTerminated() throws Exception {
        try {
            return orchestrator.terminated().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("the run did not end within " + WAIT + "; " + events.log() + "\n"
                    + orchestratorThreads(), e);
        }
    }

    /** Where the orchestrator's own threads are, for a test that timed out. */
    String orchestratorThreads() {
        StringBuilder dump = new StringBuilder("terminated: " + orchestrator.terminated() + "\n");
        Thread.getAllStackTraces().forEach((thread, frames) -> {
            if (thread.getName().startsWith("dev-")) {
                dump.append(thread.getName()).append(" ").append(thread.getState()).append('\n');
                for (StackTraceElement frame : frames) {
                    dump.append("    at ").append(frame).append('\n');
                }
            }
        });
        return dump.toString();
    }

    /** Live processes (zombies excluded) that carry this run's marker. */
    List<ProcessInfo> leftovers() {
        return platform.processesWithEnv(Markers.RUN_ID, runId);
    }

    void assertNoLeftovers() {
        // The stop has already verified every group empty, so this is a check, not a wait for work: the
        // short deadline only absorbs a re-parented process the kernel has not finished tearing down.
        Await.until(Duration.ofSeconds(2), () -> leftovers().isEmpty(), () -> "leftovers: " + leftovers());
    }

    void assertStopsCleanly() throws Exception {
        assertEquals(0, stop(), events::log);
        assertNoLeftovers();
    }

    Path file(String name) {
        return root.resolve(name);
    }

    @Override
    public void close() throws ExecutionException, TimeoutException {
        try {
            if (!orchestrator.terminated().isDone()) {
                orchestrator.stop(Set.of(), true, null);
                orchestrator.terminated().handle((code, error) -> code).get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while stopping the test stack", e);
        } finally {
            orchestrator.close();
            // Independent of the code under test: whatever still carries the marker dies now.
            leftovers().forEach(p -> Processes.killQuietly(p.pid()));
        }
    }
}
