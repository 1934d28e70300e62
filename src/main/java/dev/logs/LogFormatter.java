package dev.logs;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;

/**
 * Renders records for {@code dev logs}: {@code name │ text}, names padded to the longest of the
 * services shown so the text lines up, optionally preceded by the local time, the name coloured
 * from a fixed palette when asked (whether to use colour is decided elsewhere: terminal,
 * {@code NO_COLOR}, {@code --color}).
 *
 * <pre>
 * api │ Listening on :8080
 * web │ ready in 312 ms
 * api │ 2026-11-22 10:15:02.123 GET /health 200          (with timestamps)
 * </pre>
 */
public final class LogFormatter {
    /** Cyan, yellow, green, magenta, blue and their bright forms; no red, which reads as an error. */
    private static final String[] PALETTE = {"36", "33", "32", "35", "34", "96", "93", "92", "95", "94"};
    private static final String RESET = "\u001b[0m";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

    /**
     * @param prefix     {@code name │ } in front of each line ({@code --no-prefix} turns it off)
     * @param timestamps the record's time, in {@code zone}
     * @param color      colour the prefix
     */
    public record Options(boolean prefix, boolean timestamps, boolean color, ZoneId zone) {
        public Options {
            Objects.requireNonNull(zone, "zone");
        }

        public static Options defaults() {
            return new Options(true, false, false, ZoneId.systemDefault());
        }
    }

    private final List<String> services;
    private final Options options;
    private final int width;
    private final DateTimeFormatter time;

    /** @param services every service that may be printed, in display order: fixes widths and colours */
    public LogFormatter(List<String> services, Options options) {
        this.services = List.copyOf(services);
        this.options = options;
        this.width = this.services.stream().mapToInt(s -> s.codePointCount(0, s.length())).max().orElse(0);
        this.time = TIME.withZone(options.zone());
    }

    public String format(LogEntry entry) {
        return format(entry.service(), entry.record());
    }

    public String format(String service, LogRecord record) {
        StringBuilder out = new StringBuilder(width + 30 + record.text().length());
        if (options.prefix()) {
            String color = options.color() ? colorOf(service) : null;
            if (color != null) {
                out.append("\u001b[").append(color).append('m');
            }
            out.append(service);
            out.append(" ".repeat(Math.max(0, width - service.codePointCount(0, service.length()))));
            out.append(" │");
            if (color != null) {
                out.append(RESET);
            }
            out.append(' ');
        }
        if (options.timestamps()) {
            out.append(time.format(record.time())).append(' ');
        }
        return out.append(record.text()).toString();
    }

    private String colorOf(String service) {
        int index = services.indexOf(service);
        return PALETTE[Math.floorMod(index < 0 ? service.hashCode() : index, PALETTE.length)];
    }
}
