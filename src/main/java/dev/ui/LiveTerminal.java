package dev.ui;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * Opens the JLine terminal for the live view, and only for it: {@code dev status}, {@code stop}
 * and {@code logs} never build one (whether stdout is a terminal comes from {@link Terminals},
 * for free).
 *
 * <p>Cheap by construction. JLine 3.26 sends no query to the terminal while building a system
 * terminal (checked: a pty that never answers costs nothing), and this code calls nothing that
 * does (cursor-position reports, the OSC 4 palette); the size comes from an ioctl. What is left
 * is class loading and the native provider: the providers are named, so JLine does not load and
 * reject the ones that cannot work here (FFM before JDK 22, Jansi and JNA, which are not on the
 * class path); {@code exec} (stty in a subprocess) is the last resort.
 *
 * <p>JLine's own signal handling is off: SIGINT/TERM/HUP belong to {@code dev start}'s handler,
 * which stops the stack in order; a resize is noticed by the painter asking for the size on
 * every tick (an ioctl), not through SIGWINCH.
 */
public final class LiveTerminal {
    private LiveTerminal() {
    }

    /** The process's own terminal; fails when stdin or stdout is not one. */
    public static Terminal openSystem() throws IOException {
        return TerminalBuilder.builder()
                .system(true)
                .dumb(false)
                .nativeSignals(false)
                .encoding(StandardCharsets.UTF_8)
                .providers(Runtime.version().feature() >= 22 ? "ffm,jni,exec" : "jni,exec")
                .build();
    }
}
