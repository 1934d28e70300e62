package dev.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.logs.LogRecord;
import dev.logs.LogWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dev logs} over real log files, as the orchestrator writes them. */
class LogsCommandTest {
    @TempDir
    Path project;

    private final Instant t0 = Instant.parse("2026-11-22T09:00:00Z");

    @BeforeEach
    void writeLogs() throws IOException {
        Files.writeString(project.resolve("dev.toml"), "[services.db]\ncommand = \"x\"\n[services.api]\ncommand = \"y\"\n");
        Path logs = project.resolve(".dev/logs");
        Files.createDirectories(logs);
        try (LogWriter db = new LogWriter(logs.resolve("db.log"), 10 << 20, 3);
             LogWriter api = new LogWriter(logs.resolve("api.log"), 10 << 20, 3)) {
            db.write(t0.plusMillis(0), LogRecord.Stream.OUT, "db ready");
            api.write(t0.plusMillis(5), LogRecord.Stream.OUT, "api listening");
            db.write(t0.plusMillis(10), LogRecord.Stream.ERR, "db slow query");
            api.write(t0.plusMillis(15), LogRecord.Stream.ERR, "api ERROR boom");
            api.write(t0.plusMillis(20), LogRecord.Stream.OUT, "api GET /");
        }
    }

    @Test
    void mergesServicesInTimeOrderWithAlignedPrefixes() {
        Cli.CliResult r = Cli.run(project, "logs");
        assertEquals(0, r.exit(), r.err());
        assertEquals(List.of("db  │ db ready", "api │ api listening", "db  │ db slow query", "api │ api ERROR boom",
                "api │ api GET /"), r.out().lines().toList());
        assertFalse(r.outHasAnsi(), "no colour when stdout is not a terminal");
    }

    @Test
    void lastNLinesPerService() {
        Cli.CliResult r = Cli.run(project, "logs", "-n", "1");
        assertEquals(List.of("db  │ db slow query", "api │ api GET /"), r.out().lines().toList());
    }

    @Test
    void filtersByServiceGrepAndStream() {
        assertEquals(List.of("api GET /"), Cli.run(project, "logs", "api", "--grep", "GET", "--no-prefix").out().lines().toList());
        assertEquals(List.of("db  │ db slow query", "api │ api ERROR boom"),
                Cli.run(project, "logs", "--stream", "err").out().lines().toList());
    }

    @Test
    void sinceSkipsOlderLinesAndTimestampsAreShown() {
        Cli.CliResult r = Cli.run(project, "logs", "--since", "2026-11-22T09:00:00.012Z", "--timestamps");
        assertEquals(0, r.exit(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals(2, lines.size(), r.out());
        assertTrue(lines.get(0).contains("api ERROR boom") && lines.get(0).matches(".*\\d\\d:\\d\\d:\\d\\d\\.\\d{3}.*"),
                lines.get(0));
    }

    @Test
    void badOptionsAreUsageErrorsWithHints() {
        Cli.CliResult stream = Cli.run(project, "logs", "--stream", "both");
        assertEquals(2, stream.exit());
        assertTrue(stream.err().contains("use out or err"), stream.err());
        Cli.CliResult grep = Cli.run(project, "logs", "--grep", "(");
        assertEquals(2, grep.exit());
        assertTrue(grep.err().contains("invalid --grep regex"), grep.err());
        Cli.CliResult since = Cli.run(project, "logs", "--since", "yesterday-ish");
        assertEquals(2, since.exit());
        Cli.CliResult unknown = Cli.run(project, "logs", "web");
        assertEquals(2, unknown.exit());
        assertTrue(unknown.err().contains("services with logs: api, db"), unknown.err());
    }

    @Test
    void worksWithoutAnyLogs(@TempDir Path empty) throws IOException {
        Files.writeString(empty.resolve("dev.toml"), "[services.db]\ncommand = \"x\"\n");
        Cli.CliResult r = Cli.run(empty, "logs");
        assertEquals(0, r.exit());
        assertTrue(r.out().startsWith("no logs yet"), r.out());
    }
}
