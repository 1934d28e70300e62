package dev.config;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which HTTP statuses count as healthy: {@code "2xx"} → 200..299, {@code "200"} → 200..200,
 * {@code "200-399"} → 200..399. Without {@code status}, any response below 500 is healthy: the
 * server is up and answering, which is what "started" means for most dev servers.
 */
record StatusRange(int min, int max) {
    static final StatusRange DEFAULT = new StatusRange(0, 499);
    static final String EXAMPLES = "e.g. status = \"2xx\", status = \"200\" or status = \"200-399\"";

    private static final Pattern CLASS = Pattern.compile("([1-5])xx", Pattern.CASE_INSENSITIVE);
    private static final Pattern RANGE = Pattern.compile("(\\d{3})(?:\\s*-\\s*(\\d{3}))?");

    static Optional<StatusRange> parse(String text) {
        String s = text.trim();
        Matcher m = CLASS.matcher(s);
        if (m.matches()) {
            int hundred = Integer.parseInt(m.group(1)) * 100;
            return Optional.of(new StatusRange(hundred, hundred + 99));
        }
        m = RANGE.matcher(s);
        if (!m.matches()) {
            return Optional.empty();
        }
        int min = Integer.parseInt(m.group(1));
        int max = m.group(2) == null ? min : Integer.parseInt(m.group(2));
        if (min < 100 || max > 599 || min > max) {
            return Optional.empty();
        }
        return Optional.of(new StatusRange(min, max));
    }
}
