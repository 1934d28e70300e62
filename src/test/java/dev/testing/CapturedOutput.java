package dev.testing;

import dev.process.SpawnedProcess;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Drains a spawned process's stdout and stderr into line lists on daemon threads, as the real log pumps do: a
 * test must drain a service's pipes or the service blocks once the pipe buffer is full.
 */
public final class CapturedOutput {
    private final List<String> out = new ArrayList<>();
    private final List<String> err = new ArrayList<>();

    private CapturedOutput() {
    }

    public static CapturedOutput of(SpawnedProcess spawned) {
        CapturedOutput captured = new CapturedOutput();
        pump(spawned.stdout(), captured.out);
        pump(spawned.stderr(), captured.err);
        return captured;
    }

    /** Lines read from stdout so far. */
    public List<String> out() {
        synchronized (out) {
            return List.copyOf(out);
        }
    }

    /** Lines read from stderr so far. */
    public List<String> err() {
        synchronized (err) {
            return List.copyOf(err);
        }
    }

    private static void pump(InputStream stream, List<String> lines) {
        Thread thread = new Thread(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    synchronized (lines) {
                        lines.add(line);
                    }
                }
            } catch (IOException e) {
                // the process is gone
            }
        }, "test-capture");
        thread.setDaemon(true);
        thread.start();
    }
}
