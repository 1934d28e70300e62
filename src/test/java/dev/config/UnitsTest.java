package dev.config;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Durations, sizes and signals as dev.toml writes them. */
class UnitsTest {
    @Test
    void durations() {
        assertEquals(Optional.of(Duration.ofMillis(250)), Durations.parse("250ms"));
        assertEquals(Optional.of(Duration.ofSeconds(10)), Durations.parse("10s"));
        assertEquals(Optional.of(Duration.ofMinutes(2)), Durations.parse("2m"));
        assertEquals(Optional.of(Duration.ofSeconds(90)), Durations.parse("1m30s"));
        assertEquals(Optional.of(Duration.ofMillis(1500)), Durations.parse("1.5s"));
        assertEquals(Optional.of(Duration.ofHours(1)), Durations.parse(" 1h "));
        assertEquals(Optional.of(Duration.ZERO), Durations.parse("0s"));
        for (String bad : new String[] {"", "10", "s", "10 s", "10S", "ten", "-1s", "1d", "1.s", "9999999h"}) {
            assertEquals(Optional.empty(), Durations.parse(bad), bad);
        }
        assertEquals(Optional.empty(), Durations.parse(null));
    }

    @Test
    void durationFormatting() {
        assertEquals("250ms", Durations.format(Duration.ofMillis(250)));
        assertEquals("1.5s", Durations.format(Duration.ofMillis(1500)));
        assertEquals("10s", Durations.format(Duration.ofSeconds(10)));
        assertEquals("1m30s", Durations.format(Duration.ofSeconds(90)));
        assertEquals("2m", Durations.format(Duration.ofMinutes(2)));
        assertEquals("1h5m", Durations.format(Duration.ofMinutes(65)));
    }

    @Test
    void sizes() {
        assertEquals(OptionalLong.of(10L << 20), Sizes.parse("10MB"));
        assertEquals(OptionalLong.of(512L << 10), Sizes.parse("512KB"));
        assertEquals(OptionalLong.of(512L << 10), Sizes.parse("512 kib"));
        assertEquals(OptionalLong.of(1L << 30), Sizes.parse("1G"));
        assertEquals(OptionalLong.of(100), Sizes.parse("100"));
        for (String bad : new String[] {"", "MB", "1.5MB", "10 parsecs", "-1", "99999999999999999999"}) {
            assertEquals(OptionalLong.empty(), Sizes.parse(bad), bad);
        }
    }

    @Test
    void signals() {
        assertEquals(Optional.of(Signal.TERM), Signal.parse("SIGTERM"));
        assertEquals(Optional.of(Signal.INT), Signal.parse("int"));
        assertEquals(Optional.of(Signal.QUIT), Signal.parse("SigQuit"));
        assertEquals(Optional.empty(), Signal.parse("SIGFOO"));
        assertEquals(Optional.empty(), Signal.parse(null));
        assertEquals("SIGHUP", Signal.HUP.toString());
        assertEquals(Optional.of(Signal.KILL), Signal.fromNumber(9));
    }

    @Test
    void statusRanges() {
        assertEquals(Optional.of(new StatusRange(200, 299)), StatusRange.parse("2xx"));
        assertEquals(Optional.of(new StatusRange(200, 200)), StatusRange.parse("200"));
        assertEquals(Optional.of(new StatusRange(200, 399)), StatusRange.parse("200-399"));
        assertEquals(Optional.empty(), StatusRange.parse("6xx"));
        assertEquals(Optional.empty(), StatusRange.parse("399-200"));
        assertEquals(Optional.empty(), StatusRange.parse("ok"));
        assertEquals(Optional.empty(), StatusRange.parse("99"));
    }

    @Test
    void keyPathsRoundTrip() {
        for (String p : new String[] {"services.api.health.interval", "services.web.depends_on[1]", "project.env.\"A.B\"",
                "a[0][1].b"}) {
            assertEquals(p, KeyPath.parse(p).toString());
        }
        assertEquals(KeyPath.of("services", "web").key("depends_on").index(1), KeyPath.parse("services.web.depends_on[1]"));
    }
}
