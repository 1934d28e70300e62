package dev.logs;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The benchmark behind {@code bench/log-capture.sh}: a main, not a test, because timing
 * assertions do not belong in a shared CI run.
 *
 * <p>A real child ({@code sh -c "yes LINE | head -c BYTES"}) floods its stdout with
 * {@code LINE_LENGTH}-byte lines. <b>direct</b>: the child writes straight to a file (what the
 * disk and the child can do without dev). <b>capture</b>: the child's stdout is a pipe drained
 * by an {@link OutputPump} into a {@link LogWriter} (or the full {@link ServiceLog}: file, tail
 * buffer and console queue). Each run is timed from spawning the child to the data being in
 * the file (writer closed), then the file is read back and every line checked; a lost or
 * damaged line fails the benchmark. The first capture run warms up the JIT and is reported
 * separately.
 *
 * <p>Usage: {@code LogCaptureBench DIR BYTES LINE_LENGTH RUNS writer|detached|service}: {@code writer} is the pump
 * and the log file alone; {@code detached} adds the in-memory tail, what a background orchestrator does per line;
 * {@code service} adds the console queue too, as a foreground {@code dev start} does.
 */
public final class LogCaptureBench {
    private static final String PATTERN = "GET /api/items?page=42 200 OK 3.2ms user=alice trace=0af7651916cd43dd ";

    private final Path dir;
    private final long total;
    private final int lineLength;
    private final String sinkKind;
    private final String text;

    private LogCaptureBench(Path dir, long total, int lineLength, String sinkKind) {
        this.dir = dir;
        this.total = total;
        this.lineLength = lineLength;
        this.sinkKind = sinkKind;
        this.text = PATTERN.repeat(lineLength / PATTERN.length() + 1).substring(0, lineLength - 1);
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 5) {
            System.err.println("usage: LogCaptureBench DIR BYTES LINE_LENGTH RUNS writer|detached|service");
            System.exit(2);
        }
        long total = Long.parseLong(args[1]);
        int lineLength = Integer.parseInt(args[2]);
        if (total % lineLength != 0 || lineLength < 2) {
            throw new IllegalArgumentException("BYTES must be a multiple of LINE_LENGTH (>= 2)");
        }
        LogCaptureBench bench = new LogCaptureBench(Path.of(args[0]), total, lineLength, args[4]);
        System.exit(bench.run(Integer.parseInt(args[3])) ? 0 : 1);
    }

    private boolean run(int runs) throws Exception {
        System.out.printf(Locale.ROOT, "%d MiB of %d-byte lines (%d lines), capture into %s%n", total >> 20, lineLength,
                total / lineLength, switch (sinkKind) {
                    case "service" -> "ServiceLog (file + tail + console queue)";
                    case "detached" -> "ServiceLog without a console (file + tail)";
                    default -> "LogWriter";
                });
        boolean ok = report("capture (JIT warm-up)", capture());
        List<Double> direct = new ArrayList<>();
        List<Double> captured = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            Result d = direct();
            ok &= report("direct  run " + (i + 1), d);
            direct.add(mibPerSecond(d));
            Result c = capture();
            ok &= report("capture run " + (i + 1), c);
            captured.add(mibPerSecond(c));
        }
        System.out.printf(Locale.ROOT, "direct  (child -> file):          median %4.0f MiB/s, best %4.0f MiB/s%n",
                median(direct), max(direct));
        System.out.printf(Locale.ROOT, "capture (child -> pump -> file):  median %4.0f MiB/s, best %4.0f MiB/s%n",
                median(captured), max(captured));
        System.out.println(ok ? "lines lost: 0" : "LINES WERE LOST OR DAMAGED");
        return ok;
    }

    private record Result(long nanos, long cpuNanos, long lines, long intact, long expected) {
    }

    private double mibPerSecond(Result r) {
        return total / (1024.0 * 1024.0) / (r.nanos / 1e9);
    }

    private boolean report(String label, Result r) {
        System.out.printf(Locale.ROOT, "  %-22s %6.3f s  %5.0f MiB/s  JVM CPU %5.2f s  lines %d/%d intact, lost %d%n",
                label, r.nanos / 1e9, mibPerSecond(r), r.cpuNanos / 1e9, r.intact, r.expected, r.expected - r.intact);
        return r.intact == r.expected && r.lines == r.expected;
    }

    private Result direct() throws Exception {
        Path out = dir.resolve("direct.txt");
        Files.deleteIfExists(out);
        long cpu = processCpu();
        long start = System.nanoTime();
        Process child = new ProcessBuilder("sh", "-c", "yes '" + text + "' | head -c " + total)
                .redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        if (child.waitFor() != 0) {
            throw new IllegalStateException("child failed");
        }
        long nanos = System.nanoTime() - start;
        long cpuNanos = processCpu() - cpu;
        long[] check = verify(out, 0);
        Files.delete(out);
        return new Result(nanos, cpuNanos, check[0], check[1], total / lineLength);
    }

    private Result capture() throws Exception {
        Path log = dir.resolve("bench.log");
        Files.deleteIfExists(log);
        long cpu = processCpu();
        long start = System.nanoTime();
        Process child = new ProcessBuilder("sh", "-c", "yes '" + text + "' | head -c " + total)
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        child.getOutputStream().close();
        try (LogWriter writer = new LogWriter(log, Long.MAX_VALUE, 1)) {
            LineSink sink = !sinkKind.equals("writer")
                    ? new ServiceLog("bench", writer, new TailBuffer(), sinkKind.equals("service") ? new ConsoleQueue() : null)
                    : new LineSink() {
                        @Override
                        public void line(LogRecord.Stream stream, Instant time, String raw, String plain) {
                            writer.write(time, stream, plain);
                        }

                        @Override
                        public void line(LogRecord.Stream stream, Instant time, SplitLine line) {
                            ServiceLog.write(writer, stream, time, line); // the orchestrator's file path
                        }
                    };
            OutputPump pump = OutputPump.start("bench-pump", child.getInputStream(), LogRecord.Stream.OUT, sink);
            if (!pump.awaitEnd(Duration.ofMinutes(5))) {
                throw new IllegalStateException("pump did not finish");
            }
            if (pump.failure().isPresent()) {
                throw new IllegalStateException("pump failed", pump.failure().get());
            }
        }
        long nanos = System.nanoTime() - start;
        long cpuNanos = processCpu() - cpu;
        child.waitFor();
        long[] check = verify(log, LogFileFormat.PREFIX_LENGTH);
        Files.delete(log);
        return new Result(nanos, cpuNanos, check[0], check[1], total / lineLength);
    }

    /** {lines in the file, lines whose text (after {@code skip} prefix bytes) is exactly the expected one}. */
    private long[] verify(Path file, int skip) throws IOException {
        byte[] expected = text.getBytes(StandardCharsets.UTF_8);
        byte[] line = new byte[skip + expected.length + 1];
        long lines = 0;
        long intact = 0;
        int length = 0;
        byte[] buffer = new byte[1 << 20];
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                for (int i = 0; i < n; i++) {
                    byte b = buffer[i];
                    if (b == '\n') {
                        lines++;
                        if (length == skip + expected.length
                                && Arrays.equals(line, skip, length, expected, 0, expected.length)) {
                            intact++;
                        }
                        length = 0;
                    } else if (length < line.length) {
                        line[length++] = b;
                    }
                }
            }
        }
        return new long[] {lines, intact};
    }

    private static long processCpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static double max(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).max().orElse(0);
    }
}
