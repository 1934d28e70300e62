package dev.logs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The undecoded line view, and the byte path to the log file agreeing with the String path byte for byte. */
class SplitLineTest {
    private static final Instant T = Instant.parse("2026-11-22T12:00:00.123Z");

    @TempDir
    Path dir;

    @Test
    void stringsAreMadeOnceAndOnlyWhenAskedFor() {
        SplitLine line = new SplitLine();
        byte[] bytes = "xx plain text yy".getBytes(StandardCharsets.US_ASCII);
        line.reset(bytes, 3, 10, false, SplitLine.UNKNOWN);
        assertTrue(line.ascii());
        assertSame(bytes, line.plainArray(), "no copy for a line without escapes");
        assertEquals(3, line.plainOffset());
        assertEquals(10, line.plainLength());
        assertEquals("plain text", line.raw());
        assertSame(line.raw(), line.plain(), "one String when there is nothing to strip");

        byte[] colored = "\u001b[32mok\u001b[0m done".getBytes(StandardCharsets.US_ASCII);
        line.reset(colored, 0, colored.length, true, SplitLine.UNKNOWN);
        assertEquals("\u001b[32mok\u001b[0m done", line.raw());
        assertEquals("ok done", line.plain());
        assertEquals("ok done", new String(line.plainArray(), line.plainOffset(), line.plainLength(), StandardCharsets.US_ASCII));

        line.reset(colored, 0, colored.length, true, SplitLine.ASCII); // as the splitter marks a line it scanned
        assertEquals("\u001b[32mok\u001b[0m done", line.raw());
        assertEquals("ok done", line.plain());

        byte[] utf8 = "héllo".getBytes(StandardCharsets.UTF_8);
        line.reset(utf8, 0, utf8.length, false, SplitLine.UNKNOWN);
        assertFalse(line.ascii());
        assertEquals("héllo", line.plain());
        byte[] longAscii = "0123456789abcdef0123456789".getBytes(StandardCharsets.US_ASCII);
        longAscii[17] = (byte) 0xC3; // one high byte in the middle of the word-at-a-time scan
        line.reset(longAscii, 0, longAscii.length, false, SplitLine.UNKNOWN);
        assertFalse(line.ascii());
    }

    @Test
    void theByteAndStringPathsWriteTheSameLogFile() throws IOException {
        List<byte[]> chunks = corpus();
        Path viaStrings = dir.resolve("strings.log");
        Path viaBytes = dir.resolve("bytes.log");
        List<String> plains = new ArrayList<>();
        try (LogWriter a = new LogWriter(viaStrings, Long.MAX_VALUE, 1); LogWriter b = new LogWriter(viaBytes, Long.MAX_VALUE, 1)) {
            LineSplitter strings = new LineSplitter(LogRecord.Stream.ERR, (stream, time, raw, plain) -> {
                a.write(time, stream, plain);
                plains.add(plain);
            });
            LineSplitter bytes = new LineSplitter(LogRecord.Stream.ERR, new LineSink() {
                @Override
                public void line(LogRecord.Stream stream, Instant time, String raw, String plain) {
                    throw new AssertionError("the splitter delivers SplitLines");
                }

                @Override
                public void line(LogRecord.Stream stream, Instant time, SplitLine line) {
                    boolean ascii = line.ascii(); // as the splitter found it while scanning, before anything decodes
                    assertEquals(line.raw().chars().allMatch(c -> c < 0x80), ascii, () -> "ascii() of " + line.raw());
                    ServiceLog.write(b, stream, time, line);
                }
            });
            for (byte[] chunk : chunks) {
                strings.feed(chunk, 0, chunk.length, T);
                bytes.feed(chunk, 0, chunk.length, T);
            }
            strings.finish(T);
            bytes.finish(T);
        }
        assertTrue(plains.size() > 1000, "a real corpus: " + plains.size() + " lines");
        assertArrayEquals(Files.readAllBytes(viaStrings), Files.readAllBytes(viaBytes));
    }

    /** ASCII, colours, tabs, CR and CRLF, UTF-8, invalid bytes, NULs, cut at random chunk boundaries. */
    private static List<byte[]> corpus() {
        Random random = new Random(42);
        String[] pieces = {"GET /api 200 3ms", "\u001b[1;31merror\u001b[0m: boom", "tab\there", "ünïcödé ✔", "\r\n", "\n",
            "\r", "progress 42%\r", "\u0000nul", "\u001b]8;;http://x\u0007link\u001b]8;;\u0007", "x".repeat(300)};
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (int i = 0; i < 6000; i++) {
            if (random.nextInt(50) == 0) {
                all.write(0xFF); // not UTF-8 at all
                all.write(0xC3);
            } else {
                all.writeBytes(pieces[random.nextInt(pieces.length)].getBytes(StandardCharsets.UTF_8));
            }
            if (random.nextInt(3) == 0) {
                all.write('\n');
            }
        }
        byte[] bytes = all.toByteArray();
        List<byte[]> chunks = new ArrayList<>();
        for (int at = 0; at < bytes.length; ) {
            int n = Math.min(bytes.length - at, 1 + random.nextInt(700));
            chunks.add(java.util.Arrays.copyOfRange(bytes, at, at + n));
            at += n;
        }
        return chunks;
    }
}
