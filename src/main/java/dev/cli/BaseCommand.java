package dev.cli;

import dev.config.Config;
import dev.config.ConfigDiscovery;
import dev.config.ConfigException;
import dev.config.ConfigLoader;
import dev.ui.Ansi;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * What every subcommand shares: streams, colour, and finding dev.toml. Commands stay thin.
 * {@code addMethodSubcommands = false}: dev has no method subcommands, and looking for them made picocli parse
 * the annotations of every method of every command class on each run.
 */
@picocli.CommandLine.Command(addMethodSubcommands = false)
abstract class BaseCommand implements Callable<Integer> {
    @ParentCommand
    DevCommand root;

    @Spec
    CommandSpec spec;

    @Override
    public final Integer call() throws Exception {
        return execute();
    }

    protected abstract int execute() throws Exception;

    /** This subcommand's own config-file option, if it has one (see {@link ConfigCommand}). */
    protected Path fileOption() {
        return null;
    }

    protected CliContext context() {
        return root.context();
    }

    protected PrintStream out() {
        return context().out();
    }

    protected PrintStream err() {
        return context().err();
    }

    protected Ansi ansi() {
        return root.ansi();
    }

    /** Where paths shown to the user are relative to: the -C directory, as if dev had started there. */
    protected Path displayDirectory() {
        return root.workingDirectory();
    }

    /**
     * The dev.toml to use: -f, else the nearest one walking up from the (-C) working directory.
     * A missing file is a usage problem (exit 2) reported without a file:line prefix, since there
     * is no file to point into.
     */
    protected Path configFile() {
        Path start = root.workingDirectory();
        // Checked even with -f: "-C DIR" promises to run in DIR, and a typo there should not be ignored.
        if (!Files.isDirectory(start)) {
            throw new UserException(ExitCode.USAGE, "directory " + start + " does not exist",
                    "check the path given to -C");
        }
        Path explicit = root.explicitConfigFile(fileOption());
        if (explicit != null) {
            if (Files.isDirectory(explicit)) {
                throw new UserException(ExitCode.USAGE, "config file " + explicit + " is a directory",
                        "point -f to the dev.toml file itself, or use -C " + explicit);
            }
            if (!Files.isRegularFile(explicit)) {
                throw new UserException(ExitCode.USAGE, "config file " + explicit + " does not exist",
                        "check the path given to -f");
            }
            return explicit;
        }
        return ConfigDiscovery.find(start).orElseThrow(() -> new UserException(ExitCode.USAGE,
                "no " + ConfigDiscovery.FILE_NAME + " in " + start + " or any parent directory",
                "create one with 'dev init', or point to one with -f FILE"));
    }

    /** The project root (dev.toml's directory) without parsing dev.toml: status and stop must not need it valid. */
    protected java.nio.file.Path projectRoot() throws ConfigException {
        return configFile().toAbsolutePath().getParent();
    }

    protected dev.run.RunDirectory runDirectory() throws ConfigException {
        return dev.run.RunDirectory.of(projectRoot());
    }

    /** Loads dev.toml, checking ${VAR} references against the context's environment, not the JVM's. */
    protected Config loadConfig() throws ConfigException {
        return ConfigLoader.load(configFile(), context().env());
    }
}
