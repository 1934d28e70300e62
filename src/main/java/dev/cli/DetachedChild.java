package dev.cli;

import dev.config.Config;
import dev.config.ConfigLoader;
import dev.ui.Ansi;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/**
 * The background orchestrator's entry point: {@code dev --no-color -f FILE start --detached-child [--no-deps]
 * [--abort-on-failure] [SERVICE…]}, exactly the arguments {@code StartCommand} gives the process it detaches,
 * read here without picocli. Building even the two-command picocli tree cost the orchestrator 50–100 ms of
 * reflection on the way to its first spawn, which every {@code dev start -d --wait} waits for. Arguments of
 * any other shape go to the full CLI, which parses and reports them as usual.
 */
final class DetachedChild {
    /** What the detaching {@code dev start} asked for; {@code file} as it gave it (absolute). */
    record Arguments(Path file, boolean withDependencies, boolean abortOnFailure, List<String> services) {
        Arguments {
            services = List.copyOf(services);
        }
    }

    private DetachedChild() {
    }

    static Optional<Arguments> parse(String... args) {
        if (args.length < 5 || !args[0].equals("--no-color") || !args[1].equals("-f") || !args[3].equals("start")
                || !args[4].equals("--detached-child")) {
            return Optional.empty();
        }
        boolean noDeps = false;
        boolean abortOnFailure = false;
        List<String> services = new ArrayList<>();
        for (int i = 5; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--no-deps") && services.isEmpty()) {
                noDeps = true;
            } else if (arg.equals("--abort-on-failure") && services.isEmpty()) {
                abortOnFailure = true;
            } else if (arg.startsWith("-") || arg.startsWith("@")) {
                return Optional.empty(); // not what StartCommand writes: let picocli say what it is
            } else {
                services.add(arg);
            }
        }
        return Optional.of(new Arguments(Path.of(args[2]), !noDeps, abortOnFailure, services));
    }

    /** Runs the orchestrator in this process, as {@code dev start} in the foreground would; the exit code. */
    static int run(CliContext context, Arguments arguments) {
        Ansi plain = new Ansi(false);
        try {
            Config config = ConfigLoader.load(context.workingDirectory().resolve(arguments.file()), context.env());
            LinkedHashSet<String> requested = new LinkedHashSet<>(arguments.services());
            StartCommand.requireKnown(config, requested, context.workingDirectory());
            return StartCommand.runHere(context, plain, config, requested, arguments.withDependencies(),
                    arguments.abortOnFailure(), false);
        } catch (Exception e) {
            return Main.report(e, context.err(), false, plain, context.workingDirectory());
        }
    }
}
