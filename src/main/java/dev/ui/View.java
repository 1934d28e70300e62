package dev.ui;

import dev.orchestrator.OrchestratorListener;

/** A foreground view of a running stack: {@link ConsoleView} (plain lines) or {@link LiveView} (pinned status). */
public interface View extends OrchestratorListener, AutoCloseable {
    /** Prints a line of dev's own, in order with everything else (e.g. "stopping…"). */
    void devLine(String text);

    /** Prints what is queued (bounded in time) and gives the terminal back as it was. */
    @Override
    void close();
}
