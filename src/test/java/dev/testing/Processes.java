package dev.testing;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Test clean-up and checks by pid and process group, independent of the production code under test (so a bug
 * there cannot also break the clean-up). Never by process name.
 */
public final class Processes {
    private Processes() {
    }

    /**
     * The signals {@code pid} ignores, from the {@code SigIgn} line of {@code /proc/PID/status} (Linux): bit n-1 is
     * set for an ignored signal n.
     */
    public static long ignoredSignalMask(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("SigIgn:")) {
                return Long.parseUnsignedLong(line.substring("SigIgn:".length()).trim(), 16);
            }
        }
        throw new AssertionError("no SigIgn line in /proc/" + pid + "/status");
    }

    /** SIGKILLs every process in group {@code pgid}; does nothing for a group that is gone (or {@code <= 1}). */
    public static void killGroupQuietly(long pgid) {
        if (pgid > 1) {
            kill("-" + pgid);
        }
    }

    /** SIGKILLs one process; does nothing if it is gone (or {@code pid <= 1}). */
    public static void killQuietly(long pid) {
        if (pid > 1) {
            kill(Long.toString(pid));
        }
    }

    /** Whether {@code pid} is a running process: a zombie (exited, not yet reaped) is not alive. */
    public static boolean alive(long pid) {
        Path stat = Path.of("/proc", Long.toString(pid), "stat");
        if (Files.isDirectory(Path.of("/proc/self"))) {
            try {
                String text = Files.readString(stat, StandardCharsets.ISO_8859_1);
                char state = text.substring(text.lastIndexOf(')') + 2).charAt(0);
                return state != 'Z' && state != 'X';
            } catch (IOException e) {
                return false;
            }
        }
        String state = run(List.of("ps", "-o", "stat=", "-p", Long.toString(pid))).trim();
        return !state.isEmpty() && !state.startsWith("Z");
    }

    private static void kill(String target) {
        run(List.of("/bin/sh", "-c", "kill -s KILL -- \"$1\" 2>/dev/null", "kill", target));
    }

    private static String run(List<String> argv) {
        try {
            Process process = new ProcessBuilder(argv).redirectInput(new File("/dev/null"))
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            process.waitFor(10, TimeUnit.SECONDS);
            return out;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + argv, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }
}
