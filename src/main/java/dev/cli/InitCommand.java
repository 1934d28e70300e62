package dev.cli;

import dev.config.ConfigDiscovery;
import dev.init.Detection;
import dev.init.ExecutableLookup;
import dev.init.Finding;
import dev.init.GitIgnore;
import dev.init.ProjectDetector;
import dev.init.StarterFile;
import dev.init.StarterToml;
import dev.ui.Ansi;
import java.io.PrintStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "init", mixinStandardHelpOptions = true,
        description = {"Write a starter dev.toml by detecting the project in the working directory.",
            "Recognises package.json scripts (Vite, Next.js, a dev or start script), Python apps (FastAPI or"
                + " Starlette with uvicorn, Django, Flask), a Procfile, and the databases the project uses"
                + " (PostgreSQL, Redis, MySQL) when their servers are on PATH. Frontends depend on backends,"
                + " backends on databases.",
            "Never overwrites an existing dev.toml: exits 2 instead, or with --force writes dev.toml.new beside it."
                + " Adds .dev/ to .gitignore (creating it if needed)."})
final class InitCommand extends ConfigCommand {
    @Option(names = "--force", description = "If dev.toml exists, write dev.toml.new beside it instead of failing.")
    boolean force;

    @Override
    protected int execute() throws Exception {
        Path cwd = root.workingDirectory();
        if (!Files.isDirectory(cwd)) {
            throw new UserException(ExitCode.USAGE, "directory " + cwd + " does not exist", "check the path given to -C");
        }
        Path explicit = root.explicitConfigFile(fileOption());
        Path config = explicit != null ? explicit : cwd.resolve(ConfigDiscovery.FILE_NAME);
        Path projectDir = config.toAbsolutePath().getParent();
        Detection detection = ProjectDetector.detect(projectDir, ExecutableLookup.fromEnvironment(context().env()));
        Path written;
        try {
            written = StarterFile.write(config, StarterToml.render(detection), force);
        } catch (FileAlreadyExistsException e) {
            String name = config.getFileName().toString();
            throw new UserException(ExitCode.USAGE, shown(config) + " already exists; dev init never overwrites it",
                    "'dev check' validates it; 'dev init --force' writes a fresh " + name + StarterFile.NEW_SUFFIX
                            + " beside it to compare");
        }
        GitIgnore.Outcome ignore = GitIgnore.ensureRunDirectoryIgnored(projectDir);
        report(detection, written, ignore);
        return ExitCode.OK;
    }

    private void report(Detection detection, Path written, GitIgnore.Outcome ignore) {
        PrintStream out = out();
        Ansi ansi = ansi();
        var found = detection.services().stream().map(Finding::summary).filter(s -> !s.isEmpty()).toList();
        if (!found.isEmpty()) {
            out.println("Found:");
            found.forEach(s -> out.println("  " + s));
        }
        String names = detection.services().stream().map(f -> f.draft().name()).collect(Collectors.joining(", "));
        out.println(ansi.green("Wrote " + shown(written)) + " (services: " + names + ")");
        switch (ignore) {
            case CREATED -> out.println("Created .gitignore with .dev/ (dev's run directory)");
            case ADDED -> out.println("Added .dev/ to .gitignore");
            case ALREADY_IGNORED -> {
            }
        }
        detection.notes().forEach(n -> out.println(ansi.yellow("note: ") + n));
        if (written.getFileName().toString().endsWith(StarterFile.NEW_SUFFIX)) {
            out.println("Next: compare it with your dev.toml and take what you need.");
        } else {
            out.println("Next: " + ansi.bold("dev check") + " shows the start plan, " + ansi.bold("dev start")
                    + " runs the stack.");
        }
    }

    private String shown(Path file) {
        return Main.relativize(context().workingDirectory(), file);
    }
}
