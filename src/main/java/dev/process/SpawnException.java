package dev.process;

import java.util.Objects;

/** A spawn that was refused by the preflight or failed in the operating system. */
public final class SpawnException extends Exception {
    private final SpawnProblem problem;

    public SpawnException(SpawnProblem problem) {
        this(problem, null);
    }

    public SpawnException(SpawnProblem problem, Throwable cause) {
        super(Objects.requireNonNull(problem, "problem").detail(), cause);
        this.problem = problem;
    }

    public SpawnProblem problem() {
        return problem;
    }
}
