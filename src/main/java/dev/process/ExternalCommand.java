package dev.process;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a short-lived helper program ({@code kill}, {@code ps}, {@code lsof}, {@code getconf}) and captures its
 * standard output, bounded by a timeout so a hung helper (lsof on a dead network mount) cannot hang dev.
 */
final class ExternalCommand {
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    /** @param exitCode the helper's exit status, or -1 if it was killed for exceeding its timeout */
    record Result(int exitCode, String stdout) {
        boolean succeeded() {
            return exitCode == 0;
        }
    }

    private ExternalCommand() {
    }

    static Result run(List<String> argv) {
        return run(argv, Map.of(), DEFAULT_TIMEOUT);
    }

    /** @param extraEnv added to this JVM's environment (e.g. {@code LC_ALL=C} for parseable output) */
    static Result run(List<String> argv, Map<String, String> extraEnv, Duration timeout) {
        ProcessBuilder builder = new ProcessBuilder(argv)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().putAll(extraEnv);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + argv.get(0), e);
        }
        // Output is read on its own thread: reading on this one could block past the timeout, and not reading
        // at all could fill the pipe (ps output is large) and deadlock the helper.
        OutputReader reader = new OutputReader(process.getInputStream());
        Thread readerThread = new Thread(reader, "dev-helper-output");
        readerThread.setDaemon(true);
        readerThread.start();
        // An interrupt must not abandon a helper half-way (a kill that was never sent), and the helpers are quick
        // and bounded by the timeout: wait them out, then restore the interrupt for the caller to see.
        boolean interrupted = false;
        boolean timedOut = false;
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                if (!timedOut && !process.waitFor(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                    timedOut = true;
                    process.destroyForcibly();
                }
                process.waitFor();
                readerThread.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return new Result(timedOut ? -1 : process.exitValue(), reader.text());
    }

    private static final class OutputReader implements Runnable {
        private final InputStream in;
        private volatile String text = "";

        OutputReader(InputStream in) {
            this.in = in;
        }

        @Override
        public void run() {
            try (in) {
                text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                // The helper died or was killed mid-write; what was read so far is discarded with it.
                text = "";
            }
        }

        String text() {
            return text;
        }
    }
}
