package dev.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.testing.Await;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pumps fed by real child processes through real pipes. */
class OutputPumpTest {
    private static final Duration DEADLINE = Duration.ofSeconds(20);

    @TempDir
    Path dir;
    private final List<Process> processes = new ArrayList<>();

    @AfterEach
    void killChildren() throws InterruptedException {
        for (Process p : processes) {
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private Process spawn(String script) throws IOException {
        Process p = new ProcessBuilder("sh", "-c", script).start();
        processes.add(p);
        return p;
    }

    @Test
    void floodFromARealChildArrivesCompleteAndInOrder() throws Exception {
        int count = 2_000_000;
        Path log = dir.resolve("flood.log");
        Process child = spawn("seq 1 " + count);
        child.getOutputStream().close();
        OutputPump pump;
        try (LogWriter writer = new LogWriter(log, Long.MAX_VALUE, 1)) {
            pump = OutputPump.start("test-flood", child.getInputStream(), LogRecord.Stream.OUT,
                    (stream, time, raw, plain) -> writer.write(time, stream, plain));
            assertTrue(pump.awaitEnd(DEADLINE), "pump did not reach end of stream");
        }
        assertTrue(pump.failure().isEmpty(), () -> "pump failed: " + pump.failure());
        assertEquals(count, pump.lines());

        long expected = 1;
        try (BufferedReader in = Files.newBufferedReader(log)) {
            String line;
            while ((line = in.readLine()) != null) {
                LogRecord r = LogFileFormat.parse(line).orElseThrow(() -> new AssertionError("unparsable line"));
                if (!r.text().equals(Long.toString(expected))) {
                    throw new AssertionError("line " + expected + " is '" + r.text() + "'");
                }
                expected++;
            }
        }
        assertEquals(count + 1, expected, "lines in the file");
    }

    @Test
    void stderrIsTaggedAndStdoutAndStderrShareAWriter() throws Exception {
        Path log = dir.resolve("both.log");
        Process child = spawn("i=0; while [ $i -lt 500 ]; do echo out$i; echo err$i >&2; i=$((i+1)); done");
        child.getOutputStream().close();
        try (LogWriter writer = new LogWriter(log, Long.MAX_VALUE, 1)) {
            LineSink sink = (stream, time, raw, plain) -> writer.write(time, stream, plain);
            OutputPump out = OutputPump.start("test-out", child.getInputStream(), LogRecord.Stream.OUT, sink);
            OutputPump err = OutputPump.start("test-err", child.getErrorStream(), LogRecord.Stream.ERR, sink);
            assertTrue(out.awaitEnd(DEADLINE) && err.awaitEnd(DEADLINE));
        }
        List<LogRecord> records = Files.readAllLines(log).stream()
                .map(l -> LogFileFormat.parse(l).orElseThrow()).toList();
        assertEquals(1000, records.size());
        assertEquals(500, records.stream().filter(r -> r.stream() == LogRecord.Stream.ERR
                && r.text().startsWith("err")).count());
        List<String> outs = records.stream().filter(r -> r.stream() == LogRecord.Stream.OUT).map(LogRecord::text).toList();
        assertEquals("out0", outs.get(0));
        assertEquals("out499", outs.get(499));
    }

    @Test
    void aPromptWithoutNewlineIsDeliveredWhileTheChildWaits() throws Exception {
        Process child = spawn("printf 'password: '; read answer; echo \"got $answer\"");
        List<String> lines = Collections.synchronizedList(new ArrayList<>());
        OutputPump pump = OutputPump.start("test-prompt", child.getInputStream(), LogRecord.Stream.OUT,
                (stream, time, raw, plain) -> lines.add(plain));
        Await.until(DEADLINE, () -> lines.contains("password: "), () -> "partial line flushed, got " + lines);
        assertTrue(child.isAlive(), "the child is still waiting for input");
        try (OutputStream stdin = child.getOutputStream()) {
            stdin.write("secret\n".getBytes(StandardCharsets.UTF_8));
        }
        assertTrue(pump.awaitEnd(DEADLINE));
        assertEquals(List.of("password: ", "got secret"), lines);
    }

    @Test
    void theLastLineWithoutNewlineIsDeliveredAtEndOfStream() throws Exception {
        Process child = spawn("printf 'first\\nlast words'");
        child.getOutputStream().close();
        List<String> lines = Collections.synchronizedList(new ArrayList<>());
        OutputPump pump = OutputPump.start("test-eof", child.getInputStream(), LogRecord.Stream.OUT,
                (stream, time, raw, plain) -> lines.add(plain));
        assertTrue(pump.awaitEnd(DEADLINE));
        assertEquals(List.of("first", "last words"), lines);
        assertEquals(16, pump.bytes());
    }

    @Test
    void aBrokenSinkNeverStallsTheChild() throws Exception {
        Process child = spawn("seq 1 100000");
        child.getOutputStream().close();
        OutputPump pump = OutputPump.start("test-broken", child.getInputStream(), LogRecord.Stream.OUT,
                (stream, time, raw, plain) -> {
                    throw new IllegalStateException("sink broken");
                });
        assertTrue(pump.awaitEnd(DEADLINE), "the pump kept draining");
        assertTrue(child.waitFor(DEADLINE.toSeconds(), TimeUnit.SECONDS), "the child was not blocked on a full pipe");
        assertEquals(100_000, pump.lines());
        assertEquals("sink broken", pump.failure().orElseThrow().getMessage());
    }
}
