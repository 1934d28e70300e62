package dev.logs;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * The fixed-width UTC timestamp of a log record, {@code 2026-11-22T09:15:02.123Z} (always 24
 * ASCII characters, always with milliseconds, unlike {@link Instant#toString()}). Formatting
 * caches the date-and-time part per second because a flooding service writes millions of lines
 * within the same second; instances are therefore not thread-safe.
 */
final class LogTimestamps {
    static final int LENGTH = 24;
    /** {@code yyyy-MM-ddTHH:mm:ss.} */
    private static final int SECOND_PART = 20;

    private long cachedSecond = Long.MIN_VALUE;
    private final byte[] secondPart = new byte[SECOND_PART];

    /** Writes the 24 bytes of {@code time} into {@code dst} at {@code off}. */
    void format(Instant time, byte[] dst, int off) {
        long second = time.getEpochSecond();
        if (second != cachedSecond) {
            fillSecondPart(second);
            cachedSecond = second;
        }
        System.arraycopy(secondPart, 0, dst, off, SECOND_PART);
        int millis = time.getNano() / 1_000_000;
        dst[off + 20] = (byte) ('0' + millis / 100);
        dst[off + 21] = (byte) ('0' + millis / 10 % 10);
        dst[off + 22] = (byte) ('0' + millis % 10);
        dst[off + 23] = 'Z';
    }

    String format(Instant time) {
        byte[] b = new byte[LENGTH];
        format(time, b, 0);
        return new String(b, java.nio.charset.StandardCharsets.US_ASCII);
    }

    private void fillSecondPart(long epochSecond) {
        LocalDateTime t = LocalDateTime.ofEpochSecond(epochSecond, 0, ZoneOffset.UTC);
        int year = t.getYear();
        if (year < 0 || year > 9999) {
            throw new IllegalArgumentException("log timestamps cover years 0000-9999, got " + year);
        }
        digits(year, 4, 0);
        secondPart[4] = '-';
        digits(t.getMonthValue(), 2, 5);
        secondPart[7] = '-';
        digits(t.getDayOfMonth(), 2, 8);
        secondPart[10] = 'T';
        digits(t.getHour(), 2, 11);
        secondPart[13] = ':';
        digits(t.getMinute(), 2, 14);
        secondPart[16] = ':';
        digits(t.getSecond(), 2, 17);
        secondPart[19] = '.';
    }

    private void digits(int value, int width, int at) {
        for (int i = width - 1; i >= 0; i--) {
            secondPart[at + i] = (byte) ('0' + value % 10);
            value /= 10;
        }
    }

    /**
     * Parses the 24 characters at {@code off} of {@code s}, or returns null when they are not a
     * timestamp in exactly this format (readers skip such lines rather than failing).
     */
    static Instant parse(CharSequence s, int off) {
        if (s.length() < off + LENGTH || s.charAt(off + 4) != '-' || s.charAt(off + 7) != '-'
                || s.charAt(off + 10) != 'T' || s.charAt(off + 13) != ':' || s.charAt(off + 16) != ':'
                || s.charAt(off + 19) != '.' || s.charAt(off + 23) != 'Z') {
            return null;
        }
        int year = number(s, off, 4);
        int month = number(s, off + 5, 2);
        int day = number(s, off + 8, 2);
        int hour = number(s, off + 11, 2);
        int minute = number(s, off + 14, 2);
        int second = number(s, off + 17, 2);
        int millis = number(s, off + 20, 3);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59
                || second > 59 || millis < 0) {
            return null;
        }
        long epochDay;
        try {
            epochDay = LocalDate.of(year, month, day).toEpochDay();
        } catch (java.time.DateTimeException e) {
            return null;
        }
        long epochSecond = epochDay * 86_400 + hour * 3600L + minute * 60L + second;
        return Instant.ofEpochSecond(epochSecond, millis * 1_000_000L);
    }

    /** Non-negative decimal of exactly {@code width} digits, or -1. */
    private static int number(CharSequence s, int at, int width) {
        int n = 0;
        for (int i = 0; i < width; i++) {
            char c = s.charAt(at + i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }
}
