package dev.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ConsoleQueueTest {
    private static ConsoleLine line(int i) {
        return new ConsoleLine("api", LogRecord.Stream.OUT, Instant.EPOCH, "line " + i);
    }

    private static String describe(ConsoleItem item) {
        return item instanceof ConsoleLine l ? l.text() : ((ConsoleItem.Skipped) item).message();
    }

    @Test
    void whenFullItDropsTheOldestAndReportsTheGapWhereItIs() {
        ConsoleQueue q = new ConsoleQueue(3);
        q.offer(line(1));
        assertEquals(List.of("line 1"), q.drain(10).stream().map(ConsoleQueueTest::describe).toList());
        for (int i = 2; i <= 10; i++) {
            q.offer(line(i)); // never blocks, however slow the consumer
        }
        List<ConsoleItem> items = q.drain(10);
        assertEquals(new ConsoleItem.Skipped(6), items.get(0));
        assertEquals(List.of("skipped 6 lines (console too slow; the log file has them)", "line 8", "line 9", "line 10"),
                items.stream().map(ConsoleQueueTest::describe).toList());
        assertEquals(6, q.skippedTotal());

        for (int i = 11; i <= 14; i++) {
            q.offer(line(i));
        }
        assertEquals(List.of("skipped 1 line (console too slow; the log file has them)", "line 12", "line 13", "line 14"),
                q.drain(10).stream().map(ConsoleQueueTest::describe).toList());
        assertEquals(7, q.skippedTotal());
    }

    @Test
    void drainTakesAtMostWhatIsAsked() {
        ConsoleQueue q = new ConsoleQueue(10);
        for (int i = 0; i < 5; i++) {
            q.offer(line(i));
        }
        assertEquals(2, q.drain(2).size());
        assertEquals(3, q.drain(10).size());
        assertEquals(0, q.drain(10).size());
    }

    @Test
    void pollWaitsForALineAndTimesOutEmpty() throws Exception {
        ConsoleQueue q = new ConsoleQueue(10);
        assertEquals(Optional.empty(), q.poll(Duration.ofMillis(20)));
        CompletableFuture<Optional<ConsoleItem>> waiting = CompletableFuture.supplyAsync(() -> {
            try {
                return q.poll(Duration.ofSeconds(30));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        q.offer(line(7));
        assertEquals(Optional.of(line(7)), waiting.get(30, TimeUnit.SECONDS));
    }

    @Test
    void closeWakesTheConsumerAndStopsAcceptingLines() throws Exception {
        ConsoleQueue q = new ConsoleQueue(10);
        q.offer(line(1));
        CompletableFuture<Optional<ConsoleItem>> second = CompletableFuture.supplyAsync(() -> {
            try {
                q.poll(Duration.ofSeconds(30));
                return q.poll(Duration.ofSeconds(30));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        q.close();
        assertEquals(Optional.empty(), second.get(30, TimeUnit.SECONDS));
        q.offer(line(2));
        assertTrue(q.drain(10).isEmpty());
    }
}
