package dev.ui;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code dev status}, {@code stop} and {@code logs} answer without building a JLine terminal
 * (which costs class loading and a native library), even when stdout is a terminal: checked in a
 * fresh JVM by the classes it loads.
 */
class NoTerminalForPlainCommandsTest {
    @TempDir
    Path project;

    @ParameterizedTest(name = "dev {0}")
    @ValueSource(strings = {"status", "stop", "logs"})
    void loadsNoTerminalClass(String command) throws IOException, InterruptedException {
        Files.writeString(project.resolve("dev.toml"), "[services.web]\ncommand = \"exec sleep 600\"\n");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder pb = new ProcessBuilder(java.toString(), "-XX:TieredStopAtLevel=1", "-Xshare:auto",
                "-Xlog:class+load=info:stdout", "-cp", System.getProperty("java.class.path"), "dev.cli.Main",
                "-C", project.toString(), command);
        pb.environment().put("DEV_STDOUT_TTY", "1");
        pb.environment().put("TERM", "xterm-256color");
        pb.environment().remove("CI");
        pb.redirectInput(new File("/dev/null")).redirectErrorStream(true);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "dev " + command + " finished");
        List<String> loaded = out.lines().filter(l -> l.contains(" source: ")).toList();
        assertTrue(loaded.stream().anyMatch(l -> l.contains("dev.cli.Main ")), "the class-load log is there:\n" + out);
        assertFalse(loaded.stream().anyMatch(l -> l.contains("org.jline.terminal.")),
                () -> "dev " + command + " loaded JLine's terminal:\n" + String.join("\n",
                        loaded.stream().filter(l -> l.contains("org.jline")).toList()));
    }
}
