package dev.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Polls a condition until it holds or a deadline passes. Tests use this instead of sleeping: a
 * sleep is either too short on a loaded CI machine or wastes time on a fast one.
 */
public final class Await {
    private static final long POLL_MILLIS = 10;

    private Await() {
    }

    public static void until(Duration timeout, BooleanSupplier condition, String description) {
        until(timeout, condition, () -> description);
    }

    public static void until(Duration timeout, BooleanSupplier condition, Supplier<String> description) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (condition.getAsBoolean()) {
                return;
            }
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("timed out after " + timeout.toMillis() + " ms waiting for: "
                        + description.get());
            }
            pause();
        }
    }

    /** Polls until the supplier returns non-null, then returns it. */
    public static <T> T value(Duration timeout, Supplier<T> supplier, String description) {
        Object[] box = new Object[1];
        until(timeout, () -> (box[0] = supplier.get()) != null, description);
        @SuppressWarnings("unchecked")
        T t = (T) box[0];
        return t;
    }

    private static void pause() {
        try {
            Thread.sleep(POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting", e);
        }
    }
}
