package dev.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * Routes SIGINT, SIGTERM and SIGHUP to a handler instead of letting the JVM exit, so the stack is
 * stopped in order. The handler gets the count of signals so far: the first asks for a graceful
 * stop, the second forces it (like docker compose). Uses sun.misc.Signal, the only JDK way to
 * catch a signal without exiting; it lives in jdk.unsupported, which every JDK ships.
 */
@SuppressWarnings("restriction")
final class SignalTrap implements AutoCloseable {
    private static final List<String> SIGNALS = List.of("INT", "TERM", "HUP");

    private final List<Restore> previous = new ArrayList<>();

    private record Restore(sun.misc.Signal signal, sun.misc.SignalHandler handler) {
    }

    SignalTrap(IntConsumer onSignal) {
        AtomicInteger count = new AtomicInteger();
        for (String name : SIGNALS) {
            try {
                sun.misc.Signal signal = new sun.misc.Signal(name);
                previous.add(new Restore(signal, sun.misc.Signal.handle(signal, s -> onSignal.accept(count.incrementAndGet()))));
            } catch (IllegalArgumentException e) {
                // Signal not available on this platform or already used by the JVM (-Xrs): skip it.
            }
        }
    }

    @Override
    public void close() {
        for (Restore r : previous) {
            try {
                sun.misc.Signal.handle(r.signal(), r.handler());
            } catch (IllegalArgumentException e) {
                // nothing to restore
            }
        }
    }
}
