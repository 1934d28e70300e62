package dev.cli;

import dev.process.ProcessPlatform;
import dev.run.ControlClient;
import dev.run.LockInfo;
import dev.run.RunDirectory;
import dev.run.RunLock;
import dev.ui.Ansi;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
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
    /**
     * JVM options of the background orchestrator, placed before the user's {@code DEV_JAVA_OPTS} so theirs
     * win. It lives for hours, mostly idle, so a small initial heap keeps its resident memory near what it
     * holds: 90 → 77 MB RSS for an idle 20-service stack (the JVM's default starts at 1/64 of the machine's
     * memory and touches all of its young generation before the first collection).
     */
    static final String ORCHESTRATOR_JVM_OPTIONS = "-Xms8m";
    /** For the starter to report the orchestrator's pid: a fork and a file write. */
    private static final Duration STARTER_DEADLINE = Duration.ofSeconds(10);

    private final CliContext context;
    private final Ansi ansi;
    private final RunDirectory run;
    private final ProcessPlatform platform;

    DetachedStart(CliContext context, Ansi ansi, RunDirectory run, ProcessPlatform platform) {
        this.context = context;
        this.ansi = ansi;
        this.run = run;
        this.platform = platform;
    }

    /** An orchestrator being started: the process (when one could be started) and where its output goes. */
    record Launch(Optional<ProcessHandle> child, Path log, long logStart) {
    }

    /**
     * Starts the background orchestrator and returns at once, so the caller can read dev.toml (to report its
     * problems itself) while the new JVM boots: that overlap takes 50–100 ms off {@code dev start -d --wait}.
     */
    Launch begin(List<String> devArguments) throws IOException, InterruptedException {
        Files.createDirectories(run.root());
        Path log = run.root().resolve("orchestrator.log");
        long logStart = Files.exists(log) ? Files.size(log) : 0;
        return new Launch(spawn(devArguments, log), log, logStart);
    }

    /**
     * The caller refused the start after all (dev.toml has errors, which it reported): the orchestrator would
     * fail on them the same way, and is stopped in case it got further (the file changed in between).
     */
    void abandon(Launch launch) {
        launch.child().ifPresent(ProcessHandle::destroy);
    }

    /** Waits for the orchestrator to take the lock and listen, then, with {@code waitUntilUp}, for the stack. */
    int finish(Launch launch, String project, boolean waitUntilUp, Duration waitTimeout) throws Exception {
        Optional<ProcessHandle> started = launch.child();
        Path log = launch.log();
        long logStart = launch.logStart();
        Optional<LockInfo> owner = started.isPresent() ? awaitControlSocket(started.get()) : Optional.empty();
        if (owner.isEmpty()) {
            Optional<LockInfo> winner = readLock().filter(l -> started.map(c -> c.pid() != l.pid()).orElse(true)
                    && platform.matches(l.identity()));
            if (winner.isPresent()) {
                throw ForegroundRun.alreadyRunning(winner.get()); // running already, or lost a race with another start
            }
            started.ifPresent(ProcessHandle::destroy); // alive but never ready: do not leave it behind
            context.err().println(ansi.red("error:") + " the background orchestrator did not start; its output:");
            tail(newLines(log, logStart), 20).forEach(l -> context.err().println("  " + l));
            return ExitCode.FAILED;
        }
        ProcessHandle child = started.get();
        // What it did before it was ready, such as reaping a previous run's leftovers, is news to the user.
        noticesBeforeBanner(newLines(log, logStart), project).forEach(context.out()::println);
        context.out().println(ansi.bold("dev") + " started in the background (orchestrator pid " + child.pid() + ")");
        if (!waitUntilUp) {
            context.out().println("  see it: dev status · follow logs: dev logs -f · stop it: dev stop");
            return ExitCode.OK;
        }
        return new StackWaiter(context, ansi).await(owner.get(), waitTimeout);
    }

    /**
     * Starts the orchestrator in its own session as a process that is not this one's child (so this JVM's
     * exit does not wait on it; see {@link ProcessPlatform#detachedInNewSession}), its output appended to
     * {@code log}. Empty when it could not be started or died at once.
     */
    private Optional<ProcessHandle> spawn(List<String> devArguments, Path log) throws IOException, InterruptedException {
        List<String> argv = new ArrayList<>(devCommand(context.env()));
        argv.addAll(devArguments);
        // Named after this process: concurrent starts in one project each learn their own orchestrator's pid.
        Path pidFile = run.root().resolve("orchestrator-" + ProcessHandle.current().pid() + ".pid");
        Files.deleteIfExists(pidFile);
        ProcessBuilder pb = new ProcessBuilder(ProcessPlatform.detachedInNewSession(argv, log, pidFile));
        pb.directory(run.projectRoot().toFile());
        pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        pb.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        pb.redirectErrorStream(true);
        pb.environment().clear();
        pb.environment().putAll(context.env());
        pb.environment().remove("DEV_STDOUT_TTY");
        String userOptions = context.env().getOrDefault("DEV_JAVA_OPTS", "");
        pb.environment().put("DEV_JAVA_OPTS", (ORCHESTRATOR_JVM_OPTIONS + " " + userOptions).strip());
        Process starter = pb.start();
        try {
            long deadline = System.nanoTime() + STARTER_DEADLINE.toNanos();
            while (!Files.exists(pidFile) && System.nanoTime() < deadline
                    && (starter.isAlive() || starter.exitValue() == 0)) {
                Thread.sleep(2);
            }
            return ProcessHandle.of(Long.parseLong(Files.readString(pidFile, StandardCharsets.US_ASCII).trim()));
        } catch (NoSuchFileException | NumberFormatException e) {
            return Optional.empty(); // the starter failed; what it said is in the log
        } finally {
            Files.deleteIfExists(pidFile);
            starter.waitFor(5, java.util.concurrent.TimeUnit.SECONDS);
        }
    }

    /**
     * How to run dev again: through the launcher that started this process when there is one
     * ({@code DEV_LAUNCHER}, exported by bin/dev), so the orchestrator gets the same JVM options and
     * class-data-sharing archive as the command that launched it — without them the JVM loads and
     * verifies every class from the jar, which made {@code dev start -d} about half a second
     * slower. Otherwise (tests, {@code java -jar}) this JVM's java and class path.
     */
    static List<String> devCommand(java.util.Map<String, String> env) {
        String launcher = env.get("DEV_LAUNCHER");
        if (launcher != null && !launcher.isEmpty() && Files.isExecutable(Path.of(launcher))) {
            return List.of(launcher);
        }
        String java = ProcessHandle.current().info().command().orElse("java");
        return List.of(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto", ORCHESTRATOR_JVM_OPTIONS,
                "-cp", System.getProperty("java.class.path"), Main.class.getName());
    }

    /**
     * Waits until the child holds the lock and its control socket accepts connections: the lock is taken
     * first (before a stale run is reaped), and a {@code dev status} or {@code --wait} right after this
     * returns must find the socket listening.
     */
    private Optional<LockInfo> awaitControlSocket(ProcessHandle child) throws InterruptedException {
        long deadline = System.nanoTime() + LOCK_DEADLINE.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<LockInfo> info = readLock();
            if (info.isPresent() && info.get().pid() == child.pid() && child.isAlive() && listening(info.get().socket())) {
                return info;
            }
            if (!child.isAlive()) {
                return Optional.empty();
            }
            Thread.sleep(10);
        }
        return Optional.empty();
    }

    private Optional<LockInfo> readLock() {
        try {
            return RunLock.read(run.lockFile());
        } catch (IllegalArgumentException | IOException e) {
            return Optional.empty(); // being written
        }
    }

    private static boolean listening(Path socket) {
        try {
            ControlClient.connect(socket).close();
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** What was appended to {@code file} after {@code offset} (the log is shared by every run). */
    static List<String> newLines(Path file, long offset) {
        try (var in = Files.newInputStream(file)) {
            in.skipNBytes(Math.min(offset, Files.size(file)));
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            return List.of("(no output: " + e.getMessage() + ")");
        }
    }

    /**
     * The child's own console notices from before it was set up: its "NAME │ text" lines up to its
     * "starting PROJECT:" banner. Everything after the banner the user sees through --wait or the
     * logs; and a start that lost a race for the lock writes to the same file, but only plain error
     * lines, which are not this child's and are left out.
     */
    static List<String> noticesBeforeBanner(List<String> lines, String project) {
        List<String> notices = new ArrayList<>();
        for (String line : lines) {
            if (line.contains("│ " + ForegroundRun.BANNER + project + ": ")) {
                break;
            }
            if (line.contains(" │ ")) {
                notices.add(line);
            }
        }
        return notices;
    }

    static List<String> tail(List<String> lines, int n) {
        return lines.subList(Math.max(0, lines.size() - n), lines.size());
    }
}
