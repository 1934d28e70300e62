package dev.ui;

import java.io.Console;
import java.lang.reflect.Method;
import java.util.Map;

/** Cheap "is stdout a terminal" detection that never builds a JLine terminal. */
public final class Terminals {
    private Terminals() {
    }

    /**
     * bin/dev answers this with {@code [ -t 1 ]} before the JVM starts and passes
     * {@code DEV_STDOUT_TTY}; without it (tests, java -jar) fall back to the JDK's Console, which
     * on JDK 22+ exists even when redirected, hence {@code isTerminal()} when available.
     */
    public static boolean stdoutIsTerminal(Map<String, String> env) {
        String hint = env.get("DEV_STDOUT_TTY");
        if (hint != null) {
            return "1".equals(hint);
        }
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            Method isTerminal = Console.class.getMethod("isTerminal");
            return (Boolean) isTerminal.invoke(console);
        } catch (ReflectiveOperationException e) {
            return true; // JDK < 22: a Console exists only when stdin and stdout are terminals
        }
    }
}
