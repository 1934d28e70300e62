package dev.init;

/** The {@code port} key of a drafted service. */
public sealed interface Port {
    /** No {@code port} key: the service listens on nothing dev needs to know. */
    record None() implements Port {
    }

    /** A fixed port, the framework's usual one, so existing configuration keeps working. */
    record Fixed(int number) implements Port {
        public Fixed {
            if (number < 1 || number > 65535) {
                throw new IllegalArgumentException("port out of range: " + number);
            }
        }
    }

    /** {@code port = "auto"}: a free port chosen at start. */
    record Auto() implements Port {
    }

    Port NONE = new None();
    Port AUTO = new Auto();
}
