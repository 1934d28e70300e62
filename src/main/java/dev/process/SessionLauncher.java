package dev.process;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The program that puts a spawned command into a new session before {@code /bin/sh} runs it: the JDK cannot
 * call setsid(2) in the child itself.
 *
 * <p>Linux: util-linux {@code setsid(1)}. It forks only when its caller already leads a process group; a child
 * the JVM just spawned never does, so setsid(2) happens in place and the pid the JDK reports is the session and
 * group leader. macOS has no setsid(1); perl (shipped with macOS) does the same with {@code POSIX::setsid()}
 * followed by {@code exec}, again without forking. (perl starts with the service's environment, so a broken
 * {@code LANG} there makes it print its locale warning to the service's stderr, as any perl program would.)
 *
 * <p>Both give a service the default action of the signals dev may send it even when dev itself inherited them
 * ignored ({@link InheritedSignals}): perl resets them in the same step, setsid gets a reset wrapper only when
 * this JVM has one of them ignored.
 *
 * @param prefix      the argv that precedes {@code /bin/sh -c COMMAND}
 * @param signalReset the argv between {@code prefix} and {@code /bin/sh}; empty when nothing needs resetting
 */
record SessionLauncher(List<String> prefix, List<String> forkingPrefix, List<String> signalReset) {
    private static final String PERL_SCRIPT = "POSIX::setsid() or die \"dev: setsid: $!\\n\"; "
            + InheritedSignals.PERL_RESET_SCRIPT;
    /** The same, in a forked child while the parent exits at once: {@code setsid -f} for perl. */
    private static final String PERL_FORKING_SCRIPT = "defined(my $child = fork) or die \"dev: fork: $!\\n\"; "
            + "exit 0 if $child; " + PERL_SCRIPT;

    /**
     * @param prefix        runs the command in a new session, in place (same pid)
     * @param forkingPrefix runs it in a new session in a forked child and exits at once, so the command is not
     *                      the caller's child ({@link ProcessPlatform#detachedInNewSession})
     */
    SessionLauncher {
        prefix = List.copyOf(prefix);
        forkingPrefix = List.copyOf(forkingPrefix);
        signalReset = List.copyOf(signalReset);
    }

    /** setsid(1), with {@code signalReset} before the shell (empty when nothing is inherited ignored). */
    static SessionLauncher setsid(Path setsidBinary, List<String> signalReset) {
        return new SessionLauncher(List.of(setsidBinary.toString()), List.of(setsidBinary.toString(), "--fork"),
                signalReset);
    }

    static SessionLauncher perl(Path perlBinary) {
        return new SessionLauncher(List.of(perlBinary.toString(), "-MPOSIX", "-e", PERL_SCRIPT),
                List.of(perlBinary.toString(), "-MPOSIX", "-e", PERL_FORKING_SCRIPT), List.of());
    }

    /**
     * setsid(1) where it exists, else perl; empty when neither is installed (spawn then reports it). For dev's
     * own helpers (the watchdog, the background orchestrator), which use only the prefixes.
     */
    static Optional<SessionLauncher> detect() {
        return detect(false);
    }

    /** The same for spawning services: setsid with the reset wrapper when this JVM inherited ignored signals. */
    static Optional<SessionLauncher> detectForServices() {
        return detect(true);
    }

    private static Optional<SessionLauncher> detect(boolean forServices) {
        return findProgram("setsid").map(setsid -> setsid(setsid, forServices ? signalResetForThisProcess() : List.of()))
                .or(() -> findProgram("perl").map(SessionLauncher::perl));
    }

    /**
     * The reset wrapper when this JVM inherited one of {@link InheritedSignals#RESET} ignored; when neither perl
     * nor a recent coreutils env is installed there is nothing to reset with, and services inherit the
     * disposition as they would from any other launcher.
     */
    private static List<String> signalResetForThisProcess() {
        if (!InheritedSignals.anyIgnored(Path.of("/proc/self/status"))) {
            return List.of();
        }
        return InheritedSignals.resetter().orElse(List.of());
    }

    List<String> argv(String command) {
        List<String> argv = new ArrayList<>(prefix);
        argv.addAll(signalReset);
        argv.addAll(List.of("/bin/sh", "-c", command));
        return argv;
    }

    static Optional<Path> findProgram(String name) {
        List<String> dirs = new ArrayList<>(List.of("/usr/bin", "/bin", "/usr/sbin", "/sbin"));
        String path = System.getenv("PATH");
        if (path != null) {
            dirs.addAll(0, List.of(path.split(":")));
        }
        return dirs.stream().filter(dir -> !dir.isEmpty()).map(dir -> Path.of(dir, name))
                .filter(p -> Files.isRegularFile(p) && Files.isExecutable(p)).findFirst();
    }
}
