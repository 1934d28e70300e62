package dev.health;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Process facts for exec-probe tests, from {@code ps}, so they read the same on Linux and macOS. */
final class Processes {
    private Processes() {
    }

    /** Gone, or a zombie waiting for a slow init to reap it: either way nothing runs any more. */
    static boolean goneOrZombie(long pid) {
        String stat = ps("stat=", pid);
        return stat.isEmpty() || stat.startsWith("Z");
    }

    static long pgid(long pid) {
        return Long.parseLong(ps("pgid=", pid));
    }

    /** Reads a pid a fixture shell wrote, waiting until the line is complete. */
    static long awaitPid(Path file, Duration timeout) {
        return dev.testing.Await.value(timeout, () -> {
            try {
                String text = Files.readString(file, StandardCharsets.US_ASCII);
                return text.endsWith("\n") ? Long.parseLong(text.strip()) : null;
            } catch (IOException e) {
                return null;
            }
        }, "pid in " + file);
    }

    /** Kills a pid left behind by a failed test, so one failure does not leak into the machine. */
    static void killQuietly(long pid) {
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
    }

    private static String ps(String column, long pid) {
        try {
            Process ps = new ProcessBuilder("ps", "-o", column, "-p", Long.toString(pid))
                    .redirectErrorStream(true).start();
            String out = new String(ps.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip();
            if (!ps.waitFor(5, TimeUnit.SECONDS)) {
                ps.destroyForcibly();
                throw new AssertionError("ps did not finish");
            }
            return out;
        } catch (IOException e) {
            throw new AssertionError("cannot run ps", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
