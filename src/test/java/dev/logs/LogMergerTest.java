package dev.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LogMergerTest {
    private static LogRecord at(long millis, String text) {
        return new LogRecord(Instant.ofEpochMilli(millis), LogRecord.Stream.OUT, text);
    }

    private static List<String> merged(Map<String, List<LogRecord>> in) {
        return LogMerger.merge(in).stream().map(e -> e.service() + ":" + e.record().text()).toList();
    }

    @Test
    void interleavesServicesByTime() {
        Map<String, List<LogRecord>> in = new LinkedHashMap<>();
        in.put("api", List.of(at(1, "a1"), at(4, "a4"), at(6, "a6")));
        in.put("web", List.of(at(2, "w2"), at(3, "w3"), at(7, "w7")));
        in.put("db", List.of(at(5, "d5")));
        assertEquals(List.of("api:a1", "web:w2", "web:w3", "api:a4", "db:d5", "api:a6", "web:w7"), merged(in));
    }

    @Test
    void equalTimesKeepTheOrderServicesWereGivenIn() {
        Map<String, List<LogRecord>> in = new LinkedHashMap<>();
        in.put("web", List.of(at(1, "w1"), at(1, "w1b")));
        in.put("api", List.of(at(1, "a1"), at(1, "a1b")));
        assertEquals(List.of("web:w1", "web:w1b", "api:a1", "api:a1b"), merged(in));
    }

    @Test
    void aServicesOwnOrderSurvivesItsClockGoingBackwards() {
        Map<String, List<LogRecord>> in = new LinkedHashMap<>();
        in.put("api", List.of(at(10, "first"), at(5, "second")));
        in.put("web", List.of(at(7, "w")));
        assertEquals(List.of("web:w", "api:first", "api:second"), merged(in));
    }

    @Test
    void emptyInputsMergeToNothing() {
        Map<String, List<LogRecord>> in = new LinkedHashMap<>();
        in.put("api", List.of());
        assertEquals(List.of(), merged(in));
    }
}
