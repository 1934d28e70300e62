package dev.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;

/**
 * What a command may touch of the outside world: its streams, environment and working directory.
 * Tests build one with captured streams; nothing in the CLI reads System.out or System.getenv.
 */
public record CliContext(PrintStream out, PrintStream err, Map<String, String> env, Path workingDirectory,
                         boolean stdoutIsTerminal) {
}
