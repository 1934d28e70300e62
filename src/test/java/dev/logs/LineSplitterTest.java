package dev.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineSplitterTest {
    private static final Instant T = Instant.parse("2026-11-22T09:15:02.123Z");
    private static final int MIB = LineSplitter.MAX_LINE_BYTES;

    private record Line(String raw, String plain) {
    }

    private final List<Line> lines = new ArrayList<>();
    private final LineSplitter splitter = new LineSplitter(LogRecord.Stream.OUT, (s, t, raw, plain) -> lines.add(new Line(raw, plain)));

    private void feed(byte[] bytes) {
        splitter.feed(bytes, 0, bytes.length, T);
    }

    private void feed(String text) {
        feed(text.getBytes(StandardCharsets.UTF_8));
    }

    private List<String> plain() {
        return lines.stream().map(Line::plain).toList();
    }

    @Test
    void splitsOnLfCrlfAndLoneCr() {
        feed("one\ntwo\r\nthree\rfour\n\nsix");
        assertEquals(List.of("one", "two", "three", "four", ""), plain());
        splitter.finish(T);
        assertEquals("six", plain().get(5));
    }

    @Test
    void crlfSplitAcrossChunksIsOneTerminator() {
        feed("a\r");
        feed("\nb\r");
        feed("c\n");
        assertEquals(List.of("a", "b", "c"), plain());
    }

    @Test
    void linesSpanningChunksAreJoinedWhateverTheChunking() {
        byte[] text = "alpha beta\ngamma delta epsilon\n\u001b[31mzeta\u001b[0m eta\nthe end\n".getBytes(StandardCharsets.UTF_8);
        for (int chunk = 1; chunk <= text.length; chunk++) {
            lines.clear();
            LineSplitter s = new LineSplitter(LogRecord.Stream.OUT, (st, t, raw, plain) -> lines.add(new Line(raw, plain)));
            for (int at = 0; at < text.length; at += chunk) {
                s.feed(text, at, Math.min(chunk, text.length - at), T);
            }
            assertEquals(List.of("alpha beta", "gamma delta epsilon", "zeta eta", "the end"), plain(), "chunk " + chunk);
        }
    }

    @Test
    void keepsRawColoursForTheConsoleAndStripsThemForTheFile() {
        feed("\u001b[32mok\u001b[0m\nplain\n");
        assertEquals(new Line("\u001b[32mok\u001b[0m", "ok"), lines.get(0));
        assertSame(lines.get(1).raw(), lines.get(1).plain());
        assertNotSame(lines.get(0).raw(), lines.get(0).plain());
    }

    @Test
    void longLinesAreSplitAtOneMebibyte() {
        byte[] huge = new byte[MIB * 5 / 2 + 1];
        Arrays.fill(huge, (byte) 'x');
        huge[huge.length - 1] = '\n';
        // Fed in 64 KiB chunks as a pump would.
        for (int at = 0; at < huge.length; at += 65536) {
            splitter.feed(huge, at, Math.min(65536, huge.length - at), T);
        }
        assertEquals(List.of(MIB, MIB, MIB / 2), plain().stream().map(String::length).toList());
        assertTrue(!splitter.hasPartial());
    }

    @Test
    void aLineOfExactlyTheLimitStaysWhole() {
        byte[] line = new byte[MIB + 1];
        Arrays.fill(line, (byte) 'y');
        line[MIB] = '\n';
        feed(line);
        assertEquals(List.of(MIB), plain().stream().map(String::length).toList());
    }

    @Test
    void longLineSplitNeverCutsAUtf8Character() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("ab".getBytes(StandardCharsets.UTF_8)); // shifts the 3-byte characters off the boundary
        byte[] euro = "€".getBytes(StandardCharsets.UTF_8);
        while (out.size() < MIB + 10) {
            out.writeBytes(euro);
        }
        out.write('\n');
        feed(out.toByteArray());
        assertEquals(2, lines.size());
        for (Line l : lines) {
            assertTrue(l.plain().indexOf('\uFFFD') < 0, "a character was cut in half");
        }
        assertEquals(out.size() - 1, lines.get(0).plain().getBytes(StandardCharsets.UTF_8).length
                + lines.get(1).plain().getBytes(StandardCharsets.UTF_8).length);
    }

    @Test
    void invalidUtf8BecomesReplacementCharacters() {
        feed(new byte[] {'a', (byte) 0xff, 'b', (byte) 0xc3, '\n', (byte) 0xe2, (byte) 0x82, 'c', '\n'});
        assertEquals(List.of("a\uFFFDb\uFFFD", "\uFFFDc"), plain());
    }

    @Test
    void partialFlushHoldsBackOnlyAnIncompleteCharacter() {
        byte[] euro = "€".getBytes(StandardCharsets.UTF_8);
        feed(new byte[] {'>', ' ', euro[0], euro[1]});
        splitter.flushPartial(T);
        assertEquals(List.of("> "), plain());
        assertTrue(splitter.hasPartial());
        feed(new byte[] {euro[2], '\n'});
        assertEquals(List.of("> ", "€"), plain());
    }

    @Test
    void finishEmitsTheRestEvenIfItIsIncomplete() {
        feed(new byte[] {'z', (byte) 0xe2, (byte) 0x82});
        splitter.finish(T);
        assertEquals(List.of("z\uFFFD"), plain());
    }

    @Test
    void aFailingSinkDoesNotStopSplitting() {
        List<String> seen = new ArrayList<>();
        LineSplitter s = new LineSplitter(LogRecord.Stream.ERR, (st, t, raw, plain) -> {
            seen.add(plain);
            throw new IllegalStateException("disk full");
        });
        byte[] b = "1\n2\n3\n".getBytes(StandardCharsets.UTF_8);
        s.feed(b, 0, b.length, T);
        assertEquals(List.of("1", "2", "3"), seen);
        assertEquals("disk full", s.sinkFailure().getMessage());
    }

    @Test
    void utf8BoundaryBacksUpOnlyOverIncompleteSequences() {
        byte[] b = "a€".getBytes(StandardCharsets.UTF_8); // 61 e2 82 ac
        assertEquals(4, LineSplitter.utf8Boundary(b, 4));
        assertEquals(1, LineSplitter.utf8Boundary(b, 3));
        assertEquals(1, LineSplitter.utf8Boundary(b, 2));
        assertEquals(1, LineSplitter.utf8Boundary(b, 1));
        byte[] junk = {(byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80};
        assertEquals(5, LineSplitter.utf8Boundary(junk, 5));
    }
}
