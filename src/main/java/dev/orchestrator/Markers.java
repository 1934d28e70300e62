package dev.orchestrator;

/** Names of the variables dev sets for every service (SPEC §2), used to find leftovers. */
public final class Markers {
    /** Unique per run: found in the environment of every process a service started. */
    public static final String RUN_ID = "DEV_RUN_ID";

    private Markers() {
    }

    public static String newRunId() {
        return Long.toString(System.currentTimeMillis(), 36) + "-" + Long.toString(ProcessHandle.current().pid(), 36)
                + "-" + Integer.toString(new java.security.SecureRandom().nextInt() & 0x7fffffff, 36);
    }
}
