package dev.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * A run registers only the subcommands its arguments need (a startup-time saving); it must behave exactly like
 * the full tree, which completion and man pages are generated from.
 */
class CommandTreeTest {
    @TempDir
    Path dir;

    @Test
    void theRegistryNamesEachSubcommandAsItsAnnotationDoesInHelpOrder() {
        List<String> annotated = new ArrayList<>();
        CommandTree.SUBCOMMANDS.values().forEach(c -> annotated.add(c.getAnnotation(CommandLine.Command.class).name()));
        assertEquals(List.copyOf(CommandTree.SUBCOMMANDS.keySet()), annotated);
        assertEquals(List.of("start", "stop", "restart", "status", "logs", "check", "env", "init", "completion"),
                annotated);
    }

    @Test
    void aNamedSubcommandAfterRootOptionsIsTheOnlyOneRegistered() {
        assertEquals(Set.of("status"), CommandTree.needed("status", "--json"));
        assertEquals(Set.of("stop"), CommandTree.needed("--no-color", "-C", "/tmp/x", "stop", "api"));
        assertEquals(Set.of("logs"), CommandTree.needed("--color", "never", "-f", "a.toml", "--verbose", "logs", "-f"));
        assertEquals(Set.of("start"), CommandTree.needed("--color=never", "--file=x.toml", "start", "-d"));
        assertEquals(Set.of("check"), CommandTree.needed("-C", "status", "check"), "-C takes the next word as its value");
        assertEquals(Set.of(), CommandTree.needed("--version"));
        assertEquals(Set.of(), CommandTree.needed("-C", "dir", "-V"));
    }

    @Test
    void anythingUncertainGetsTheWholeTree() {
        Set<String> all = CommandTree.SUBCOMMANDS.keySet();
        assertEquals(all, CommandTree.needed());
        assertEquals(all, CommandTree.needed("--help"));
        assertEquals(all, CommandTree.needed("--version", "--help"));
        assertEquals(all, CommandTree.needed("stat"));
        assertEquals(all, CommandTree.needed("completion", "bash"));
        assertEquals(all, CommandTree.needed("-hV"));
        assertEquals(all, CommandTree.needed("--", "status"));
        assertEquals(all, CommandTree.needed("@args.txt"));
        assertEquals(all, CommandTree.needed("-C=dir", "status"));
        assertEquals(all, CommandTree.needed("--bogus", "status"));
    }

    @Test
    void everyRunPrintsAndExitsExactlyAsTheFullTreeWould() throws Exception {
        Files.writeString(dir.resolve("dev.toml"), "[services.api]\ncommand = \"sleep 1\"\n");
        List<String[]> runs = List.of(new String[] {}, new String[] {"--version"}, new String[] {"-V"},
                new String[] {"--help"}, new String[] {"stat"}, new String[] {"status", "--help"},
                new String[] {"status"}, new String[] {"status", "--json"}, new String[] {"status", "--bogus"},
                new String[] {"--bogus"}, new String[] {"--version", "status"}, new String[] {"check"},
                new String[] {"-C", "nowhere", "status"}, new String[] {"--color=always", "stop", "--help"},
                new String[] {"stop"}, new String[] {"env", "api"}, new String[] {"logs", "-n", "x"},
                new String[] {"restart"}, new String[] {"start", "--timeout", "1s"}, new String[] {"init", "--help"});
        for (String[] args : runs) {
            assertEquals(run(args, true), run(args, false), () -> "dev " + String.join(" ", args));
        }
    }

    /** Exit code and both streams of one in-process run, with the full tree or the one {@link Main#run} builds. */
    private String run(String[] args, boolean fullTree) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CliContext context = new CliContext(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Cli.BASE_ENV, dir, false);
        int code = fullTree ? Main.commandLine(context).execute(args) : Main.run(context, args);
        return "exit " + code + "\n--- out\n" + out.toString(StandardCharsets.UTF_8) + "--- err\n"
                + err.toString(StandardCharsets.UTF_8);
    }
}
