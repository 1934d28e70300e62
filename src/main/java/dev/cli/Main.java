package dev.cli;

import dev.config.ConfigError;
import dev.config.ConfigException;
import dev.ui.Ansi;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Help;

/** Entry point. {@link #run} is what tests call, with captured streams and a chosen environment. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        java.util.Optional<DetachedChild.Arguments> detachedChild = DetachedChild.parse(args);
        java.util.Set<String> subcommands = CommandTree.needed(args);
        if (detachedChild.isEmpty() && subcommands.size() == 1) {
            Preload.startInBackground(); // not for --version (no subcommand) or help (all of them)
        }
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true,
                StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.err), true,
                StandardCharsets.UTF_8);
        Map<String, String> env = System.getenv();
        Path cwd = Path.of("").toAbsolutePath();
        CliContext context = new CliContext(out, err, env, cwd, dev.ui.Terminals.stdoutIsTerminal(env));
        int code = detachedChild.isPresent() ? DetachedChild.run(context, detachedChild.get())
                : execute(context, subcommands, args);
        out.flush();
        err.flush();
        System.exit(code);
    }

    public static int run(CliContext context, String... args) {
        return execute(context, CommandTree.needed(args), args);
    }

    private static int execute(CliContext context, java.util.Set<String> subcommands, String... args) {
        if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
            // What picocli prints for it, without building even the root command (~40 ms of reflection).
            for (String line : new DevCommand.VersionProvider().getVersion()) {
                context.out().println(line);
            }
            return ExitCode.OK;
        }
        java.util.Optional<BaseCommand> plain = FastPath.parse(args);
        if (plain.isPresent()) {
            return runWithoutPicocli(context, plain.get());
        }
        return commandLine(context, subcommands).execute(args);
    }

    /** A command {@link FastPath} read: run and reported exactly as picocli's execution strategy does. */
    private static int runWithoutPicocli(CliContext context, BaseCommand command) {
        DevCommand root = command.root;
        root.context = context;
        try {
            return command.call();
        } catch (Exception ex) {
            return report(ex, context.err(), root.verbose(), root.ansi(), root.workingDirectory());
        }
    }

    /** The whole picocli tree wired to a context; also used by completion and man page generators. */
    public static CommandLine commandLine(CliContext context) {
        return commandLine(context, CommandTree.SUBCOMMANDS.keySet());
    }

    /** The tree with only the named subcommands registered (see {@link CommandTree} for why). */
    private static CommandLine commandLine(CliContext context, java.util.Set<String> subcommands) {
        DevCommand root = new DevCommand();
        root.context = context;
        CommandLine cli = new CommandLine(root);
        CommandTree.SUBCOMMANDS.forEach((name, type) -> {
            if (subcommands.contains(name)) {
                cli.addSubcommand(name, type);
            }
        });
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setOut(new PrintWriter(context.out(), true));
        cli.setErr(new PrintWriter(context.err(), true));
        cli.setExecutionStrategy(parseResult -> {
            // Help output follows the same colour decision as everything else.
            boolean color = root.colorEnabled();
            cli.setColorScheme(Help.defaultColorScheme(color ? Help.Ansi.ON : Help.Ansi.OFF));
            return new CommandLine.RunLast().execute(parseResult);
        });
        cli.setParameterExceptionHandler((ex, args) -> {
            PrintStream err = context.err();
            err.println("dev: " + ex.getMessage());
            CommandLine.UnmatchedArgumentException.printSuggestions(ex, new PrintWriter(err, true));
            err.println("Run '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help' for usage.");
            return ExitCode.USAGE;
        });
        // Paths in messages are relative to the -C directory: dev runs "as if started in DIR".
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) ->
                report(ex, context.err(), root.verbose(), root.ansi(), root.workingDirectory()));
        cli.setExitCodeExceptionMapper(ex -> ExitCode.FAILED);
        return cli;
    }

    /** Turns any failure into a short message and an exit code; stack traces only with --verbose. */
    static int report(Exception ex, PrintStream err, boolean verbose, Ansi ansi, Path cwd) {
        int code;
        if (ex instanceof ConfigException ce) {
            printConfigErrors(ce, err, ansi, cwd);
            code = ExitCode.USAGE;
        } else if (ex instanceof UserException ue) {
            err.println(ansi.red("error:") + " " + ue.getMessage());
            if (ue.hint() != null) {
                err.println(ansi.dim("hint: ") + ue.hint());
            }
            code = ue.exitCode();
        } else {
            err.println(ansi.red("error:") + " " + (ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage()));
            if (!verbose) {
                err.println(ansi.dim("hint: ") + "run again with --verbose for details");
            }
            code = ExitCode.FAILED;
        }
        if (verbose) {
            StringWriter trace = new StringWriter();
            ex.printStackTrace(new PrintWriter(trace));
            err.print(trace);
        }
        err.flush();
        return code;
    }

    static void printConfigErrors(ConfigException ce, PrintStream err, Ansi ansi, Path cwd) {
        for (ConfigError e : ce.errors()) {
            err.println(ansi.bold(displayLocation(e, cwd)) + ": " + ansi.red("error:") + " " + e.message());
            if (e.suggestion() != null && !e.suggestion().isBlank()) {
                err.println("  " + ansi.dim("hint:") + " " + e.suggestion());
            }
        }
        int n = ce.errors().size();
        if (n > 1) {
            err.println(n + " errors");
        }
    }

    /** Paths relative to where the user stands, like compilers print them. */
    private static String displayLocation(ConfigError e, Path cwd) {
        Path file = e.location().file();
        String shown = file == null ? "dev.toml" : relativize(cwd, file);
        return e.location().known() ? shown + ":" + e.location().line() + ":" + e.location().column() : shown;
    }

    static String relativize(Path cwd, Path file) {
        try {
            Path abs = file.toAbsolutePath().normalize();
            Path rel = cwd.toAbsolutePath().normalize().relativize(abs);
            String s = rel.toString();
            return s.startsWith("../../..") ? abs.toString() : s;
        } catch (IllegalArgumentException ex) {
            return file.toString();
        }
    }
}
