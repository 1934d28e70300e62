package dev.run;

import dev.orchestrator.OrchestratorListener;
import dev.orchestrator.StackSnapshot;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Keeps the state file in step with the orchestrator without doing file I/O on its event loop:
 * snapshots are handed to one writer thread, which always writes the newest one (older ones that
 * piled up are skipped, the file only ever needs the latest).
 */
public final class StateWriter implements OrchestratorListener, AutoCloseable {
    private final Path file;
    private final Function<StackSnapshot, RunState> toState;
    private final Consumer<String> onError;
    private final Thread thread;
    private StackSnapshot pending;
    private boolean closed;
    private boolean failed;

    public StateWriter(Path file, Function<StackSnapshot, RunState> toState, Consumer<String> onError) {
        this.file = file;
        this.toState = toState;
        this.onError = onError;
        this.thread = new Thread(this::run, "dev-state-writer");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    @Override
    public synchronized void snapshot(StackSnapshot snapshot) {
        pending = snapshot;
        notifyAll();
    }

    private void run() {
        while (true) {
            StackSnapshot next;
            synchronized (this) {
                while (pending == null && !closed) {
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                if (pending == null) {
                    return;
                }
                next = pending;
                pending = null;
            }
            try {
                StateFile.write(file, toState.apply(next));
                failed = false;
            } catch (IOException | RuntimeException e) {
                if (!failed) {
                    onError.accept("cannot write " + file + ": " + e.getMessage()
                            + " (dev stop from another shell may not find new processes)");
                }
                failed = true;
            }
        }
    }

    /** Writes whatever is pending, then stops the thread. */
    @Override
    public void close() {
        synchronized (this) {
            closed = true;
            notifyAll();
        }
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

}
