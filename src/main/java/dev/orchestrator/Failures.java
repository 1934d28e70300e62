package dev.orchestrator;

import dev.config.Durations;
import dev.config.Signal;
import dev.process.PortHolder;
import dev.process.SpawnProblem;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Builds classified failures with a one-line suggestion each (SPEC §4). */
final class Failures {
    private Failures() {
    }

    static Failure of(SpawnProblem p) {
        Failure.Kind kind = switch (p.kind()) {
            case COMMAND_NOT_FOUND -> Failure.Kind.COMMAND_NOT_FOUND;
            case DIRECTORY_MISSING -> Failure.Kind.DIRECTORY_MISSING;
            case PERMISSION_DENIED -> Failure.Kind.PERMISSION_DENIED;
            case SPAWN_ERROR -> Failure.Kind.SPAWN_ERROR;
        };
        return new Failure(kind, p.detail(), p.suggestion());
    }

    /** @param auto the port was chosen by dev (port = "auto") and taken by something else since */
    static Failure portInUse(int port, PortHolder holder, boolean auto) {
        String remedy = auto ? "start the stack again: dev chooses a new port then"
                : "choose another port, or port = \"auto\"";
        if (holder == null || holder.pid() <= 0) {
            return new Failure(Failure.Kind.PORT_IN_USE, "port " + port + " is already in use",
                    "find the holder with 'ss -ltnp' or 'lsof -i :" + port + "', or " + remedy);
        }
        return new Failure(Failure.Kind.PORT_IN_USE,
                "port " + port + " is in use by pid " + holder.pid() + " (" + holder.commandLine() + ")",
                "stop it (kill " + holder.pid() + "), or " + remedy);
    }

    /** Exit while starting, or of a task, or after being up. */
    static Failure exited(int exitCode, boolean whileStarting, List<String> lastLines) {
        Optional<SpawnProblem> classified = dev.process.SpawnPreflight.classifyExit(exitCode, lastLines);
        if (classified.isPresent() && whileStarting) {
            return of(classified.get());
        }
        String how = describeExit(exitCode);
        if (whileStarting) {
            return new Failure(Failure.Kind.CRASHED_ON_START, how + " while starting",
                    "run the command by hand to see why, or read its output below");
        }
        return new Failure(Failure.Kind.EXITED, how, "see its output below; 'dev restart' starts it again");
    }

    static Failure healthTimeout(Duration after, String lastProbe) {
        return new Failure(Failure.Kind.HEALTH_TIMEOUT,
                "not healthy after " + Durations.format(after) + (lastProbe == null ? "" : " (last check: " + lastProbe + ")"),
                "check that the service listens where the health check looks, or raise start_timeout");
    }

    static Failure dependencyFailed(String dependency) {
        return new Failure(Failure.Kind.DEPENDENCY_FAILED, "required dependency " + dependency + " failed",
                "fix " + dependency + " first, or mark it optional = true");
    }

    static Failure crashLoop(int failures, Duration stable) {
        return new Failure(Failure.Kind.CRASH_LOOP, "crash loop: exited " + failures + " times without running "
                + Durations.format(stable) + " in between; no more restarts",
                "fix the cause shown below, then 'dev restart'");
    }

    /** {@code exit code 3}, or {@code killed by SIGKILL} for shell-style 128+n statuses. */
    static String describeExit(int exitCode) {
        if (exitCode > 128 && exitCode < 160) {
            return Signal.fromNumber(exitCode - 128).map(s -> "killed by " + s.sigName())
                    .orElse("killed by signal " + (exitCode - 128));
        }
        return "exit code " + exitCode;
    }
}
