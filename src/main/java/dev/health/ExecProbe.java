package dev.health;

import dev.config.HealthCheck;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Healthy when {@code /bin/sh -c command} exits 0 within the timeout.
 *
 * <p>The command runs in {@code context}'s directory with exactly its environment, stdin from
 * {@code /dev/null}, output merged into a {@link CapturedOutput} whose last line goes into the
 * detail. Whatever happens — success, failure, timeout, interrupt — the probe's whole process
 * {@link ProcessScope scope} is killed before returning, so a background child of the command
 * ({@code cmd &}) cannot outlive the attempt either.
 */
record ExecProbe(HealthCheck.Exec check, ProbeContext context, ProcessScope scope) implements Probe {
    /** How often a running probe's output file is checked against its size bound. */
    private static final Duration BOUND_CHECK = Duration.ofMillis(100);
    private static final long REAP_WAIT_SECONDS = 2;

    @Override
    public ProbeResult attempt() {
        Deadline deadline = new Deadline(check.timing().timeout());
        try (CapturedOutput output = CapturedOutput.create()) {
            return run(output, deadline);
        } catch (IOException e) {
            return ProbeResult.unhealthy("cannot capture probe output: " + Connector.message(e),
                    deadline.elapsed());
        }
    }

    private ProbeResult run(CapturedOutput output, Deadline deadline) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(scope.command(check.command()))
                .directory(context.cwd().toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectErrorStream(true)
                .redirectOutput(output.redirect());
        builder.environment().clear();
        builder.environment().putAll(context.env());
        Process shell;
        try {
            shell = builder.start();
        } catch (IOException e) {
            return ProbeResult.unhealthy(startFailure(e), deadline.elapsed());
        }
        Outcome outcome;
        try {
            outcome = awaitExit(shell, output, deadline);
        } finally {
            scope.killAll(shell);
            Uninterruptibly.waitFor(shell, REAP_WAIT_SECONDS, TimeUnit.SECONDS);
        }
        String last = output.lastLine();
        String suffix = last.isEmpty() ? "" : ": " + last;
        return switch (outcome) {
            case EXITED -> new ProbeResult(shell.exitValue() == 0, "exit " + shell.exitValue() + suffix,
                    deadline.elapsed());
            case TIMED_OUT -> ProbeResult.unhealthy(deadline.timedOut() + suffix, deadline.elapsed());
            case INTERRUPTED -> ProbeResult.unhealthy("interrupted" + suffix, deadline.elapsed());
        };
    }

    private enum Outcome { EXITED, TIMED_OUT, INTERRUPTED }

    private static Outcome awaitExit(Process shell, CapturedOutput output, Deadline deadline) throws IOException {
        try {
            while (!deadline.expired()) {
                Duration slice = deadline.remaining().compareTo(BOUND_CHECK) < 0 ? deadline.remaining() : BOUND_CHECK;
                if (shell.waitFor(slice.toNanos(), TimeUnit.NANOSECONDS)) {
                    return Outcome.EXITED;
                }
                output.bound();
            }
            return shell.isAlive() ? Outcome.TIMED_OUT : Outcome.EXITED;
        } catch (InterruptedException e) {
            // The orchestrator is shutting down: give up the attempt, keep the flag for it.
            Thread.currentThread().interrupt();
            return Outcome.INTERRUPTED;
        }
    }

    private String startFailure(IOException e) {
        if (!Files.isDirectory(context.cwd())) {
            return "cannot run probe: directory does not exist: " + context.cwd();
        }
        return "cannot run probe: " + Connector.message(e);
    }
}
