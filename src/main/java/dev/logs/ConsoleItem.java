package dev.logs;

/** What the console view takes out of a {@link ConsoleQueue}: a line, or a note that lines were dropped. */
public sealed interface ConsoleItem permits ConsoleLine, ConsoleItem.Skipped {

    /** The queue overflowed and dropped {@code lines} lines right before the next item. */
    record Skipped(long lines) implements ConsoleItem {
        public Skipped {
            if (lines <= 0) {
                throw new IllegalArgumentException("skipped line count must be positive, got " + lines);
            }
        }

        /** The notice the console prints in place of the dropped lines. */
        public String message() {
            return "skipped " + lines + (lines == 1 ? " line" : " lines") + " (console too slow; the log file has them)";
        }
    }
}
