package dev.reliability;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What another JVM holds, read from outside: threads and open file descriptors from {@code /proc}, and the Java
 * heap in use after a full collection, through {@code jcmd} (the JDK's own attach tool). Used to show that an
 * orchestrator returns to its baseline after abuse and across start/stop cycles.
 *
 * @param threads   threads of the process, JIT compiler threads not counted
 * @param fds       open file descriptors
 * @param heapBytes heap in use right after a full GC (young + old generation)
 */
record ProcessResources(int threads, int fds, long heapBytes) {
    private static final Pattern USED = Pattern.compile("used (\\d+)K");

    static ProcessResources of(long pid) {
        return new ProcessResources(threads(pid), fds(pid), heapAfterFullGc(pid));
    }

    /**
     * Threads of {@code pid} other than the JIT's compiler threads, which the JVM starts and stops by itself with
     * the compilation load ({@code UseDynamicNumberOfCompilerThreads}) and so say nothing about leaks.
     */
    static int threads(long pid) {
        int n = 0;
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : tasks) {
                try {
                    String name = Files.readString(task.resolve("comm"), StandardCharsets.UTF_8).strip();
                    if (!name.startsWith("C1 CompilerThre") && !name.startsWith("C2 CompilerThre")) {
                        n++;
                    }
                } catch (IOException e) {
                    // the thread ended while listing
                }
            }
        } catch (IOException e) {
            throw new AssertionError("process " + pid + " is gone", e);
        }
        return n;
    }

    static int fds(long pid) {
        int n = 0;
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(Path.of("/proc", Long.toString(pid), "fd"))) {
            for (Path ignored : fds) {
                n++;
            }
        } catch (IOException e) {
            throw new AssertionError("process " + pid + " is gone", e);
        }
        return n;
    }

    /** Forces a full collection in {@code pid}, then sums the "used" figures of its generations. */
    static long heapAfterFullGc(long pid) {
        jcmd(pid, "GC.run");
        String info = jcmd(pid, "GC.heap_info");
        long usedKb = 0;
        for (String line : info.lines().toList()) {
            String trimmed = line.trim();
            // Serial GC says "def new generation"/"tenured generation" up to JDK 21, "DefNew"/"Tenured" on 25.
            if (trimmed.startsWith("def new generation") || trimmed.startsWith("tenured generation")
                    || trimmed.startsWith("DefNew") || trimmed.startsWith("Tenured")
                    || trimmed.startsWith("garbage-first heap") || trimmed.startsWith("PSYoungGen")
                    || trimmed.startsWith("ParOldGen")) {
                Matcher m = USED.matcher(trimmed);
                if (m.find()) {
                    usedKb += Long.parseLong(m.group(1));
                }
            }
        }
        if (usedKb == 0) {
            throw new AssertionError("cannot read the heap of " + pid + " from:\n" + info);
        }
        return usedKb * 1024;
    }

    private static String jcmd(long pid, String command) {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        try {
            Process p = new ProcessBuilder(List.of(jcmd.toString(), Long.toString(pid), command))
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new AssertionError("jcmd " + pid + " " + command + " failed:\n" + out);
            }
            return out;
        } catch (IOException e) {
            throw new AssertionError("cannot run " + jcmd, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    @Override
    public String toString() {
        return threads + " threads, " + fds + " fds, " + (heapBytes / 1024) + " KB heap after GC";
    }
}
