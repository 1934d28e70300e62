package dev.orchestrator;

import dev.health.LogMatcher;
import dev.logs.LogRecord;
import dev.logs.LogWriter;
import dev.logs.TailBuffer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A log check belongs to one process: lines a previous process still drains never make the new one healthy. */
class OutputRouterTest {
    @TempDir
    Path dir;

    @Test
    void onlyLinesOfTheWatchedSpawnCountForItsLogCheck() throws Exception {
        TailBuffer tail = new TailBuffer(10);
        OutputRouter router = new OutputRouter("api", new LogWriter(dir.resolve("api.log"), 1 << 20, 2), tail,
                new OrchestratorListener() { });
        AtomicInteger matches = new AtomicInteger();
        router.watch(2, new LogMatcher(Pattern.compile("ready")), matches::incrementAndGet);

        router.sink(1).line(LogRecord.Stream.OUT, Instant.now(), "ready (old process)", "ready (old process)");
        assertEquals(0, matches.get(), "a line of spawn 1 does not count for spawn 2");

        router.sink(2).line(LogRecord.Stream.OUT, Instant.now(), "ready", "ready");
        router.sink(2).line(LogRecord.Stream.ERR, Instant.now(), "ready again", "ready again");
        assertEquals(1, matches.get(), "the first match of spawn 2, once");

        assertEquals(List.of("ready (old process)", "ready", "ready again"), tail.last(10), "every line is kept");
        router.close();
    }
}
