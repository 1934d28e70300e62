package dev.cli;

import dev.ui.Ansi;
import dev.ui.ColorMode;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The root command: global options (SPEC §1) shared by every subcommand. The subcommands are
 * registered by {@link Main} from {@link CommandTree#SUBCOMMANDS}, only those a run needs.
 */
@Command(name = "dev",
        addMethodSubcommands = false, // none exist; looking costs every run a scan of this class's methods
        mixinStandardHelpOptions = true,
        versionProvider = DevCommand.VersionProvider.class,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = "Run your project's whole local development stack from one dev.toml.",
        footerHeading = "%nExit codes:%n",
        footer = {
            "  0    success",
            "  1    a service failed, was unhealthy, or could not be stopped",
            "  2    usage or config error",
            "  3    (status) the stack is not running",
            "  4    (start) already running for this project",
            "  124  --wait/--timeout expired"})
public final class DevCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Option(names = "-C", paramLabel = "DIR", scope = ScopeType.INHERIT,
            description = "Run as if dev was started in DIR.")
    Path directory;

    /**
     * Not inherited like the other global options: {@code dev logs -f} means follow, as in tail and
     * docker. Subcommands take {@code -f/--file} through {@link ConfigCommand} ({@code --file} on logs).
     */
    @Option(names = {"-f", "--file"}, paramLabel = "FILE",
            description = "Config file (default: the nearest dev.toml walking up from the working directory).")
    Path file;

    @Option(names = "--color", paramLabel = "WHEN", scope = ScopeType.INHERIT, defaultValue = "auto",
            description = "Colour output: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}; auto honours NO_COLOR, CLICOLOR_FORCE and whether stdout is a terminal).")
    ColorMode color;

    @Option(names = "--no-color", scope = ScopeType.INHERIT, description = "Same as --color=never.")
    boolean noColor;

    @Option(names = "--verbose", scope = ScopeType.INHERIT, description = "Show stack traces and debug detail.")
    boolean verbose;

    CliContext context;

    @Override
    public void run() {
        spec.commandLine().usage(context.out(), spec.commandLine().getColorScheme());
    }

    public CliContext context() {
        return context;
    }

    public boolean verbose() {
        return verbose;
    }

    /** The directory -C names, resolved against the real working directory. */
    public Path workingDirectory() {
        Path cwd = context.workingDirectory();
        return directory == null ? cwd : cwd.resolve(directory).normalize();
    }

    /** @param subcommandFile the subcommand's own -f/--file value, which wins over the root's */
    public Path explicitConfigFile(Path subcommandFile) {
        Path chosen = subcommandFile != null ? subcommandFile : file;
        return chosen == null ? null : workingDirectory().resolve(chosen).normalize();
    }

    public boolean colorEnabled() {
        ColorMode mode = noColor ? ColorMode.NEVER : color;
        return mode.enabled(context.env(), context.stdoutIsTerminal());
    }

    public Ansi ansi() {
        return new Ansi(colorEnabled());
    }

    static final class VersionProvider implements picocli.CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"dev " + Version.get()};
        }
    }
}
