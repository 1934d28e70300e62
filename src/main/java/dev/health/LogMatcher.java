package dev.health;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;

/**
 * Decides a {@code log = "REGEX"} check: the orchestrator offers every output line of the service
 * (from both streams, from any pump thread) and the service is healthy from the first match on.
 *
 * <p>Lines are matched with {@link java.util.regex.Matcher#find()} — anywhere in the line, as grep
 * would — after ANSI escapes are removed, so a pattern written against what the user sees on the
 * terminal also matches coloured output. Thread-safe; after the first match every offer is a
 * cheap no-op.
 */
public final class LogMatcher {
    private final Pattern pattern;
    private final AtomicReference<String> matchedLine = new AtomicReference<>();

    public LogMatcher(Pattern pattern) {
        this.pattern = Objects.requireNonNull(pattern, "pattern");
    }

    /** @return true exactly once: for the first line that matches */
    public boolean offer(String line) {
        if (matchedLine.get() != null) {
            return false;
        }
        String visible = Text.stripAnsi(line);
        return pattern.matcher(visible).find() && matchedLine.compareAndSet(null, visible);
    }

    public boolean matched() {
        return matchedLine.get() != null;
    }

    /** The first matching line (ANSI removed), for the health detail. */
    public Optional<String> matchedLine() {
        return Optional.ofNullable(matchedLine.get());
    }

    public Pattern pattern() {
        return pattern;
    }
}
