package dev.cli;

import dev.config.Config;
import dev.config.ConfigDiscovery;
import dev.config.ConfigError;
import dev.config.ConfigException;
import dev.config.ConfigLoader;
import dev.config.Location;
import dev.ui.Ansi;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** What every subcommand shares: streams, colour, and finding dev.toml. Commands stay thin. */
@picocli.CommandLine.Command
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

    /** The dev.toml to use: -f, else the nearest one walking up from the (-C) working directory. */
    protected Path configFile() throws ConfigException {
        Path explicit = root.explicitConfigFile();
        if (explicit != null) {
            if (!Files.isRegularFile(explicit)) {
                throw new ConfigException(new ConfigError(Location.unknown(explicit), ConfigError.Kind.NOT_FOUND,
                        "config file " + explicit + " does not exist", "check the path given to -f"));
            }
            return explicit;
        }
        Path start = root.workingDirectory();
        if (!Files.isDirectory(start)) {
            throw new UserException(ExitCode.USAGE, "directory " + start + " does not exist", "check the path given to -C");
        }
        Optional<Path> found = ConfigDiscovery.find(start);
        return found.orElseThrow(() -> new ConfigException(new ConfigError(Location.unknown(start.resolve("dev.toml")),
                ConfigError.Kind.NOT_FOUND,
                "no dev.toml in " + start + " or any parent directory",
                "create one with 'dev init', or point to one with -f FILE")));
    }

    /** The project root (dev.toml's directory) without parsing dev.toml: status and stop must not need it valid. */
    protected java.nio.file.Path projectRoot() throws ConfigException {
        return configFile().toAbsolutePath().getParent();
    }

    protected dev.run.RunDirectory runDirectory() throws ConfigException {
        return dev.run.RunDirectory.of(projectRoot());
    }

    protected Config loadConfig() throws ConfigException {
        return ConfigLoader.load(configFile());
    }
}
