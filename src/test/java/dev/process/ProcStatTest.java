package dev.process;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProcStatTest {
    private static final String TAIL = " 0 -1 4194304 101 0 0 0 0 0 0 0 20 0 1 0 41874 2998272 382 18446744073709551615 0 0";

    @Test
    void parsesAPlainLine() {
        ProcStat stat = ProcStat.parse("11528 (head) R 11409 11400 2632" + TAIL).orElseThrow();
        assertEquals(new ProcStat(11528, "head", 'R', 11409, 11400, 2632, 41874), stat);
    }

    @Test
    void aCommandNameWithSpacesAndParenthesesDoesNotShiftTheFields() {
        ProcStat stat = ProcStat.parse("42 (my (odd) ) name)) S 1 40 30" + TAIL).orElseThrow();
        assertEquals("my (odd) ) name)", stat.comm());
        assertEquals('S', stat.state());
        assertEquals(1, stat.ppid());
        assertEquals(40, stat.pgrp());
        assertEquals(30, stat.session());
        assertEquals(41874, stat.startTicks());
    }

    @Test
    void zombiesAreRecognised() {
        assertTrue(ProcStat.parse("7 (sleep) Z 1 7 7" + TAIL).orElseThrow().zombie());
    }

    @Test
    void malformedLinesAreRejected() {
        assertEquals(Optional.empty(), ProcStat.parse(""));
        assertEquals(Optional.empty(), ProcStat.parse("12 (x) S 1 2 3"), "too few fields");
        assertEquals(Optional.empty(), ProcStat.parse("12 x S 1 2 3" + TAIL), "no parentheses");
        assertEquals(Optional.empty(), ProcStat.parse("12 (x) S one 2 3" + TAIL), "not a number");
    }

    @Test
    void readsThisJvmsOwnStat() throws Exception {
        String self = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/self/stat"));
        ProcStat stat = ProcStat.parse(self).orElseThrow();
        assertEquals(ProcessHandle.current().pid(), stat.pid());
        assertEquals(ProcessHandle.current().parent().orElseThrow().pid(), stat.ppid());
    }
}
