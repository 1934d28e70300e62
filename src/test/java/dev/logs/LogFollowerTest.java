package dev.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.testing.Await;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogFollowerTest {
    private static final Duration DEADLINE = Duration.ofSeconds(10);
    private static final Duration POLL = Duration.ofMillis(10);
    private static final Instant T = Instant.parse("2026-11-22T09:00:00Z");

    @TempDir
    Path dir;
    private final List<String> received = Collections.synchronizedList(new ArrayList<>());
    private final List<LogFollower> followers = new ArrayList<>();

    @AfterEach
    void stopFollowers() {
        followers.forEach(LogFollower::close);
    }

    private LogFollower follow(Map<String, LogPosition> from, LogFilter filter) {
        LogFollower f = LogFollower.start(dir, from, filter, POLL, (service, r) -> received.add(service + ":" + r.text()));
        followers.add(f);
        return f;
    }

    private LogFollower follow(String service, LogPosition from) {
        return follow(Map.of(service, from), LogFilter.NONE);
    }

    private static void write(LogWriter w, int from, int to) throws IOException {
        for (int i = from; i < to; i++) {
            w.write(new LogRecord(T.plusMillis(i), LogRecord.Stream.OUT, "line " + i));
        }
        w.flush();
    }

    private static List<String> lines(String service, int from, int to) {
        return IntStream.range(from, to).mapToObj(i -> service + ":line " + i).toList();
    }

    private void awaitReceived(List<String> expected) {
        Await.until(DEADLINE, () -> received.size() >= expected.size(),
                () -> "expected " + expected.size() + " records, got " + received.size() + ": " + tail(received));
        assertEquals(expected, List.copyOf(received));
    }

    private static List<String> tail(List<String> l) {
        synchronized (l) {
            return List.copyOf(l.subList(Math.max(0, l.size() - 5), l.size()));
        }
    }

    @Test
    void continuesExactlyWhereTheTailEnded() throws IOException {
        try (LogWriter w = new LogWriter(dir.resolve("api.log"), 1_000_000, 3)) {
            write(w, 0, 5);
            LogTail.Result tail = LogTail.read(dir, "api", 3, LogFilter.NONE);
            write(w, 5, 8); // written between the tail and the start of following
            follow("api", tail.end());
            awaitReceived(lines("api", 5, 8));
            write(w, 8, 10);
            awaitReceived(lines("api", 5, 10));
        }
    }

    @Test
    void waitsForAFileThatDoesNotExistYet() throws IOException {
        follow("late", LogPosition.BEGINNING);
        assertFalse(Files.exists(dir.resolve("late.log")));
        try (LogWriter w = new LogWriter(dir.resolve("late.log"), 1_000_000, 3)) {
            write(w, 0, 3);
            awaitReceived(lines("late", 0, 3));
        }
    }

    @Test
    void followsAcrossRotation() throws IOException {
        try (LogWriter w = new LogWriter(dir.resolve("api.log"), 1_000, 2)) { // ~25 records per file
            follow("api", LogPosition.BEGINNING);
            for (int batch = 0; batch < 10; batch++) {
                write(w, batch * 15, batch * 15 + 15);
                awaitReceived(lines("api", 0, batch * 15 + 15));
            }
        }
        assertTrue(Files.exists(dir.resolve("api.log.2")), "rotated several times");
    }

    @Test
    void aPositionInAFileThatWasRotatedSinceStillContinuesWithoutAGap() throws IOException {
        try (LogWriter w = new LogWriter(dir.resolve("api.log"), 1_000, 3)) {
            write(w, 0, 5);
            LogPosition end = LogTail.read(dir, "api", 5, LogFilter.NONE).end();
            write(w, 5, 30); // rotates: the file the position refers to is now api.log.1
            follow("api", end);
            awaitReceived(lines("api", 5, 30));
        }
    }

    @Test
    void startsOverWhenTheFileIsTruncated() throws IOException {
        Path file = dir.resolve("api.log");
        try (LogWriter w = new LogWriter(file, 1_000_000, 3)) {
            write(w, 0, 20);
        }
        follow("api", LogPosition.BEGINNING);
        awaitReceived(lines("api", 0, 20));
        try (FileChannel c = FileChannel.open(file, StandardOpenOption.WRITE)) {
            c.truncate(0);
        }
        try (LogWriter w = new LogWriter(file, 1_000_000, 3)) {
            w.marker("started (pid 7)");
            write(w, 100, 102);
        }
        List<String> expected = new ArrayList<>(lines("api", 0, 20));
        expected.add("api:--- started (pid 7) ---");
        expected.addAll(lines("api", 100, 102));
        awaitReceived(expected);
    }

    @Test
    void followsAFileThatWasDeletedAndCreatedAgain() throws IOException {
        Path file = dir.resolve("api.log");
        try (LogWriter w = new LogWriter(file, 1_000_000, 3)) {
            write(w, 0, 10);
        }
        follow("api", LogPosition.BEGINNING);
        awaitReceived(lines("api", 0, 10));
        Files.delete(file);
        try (LogWriter w = new LogWriter(file, 1_000_000, 3)) {
            write(w, 10, 12);
            awaitReceived(lines("api", 0, 12));
            write(w, 12, 14);
            awaitReceived(lines("api", 0, 14));
        }
    }

    @Test
    void severalServicesArriveInTimeOrderAndFiltered() throws IOException {
        try (LogWriter api = new LogWriter(dir.resolve("api.log"), 1_000_000, 3);
             LogWriter web = new LogWriter(dir.resolve("web.log"), 1_000_000, 3)) {
            for (int i = 0; i < 6; i++) {
                (i % 2 == 0 ? api : web).write(new LogRecord(T.plusMillis(i), LogRecord.Stream.OUT, "line " + i));
            }
            api.flush();
            web.flush();
        }
        Map<String, LogPosition> from = new LinkedHashMap<>();
        from.put("api", LogPosition.BEGINNING);
        from.put("web", LogPosition.BEGINNING);
        follow(from, LogFilter.NONE);
        awaitReceived(List.of("api:line 0", "web:line 1", "api:line 2", "web:line 3", "api:line 4", "web:line 5"));

        received.clear();
        followers.forEach(LogFollower::close);
        follow(from, new LogFilter(null, Pattern.compile("[34]$"), null));
        awaitReceived(List.of("web:line 3", "api:line 4"));
    }

    @Test
    void closeStopsTheThreadAndAFailingListenerStopsItToo() throws IOException {
        try (LogWriter w = new LogWriter(dir.resolve("api.log"), 1_000_000, 3)) {
            write(w, 0, 1);
        }
        LogFollower ok = follow("api", LogPosition.BEGINNING);
        awaitReceived(lines("api", 0, 1));
        ok.close();
        assertFalse(ok.isRunning());

        LogFollower failing = LogFollower.start(dir, Map.of("api", LogPosition.BEGINNING), LogFilter.NONE, POLL,
                (service, r) -> {
                    throw new IllegalStateException("stdout closed");
                });
        followers.add(failing);
        Await.until(DEADLINE, () -> !failing.isRunning(), "the follower stopped");
        assertEquals("stdout closed", failing.failure().orElseThrow().getMessage());
    }
}
