package dev.cli;

import dev.ui.ColorMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the plainest invocations of the commands people and scripts run most, {@code dev start},
 * {@code dev status} and {@code dev stop}, without picocli. Building picocli's model for even one subcommand reflects over the command
 * classes and generates a proxy class per annotation type: 60–80 ms of a ~190 ms {@code dev status}, more than
 * the command's own work. The commands themselves are the same objects picocli would fill in; only the reading of
 * the arguments differs.
 *
 * <p>The grammar is deliberately small: the global options ({@code -C DIR}, {@code -f/--file FILE},
 * {@code --color WHEN}, {@code --no-color}, {@code --verbose}) and the subcommand's own plain options and
 * service names, each option at most once, a value never starting with {@code -}. Anything else — help, a
 * clustered or attached short option, {@code --}, an argument file, a repeated option, an unknown word, a value
 * picocli would reject — is left to picocli, which is always right and gives the error messages. A test parses
 * thousands of random argument lists both ways and requires the same fields whenever this path accepts one.
 */
final class FastPath {
    private FastPath() {
    }

    /** The command to run for {@code args}, its root filled in (the context still to set), or empty for picocli. */
    static Optional<BaseCommand> parse(String... args) {
        Reader reader = new Reader(args);
        return reader.read() ? Optional.of(reader.command) : Optional.empty();
    }

    private static final class Reader {
        /** The options that take no value: {@code --json=true} and the like are left to picocli. */
        private static final Set<String> FLAGS = Set.of("--no-color", "--verbose", "--json", "-q", "--quiet", "--force",
                "-d", "--detach", "--wait", "--no-deps", "--abort-on-failure");

        private final String[] args;
        private final DevCommand root = new DevCommand();
        private final Set<String> seen = new HashSet<>();
        private BaseCommand command;
        private int i;

        Reader(String[] args) {
            this.args = args;
            root.color = ColorMode.AUTO; // picocli's defaultValue
        }

        boolean read() {
            for (i = 0; i < args.length; i++) {
                String arg = args[i];
                boolean understood;
                if (command == null) {
                    if (arg.equals("status")) {
                        command = new StatusCommand();
                        understood = true;
                    } else if (arg.equals("stop")) {
                        command = new StopCommand();
                        understood = true;
                    } else if (arg.equals("start")) {
                        command = new StartCommand();
                        understood = true;
                    } else {
                        understood = isFileOption(arg) ? rootFile(arg) : global(arg);
                    }
                } else {
                    understood = global(arg) || own(arg);
                }
                if (!understood) {
                    return false;
                }
            }
            if (command == null) {
                return false; // "dev" alone or with global options only: usage, printed by picocli
            }
            command.root = root;
            return true;
        }

        private static boolean isFileOption(String arg) {
            return arg.equals("-f") || name(arg).equals("--file");
        }

        /** The inherited global options, valid before and after the subcommand. */
        private boolean global(String arg) {
            String name = name(arg);
            switch (name) {
                case "-C" -> {
                    String dir = value(arg, false);
                    if (dir == null) {
                        return false;
                    }
                    root.directory = Path.of(dir);
                }
                case "--color" -> {
                    String when = value(arg, true);
                    ColorMode mode = when == null ? null : colorMode(when);
                    if (mode == null) {
                        return false;
                    }
                    root.color = mode;
                }
                case "--no-color" -> root.noColor = true;
                case "--verbose" -> root.verbose = true;
                default -> {
                    return false;
                }
            }
            return (!isFlag(name) || !arg.contains("=")) && once(name);
        }

        /** -f/--file before the subcommand: the root's (after it, the subcommand's own). */
        private boolean rootFile(String arg) {
            String file = value(arg, arg.startsWith("--"));
            if (file == null) {
                return false;
            }
            root.file = Path.of(file);
            return once("root --file");
        }

        private boolean own(String arg) {
            if (!arg.startsWith("-")) {
                if (arg.startsWith("@")) {
                    return false; // an argument file, expanded by picocli
                }
                services().add(arg);
                return true;
            }
            String name = name(arg);
            if (isFileOption(arg)) {
                String file = value(arg, name.equals("--file"));
                if (file == null) {
                    return false;
                }
                ((ConfigCommand) command).file = Path.of(file);
                return once("--file");
            }
            if (isFlag(name) && arg.contains("=")) {
                return false; // --json=true and the like: picocli's to read
            }
            if (command instanceof StatusCommand status) {
                switch (name) {
                    case "--json" -> status.json = true;
                    case "-q", "--quiet" -> status.quiet = true;
                    default -> {
                        return false; // --watch opens a terminal anyway; help and the rest go to picocli
                    }
                }
                return once(name.equals("-q") ? "--quiet" : name);
            }
            if (command instanceof StartCommand start) {
                switch (name) {
                    case "-d", "--detach" -> start.detach = true;
                    case "--wait" -> start.waitUntilUp = true;
                    case "--no-deps" -> start.noDeps = true;
                    case "--abort-on-failure" -> start.abortOnFailure = true;
                    case "--timeout" -> {
                        start.timeout = value(arg, true);
                        if (start.timeout == null) {
                            return false;
                        }
                    }
                    default -> {
                        return false; // --detached-child is read by DetachedChild before this
                    }
                }
                return once(name.equals("-d") ? "--detach" : name);
            }
            StopCommand stop = (StopCommand) command;
            switch (name) {
                case "--force" -> stop.force = true;
                case "--timeout" -> {
                    stop.timeout = value(arg, true);
                    if (stop.timeout == null) {
                        return false;
                    }
                }
                case "--watchdog" -> {
                    stop.watchdogRunId = value(arg, true);
                    if (stop.watchdogRunId == null) {
                        return false;
                    }
                }
                default -> {
                    return false;
                }
            }
            return once(name);
        }

        private static boolean isFlag(String name) {
            return FLAGS.contains(name);
        }

        private List<String> services() {
            if (command instanceof StatusCommand status) {
                return status.services;
            }
            if (command instanceof StartCommand start) {
                return start.services;
            }
            return ((StopCommand) command).services;
        }

        /** The option's name: {@code --color} for {@code --color=never}. */
        private static String name(String arg) {
            int eq = arg.indexOf('=');
            return arg.startsWith("--") && eq > 0 ? arg.substring(0, eq) : arg;
        }

        /**
         * The option's value: attached after {@code =} (long options only) or the next argument; null (so
         * picocli decides) when there is none or it looks like an option or a subcommand.
         */
        private String value(String arg, boolean mayAttach) {
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                return mayAttach ? arg.substring(eq + 1) : null;
            }
            if (i + 1 >= args.length || args[i + 1].startsWith("-") || args[i + 1].startsWith("@")
                    || CommandTree.SUBCOMMANDS.containsKey(args[i + 1])) {
                return null; // picocli does not take a subcommand's name as an option's value
            }
            return args[++i];
        }

        private boolean once(String option) {
            return seen.add(option);
        }

        /** As picocli reads it with case-insensitive enum values; null for anything else. */
        private static ColorMode colorMode(String word) {
            for (ColorMode mode : ColorMode.values()) {
                if (mode.name().equalsIgnoreCase(word)) {
                    return mode;
                }
            }
            return null;
        }
    }

    /** For tests: a list of every argument list shape this path accepts is open-ended, so they compare fields. */
    static List<String> describe(BaseCommand command) {
        List<String> fields = new ArrayList<>();
        DevCommand root = command.root;
        fields.add("root.directory=" + root.directory);
        fields.add("root.file=" + root.file);
        fields.add("root.color=" + root.color);
        fields.add("root.noColor=" + root.noColor);
        fields.add("root.verbose=" + root.verbose);
        fields.add("file=" + ((ConfigCommand) command).file);
        if (command instanceof StatusCommand s) {
            fields.add("status services=" + s.services + " json=" + s.json + " quiet=" + s.quiet + " watch=" + s.watch);
        } else if (command instanceof StartCommand s) {
            fields.add("start services=" + s.services + " detach=" + s.detach + " wait=" + s.waitUntilUp + " timeout="
                    + s.timeout + " noDeps=" + s.noDeps + " abortOnFailure=" + s.abortOnFailure + " detachedChild="
                    + s.detachedChild);
        } else if (command instanceof StopCommand s) {
            fields.add("stop services=" + s.services + " timeout=" + s.timeout + " force=" + s.force
                    + " watchdog=" + s.watchdogRunId);
        }
        return fields;
    }
}
