package dev.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Which subcommands a run of {@code dev} must register with picocli. Picocli reflects over every
 * registered command class when the tree is built — annotations, fields, dynamic proxies — and on a
 * short-lived JVM that is most of a quick command's time (~60 ms of a ~200 ms {@code dev status}
 * when all nine subcommands are registered). So a run registers only the subcommand its arguments
 * name, and none for a bare {@code dev --version}; anything it cannot read with certainty (help, an
 * unknown word that deserves "did you mean", clustered or unknown options, argument files, the
 * completion command that describes the whole tree) gets the full tree, which is always correct.
 */
final class CommandTree {
    /** Every subcommand in the order {@code dev --help} lists them; names as in their {@code @Command}. */
    static final Map<String, Class<? extends BaseCommand>> SUBCOMMANDS = subcommands();

    /** Root options that take a value in the next argument. */
    private static final Set<String> ROOT_OPTIONS_WITH_VALUE = Set.of("-C", "-f", "--file", "--color");
    /** The same options written with {@code =}: their value is part of the argument. */
    private static final Set<String> ROOT_OPTIONS_WITH_ATTACHED_VALUE = Set.of("--file=", "--color=");
    private static final Set<String> ROOT_FLAGS = Set.of("--no-color", "--verbose");
    private static final Set<String> VERSION_FLAGS = Set.of("-V", "--version");
    /** Needs every other subcommand: it prints a completion script for the whole tree. */
    private static final String COMPLETION = "completion";

    private CommandTree() {
    }

    private static Map<String, Class<? extends BaseCommand>> subcommands() {
        Map<String, Class<? extends BaseCommand>> m = new LinkedHashMap<>();
        m.put("start", StartCommand.class);
        m.put("stop", StopCommand.class);
        m.put("restart", RestartCommand.class);
        m.put("status", StatusCommand.class);
        m.put("logs", LogsCommand.class);
        m.put("check", CheckCommand.class);
        m.put("env", EnvCommand.class);
        m.put("init", InitCommand.class);
        m.put(COMPLETION, CompletionCommand.class);
        return java.util.Collections.unmodifiableMap(m);
    }

    /**
     * The subcommands to register for {@code args}: all of them unless the arguments certainly need
     * fewer.
     */
    static Set<String> needed(String... args) {
        boolean version = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (ROOT_OPTIONS_WITH_VALUE.contains(arg)) {
                i++; // its value, whatever it looks like
            } else if (ROOT_FLAGS.contains(arg) || startsWithAny(arg, ROOT_OPTIONS_WITH_ATTACHED_VALUE)) {
                continue;
            } else if (VERSION_FLAGS.contains(arg)) {
                version = true;
            } else if (arg.startsWith("-") || arg.startsWith("@")) {
                return SUBCOMMANDS.keySet(); // help, clustered or unknown options, argument files, "--"
            } else if (SUBCOMMANDS.containsKey(arg) && !arg.equals(COMPLETION)) {
                return Set.of(arg);
            } else {
                return SUBCOMMANDS.keySet(); // an unknown command: picocli suggests the nearest names
            }
        }
        return version ? Set.of() : SUBCOMMANDS.keySet(); // a bare "dev" prints usage, listing every command
    }

    private static boolean startsWithAny(String arg, Set<String> prefixes) {
        for (String prefix : prefixes) {
            if (arg.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
