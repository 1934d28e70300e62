package dev.run;

/** {@code dev start} found a live orchestrator for this project. */
public final class AlreadyRunningException extends Exception {
    private final LockInfo owner;

    public AlreadyRunningException(LockInfo owner) {
        super("already running for this project: pid " + owner.pid() + ", started " + owner.startedAt());
        this.owner = owner;
    }

    public LockInfo owner() {
        return owner;
    }
}
