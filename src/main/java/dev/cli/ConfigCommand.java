package dev.cli;

import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** A subcommand that accepts {@code -f/--file FILE} after its name too ({@code dev status -f x.toml}). */
@Command
abstract class ConfigCommand extends BaseCommand {
    @Option(names = {"-f", "--file"}, paramLabel = "FILE",
            description = "Config file (default: the nearest dev.toml walking up from the working directory).")
    Path file;

    @Override
    protected Path fileOption() {
        return file;
    }
}
