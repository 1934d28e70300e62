package dev.process;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The parsers behind the macOS platform, on output in the shapes macOS ps and lsof print. */
class PsOutputTest {

    @Test
    void parsesAProcessLineWithACommandContainingSpaces() {
        ProcessInfo info = PsOutput.parseLine(
                "  812   1  812 Ss   Mon Jan  1 09:05:41 2024     node  server.js --port 3000").orElseThrow();
        assertEquals(new ProcessInfo(812, 1, 812, -1, 'S', Instant.parse("2024-01-01T09:05:41Z"),
                "node  server.js --port 3000"), info);
    }

    @Test
    void parsesZombiesAndTwoDigitDays() {
        ProcessInfo info = PsOutput.parseLine("99 98 97 Z+ Tue Dec 24 23:59:59 2024 (sleep)").orElseThrow();
        assertEquals('Z', info.state());
        assertEquals(Instant.parse("2024-12-24T23:59:59Z"), info.startTime());
        assertEquals("(sleep)", info.commandLine());
    }

    @Test
    void rejectsLinesOfAnotherShape() {
        assertEquals(Optional.empty(), PsOutput.parseLine(""));
        assertEquals(Optional.empty(), PsOutput.parseLine("  PID  PPID  PGID STAT STARTED COMMAND"));
        assertEquals(Optional.empty(), PsOutput.parseLine("1 0 1 S Mon Jan 1"));
        assertEquals(2, PsOutput.parseAll("1 0 1 Ss Mon Jan  1 00:00:00 2024 /sbin/launchd\n\n"
                + "2 1 2 S Mon Jan  1 00:00:01 2024 syslogd\n").size());
    }

    @Test
    void findsAnEnvironmentEntryAsAWholeToken() {
        String output = String.join("\n",
                "  101 sleep 600 HOME=/Users/me DEV_RUN=abc123 PATH=/usr/bin",
                "  102 sleep 600 DEV_RUN=abc1234",
                "  103 grep DEV_RUN=abc123x",
                "  104 sleep 600 DEV_RUN=abc123");
        assertEquals(List.of(101L, 104L), PsOutput.pidsWithEnvEntry(output, "DEV_RUN=abc123"));
    }

    @Test
    void readsLsofFieldOutputLowestPidFirst() {
        assertEquals(List.of(311L, 4012L), PsOutput.lsofPids("p4012\ncnode\np311\ncpython3\n"));
        assertEquals(List.of(), PsOutput.lsofPids(""));
    }
}
