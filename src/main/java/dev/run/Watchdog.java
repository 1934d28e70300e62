package dev.run;

import dev.process.ProcessPlatform;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The dead man's switch. A JVM cannot give its children a parent-death signal, so a tiny
 * {@code sh} in its own session waits on a pipe from the orchestrator: a normal shutdown writes
 * {@code exit} and the shell leaves quietly; if the orchestrator dies any other way (SIGKILL, OOM
 * killer, closed IDE) the kernel closes the pipe, {@code read} sees end-of-file, and the shell
 * execs the reaper ({@code dev stop} for this run id). Works the same on macOS: only sh, a pipe
 * and setsid/perl are involved.
 */
public final class Watchdog implements AutoCloseable {
    private static final String SCRIPT = "IFS= read -r line; [ \"$line\" = exit ] && exit 0; exec \"$@\"";

    private final Process process;
    private final OutputStream pipe;

    private Watchdog(Process process) {
        this.process = process;
        this.pipe = process.getOutputStream();
    }

    /**
     * @param reaper the command the watchdog runs when the orchestrator dies
     * @param log    where the reaper's output goes
     */
    public static Watchdog start(List<String> reaper, Path log, Path cwd) throws IOException {
        List<String> argv = new ArrayList<>(List.of("/bin/sh", "-c", SCRIPT, "dev-watchdog"));
        argv.addAll(reaper);
        ProcessBuilder pb = new ProcessBuilder(ProcessPlatform.inNewSession(argv));
        pb.directory(cwd.toFile());
        pb.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        pb.redirectErrorStream(true);
        // Nothing of a service's environment: the reaper must not look like a leftover of the run.
        pb.environment().remove("DEV_RUN_ID");
        return new Watchdog(pb.start());
    }

    /** The command that reaps this run: this same JVM's java and class path running {@code dev stop}. */
    public static List<String> reaperCommand(Path projectRoot, String runId) {
        String java = ProcessHandle.current().info().command().orElse("java");
        return List.of(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto",
                "-cp", System.getProperty("java.class.path"), "dev.cli.Main", "--no-color",
                "-C", projectRoot.toString(), "stop", "--watchdog", runId, "--timeout", "2s");
    }

    public long pid() {
        return process.pid();
    }

    public boolean alive() {
        return process.isAlive();
    }

    /** Normal shutdown: tells the watchdog to leave without reaping, and waits for it briefly. */
    @Override
    public void close() {
        try {
            pipe.write("exit\n".getBytes(StandardCharsets.US_ASCII));
            pipe.close();
            process.waitFor(2, TimeUnit.SECONDS);
        } catch (IOException e) {
            // already gone
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
