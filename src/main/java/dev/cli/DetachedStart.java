package dev.cli;

import dev.process.ProcessPlatform;
import dev.run.LockInfo;
import dev.run.RunDirectory;
import dev.run.RunLock;
import dev.ui.Ansi;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code dev start -d}: runs the same {@code dev start} as a background orchestrator in its own
 * session (it survives the terminal closing), output to {@code .dev/orchestrator.log}, and returns
 * once that orchestrator holds the lock — or, with {@code --wait}, once the stack is up.
 */
final class DetachedStart {
    /** Loading config and starting a JVM; generous, since a loaded CI machine is slow. */
    private static final Duration LOCK_DEADLINE = Duration.ofSeconds(60);

    private final CliContext context;
    private final Ansi ansi;
    private final RunDirectory run;

    DetachedStart(CliContext context, Ansi ansi, RunDirectory run, ProcessPlatform platform) {
        this.context = context;
        this.ansi = ansi;
        this.run = run;
    }

    int launch(List<String> devArguments, boolean waitUntilUp, Duration waitTimeout) throws Exception {
        Files.createDirectories(run.root());
        Path log = run.root().resolve("orchestrator.log");
        Process child = spawn(devArguments, log);
        Optional<LockInfo> owner = awaitLock(child);
        if (owner.isEmpty()) {
            int code = child.isAlive() ? ExitCode.FAILED : child.exitValue();
            context.err().println(ansi.red("error:") + " the background orchestrator did not start; its output:");
            tail(log, 20).forEach(l -> context.err().println("  " + l));
            return code == 0 ? ExitCode.FAILED : code;
        }
        context.out().println(ansi.bold("dev") + " started in the background (orchestrator pid " + child.pid() + ")");
        if (!waitUntilUp) {
            context.out().println("  see it: dev status · follow logs: dev logs -f · stop it: dev stop");
            return ExitCode.OK;
        }
        return new StackWaiter(context, ansi).await(owner.get(), waitTimeout);
    }

    private Process spawn(List<String> devArguments, Path log) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> argv = new ArrayList<>(List.of(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto",
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        argv.addAll(devArguments);
        ProcessBuilder pb = new ProcessBuilder(ProcessPlatform.inNewSession(argv));
        pb.directory(run.projectRoot().toFile());
        pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        pb.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        pb.redirectErrorStream(true);
        pb.environment().clear();
        pb.environment().putAll(context.env());
        pb.environment().remove("DEV_STDOUT_TTY");
        return pb.start();
    }

    private Optional<LockInfo> awaitLock(Process child) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + LOCK_DEADLINE.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                Optional<LockInfo> info = RunLock.read(run.lockFile());
                if (info.isPresent() && info.get().pid() == child.pid() && child.isAlive()) {
                    return info;
                }
            } catch (IllegalArgumentException e) {
                // being written
            }
            if (!child.isAlive()) {
                return Optional.empty();
            }
            Thread.sleep(10);
        }
        return Optional.empty();
    }

    static List<String> tail(Path file, int n) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            return lines.subList(Math.max(0, lines.size() - n), lines.size());
        } catch (IOException e) {
            return List.of("(no output: " + e.getMessage() + ")");
        }
    }
}
