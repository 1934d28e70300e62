package dev.config;

/** {@code port = 5432}, {@code port = "auto"}, or no port. */
public sealed interface PortSpec {
    record None() implements PortSpec {
    }

    record Fixed(int port) implements PortSpec {
    }

    /** A free port chosen when the service starts. */
    record Auto() implements PortSpec {
    }

    PortSpec NONE = new None();
    PortSpec AUTO = new Auto();

    default boolean present() {
        return !(this instanceof None);
    }
}
