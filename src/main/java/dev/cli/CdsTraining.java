package dev.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The workload {@code bin/dev} records, once per jar, to build its class-data-sharing archive: it runs
 * with {@code -XX:DumpLoadedClassList} and every class it loads is archived, so later runs map them
 * instead of loading, parsing and verifying them. A class left out costs its loading on every run
 * that needs it, so the workload goes through what users run most: help and version, a real stack
 * started in this process, {@code status} (plain and JSON), {@code logs}, {@code restart},
 * {@code env}, {@code check} and {@code stop} — and then loads every other class of dev itself
 * without running it.
 *
 * <p>The stack is two tiny shell services and a task in a temporary directory, deleted afterwards;
 * the whole run takes about a second. A step that fails is skipped (the classes it loaded still
 * count); a run that hangs is ended after {@link #DEADLINE}, and the orchestrator's watchdog then
 * stops the services. Output goes nowhere. Exit status 0 unless the workload could not run at all.
 */
public final class CdsTraining {
    static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final Duration STACK_UP = Duration.ofSeconds(15);
    private static final String CONFIG = """
            [project]
            name = "training"
            stop_timeout = "2s"

            [services.db]
            command = "echo ready; exec sleep 60"
            health = { log = "^ready$" }

            [services.migrate]
            command = "true"
            task = true
            depends_on = { db = "healthy" }

            [services.api]
            command = "echo ready; exec sleep 60"
            port = "auto"
            depends_on = { db = "healthy", migrate = "completed" }
            env = { API_URL = "http://127.0.0.1:${port}" }
            health = { log = "^ready$" }
            """;

    private final PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
    private final Path project;

    private CdsTraining(Path project) {
        this.project = project;
    }

    public static void main(String[] args) {
        Thread deadline = new Thread(() -> {
            try {
                Thread.sleep(DEADLINE.toMillis());
                Runtime.getRuntime().halt(1);
            } catch (InterruptedException e) {
                // finished in time
            }
        }, "dev-training-deadline");
        deadline.setDaemon(true);
        deadline.start();
        Path dir;
        try {
            dir = Files.createTempDirectory("dev-training");
        } catch (IOException e) {
            System.exit(1);
            return;
        }
        try {
            new CdsTraining(dir).run();
        } finally {
            deleteTree(dir);
        }
        System.exit(0);
    }

    private void run() {
        dev("--version");
        dev("--help");
        dev("start", "--help");
        try {
            Files.writeString(project.resolve("dev.toml"), CONFIG, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return;
        }
        dev("check");
        dev("status");
        Thread foreground = new Thread(() -> dev("start"), "dev-training-start");
        foreground.start();
        if (awaitUp()) {
            dev("status");
            dev("status", "--json");
            dev("logs", "-n", "5");
            dev("env", "api");
            dev("restart", "api");
        }
        // A whole-stack stop waits for the orchestrator's process to exit, which here is this one: let it
        // wait on its own thread, and go on once the stack is down.
        Thread stop = new Thread(() -> dev("stop"), "dev-training-stop");
        stop.setDaemon(true);
        stop.start();
        try {
            foreground.join(STACK_UP.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        loadEveryDevClass();
    }

    private boolean awaitUp() {
        long deadline = System.nanoTime() + STACK_UP.toNanos();
        while (System.nanoTime() < deadline) {
            if (dev("status", "-q") == ExitCode.OK) {
                return true;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    /** One {@code dev -C PROJECT ARGS} in this process; any failure is only a step skipped. */
    private int dev(String... args) {
        List<String> argv = new ArrayList<>(List.of("--no-color", "-C", project.toString()));
        argv.addAll(List.of(args));
        try {
            CliContext context = new CliContext(nowhere, nowhere, System.getenv(), project, false);
            return Main.run(context, argv.toArray(String[]::new));
        } catch (RuntimeException e) {
            return ExitCode.FAILED;
        }
    }

    /** Loads (without initialising) the classes no step ran, such as those of {@code dev start -d} and {@code dev init}. */
    private static void loadEveryDevClass() {
        Path jar;
        try {
            jar = Path.of(CdsTraining.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | RuntimeException e) {
            return;
        }
        if (!Files.isRegularFile(jar)) {
            return; // run from a classes directory: nothing to archive
        }
        try (JarFile zip = new JarFile(jar.toFile())) {
            zip.stream().map(JarEntry::getName)
                    .filter(name -> name.startsWith("dev/") && name.endsWith(".class"))
                    .map(name -> name.substring(0, name.length() - ".class".length()).replace('/', '.'))
                    .forEach(CdsTraining::load);
        } catch (IOException | RuntimeException e) {
            // the classes loaded so far still make a useful archive
        }
    }

    private static void load(String className) {
        try {
            Class.forName(className, false, CdsTraining.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            // not loadable on its own (an optional dependency): leave it out
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // a temporary directory: the system cleans up what is left
                }
            });
        } catch (IOException e) {
            // same
        }
    }
}
