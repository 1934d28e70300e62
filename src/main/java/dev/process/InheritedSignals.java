package dev.process;

import dev.config.Signal;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Signals that dev's JVM inherited as ignored, and the argv that gives a service their default action back.
 *
 * <p>A non-interactive shell starts a background job ({@code dev start -d &} in a script, {@code npm run dev &})
 * with SIGINT and SIGQUIT ignored, and {@code nohup} ignores SIGHUP. An ignored disposition survives
 * {@code exec}, and the JDK does not reset it in a child, so every service would inherit it: a service stopped
 * with {@code stop_signal = "INT"} would sit out its whole {@code stop_timeout} and be killed. The shell cannot
 * undo it either (POSIX: signals ignored on entry to a non-interactive shell cannot be trapped or reset), so
 * the reset is a tiny exec wrapper between the session launcher and {@code /bin/sh}, added only when needed.
 */
final class InheritedSignals {
    /** The signals a service may be stopped or told something with. */
    static final List<Signal> RESET = List.of(Signal.HUP, Signal.INT, Signal.QUIT, Signal.USR1, Signal.USR2, Signal.TERM);
    /** Their names, as perl's {@code %SIG} and coreutils' {@code env --default-signal} take them. */
    static final List<String> RESET_NAMES = RESET.stream().map(Signal::name).toList();

    /** perl resets and execs: present on macOS and on nearly every Linux development machine. */
    static final String PERL_RESET_SCRIPT = "$SIG{$_} = 'DEFAULT' for qw(" + String.join(" ", RESET_NAMES) + "); "
            + "exec { $ARGV[0] } @ARGV or die \"dev: exec $ARGV[0]: $!\\n\"";

    private InheritedSignals() {
    }

    /**
     * Whether any of {@link #RESET} is ignored in this process, from the {@code SigIgn} mask of
     * {@code /proc/self/status}; false where that cannot be read.
     */
    static boolean anyIgnored(Path procSelfStatus) {
        try {
            for (String line : Files.readAllLines(procSelfStatus)) {
                if (line.startsWith("SigIgn:")) {
                    return anyIgnored(Long.parseUnsignedLong(line.substring("SigIgn:".length()).trim(), 16));
                }
            }
        } catch (IOException | RuntimeException e) {
            // No /proc (or an unexpected format): assume the usual, nothing ignored.
        }
        return false;
    }

    /** @param sigIgnMask bit n-1 set for each ignored signal n; {@link Signal#number()} is the Linux number */
    static boolean anyIgnored(long sigIgnMask) {
        for (Signal signal : RESET) {
            if ((sigIgnMask & (1L << (signal.number() - 1))) != 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * The argv prefix that resets {@link #RESET} to their defaults and execs the rest: perl, else coreutils'
     * {@code env --default-signal} (8.31 and later); empty when this machine has neither.
     */
    static Optional<List<String>> resetter() {
        Optional<List<String>> perl = SessionLauncher.findProgram("perl")
                .map(p -> List.of(p.toString(), "-e", PERL_RESET_SCRIPT));
        if (perl.isPresent()) {
            return perl;
        }
        return SessionLauncher.findProgram("env").filter(InheritedSignals::supportsDefaultSignal)
                .map(env -> List.of(env.toString(), "--default-signal=" + String.join(",", RESET_NAMES)));
    }

    private static boolean supportsDefaultSignal(Path env) {
        try {
            Process p = new ProcessBuilder(env.toString(), "--default-signal=INT", "true")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
