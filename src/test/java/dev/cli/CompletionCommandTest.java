package dev.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CompletionCommandTest {
    private record Result(int code, String out, String err) {
    }

    private static Result dev(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(new CliContext(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of(), Path.of("/"), false), args);
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @EnumSource(CompletionScripts.Shell.class)
    void printsTheGeneratedScript(CompletionScripts.Shell shell) {
        Result r = dev("completion", shell.toString());
        assertEquals(0, r.code(), r.err());
        String expected = switch (shell) {
            case BASH -> CompletionScripts.bash();
            case ZSH -> CompletionScripts.zsh();
            case FISH -> CompletionScripts.fish();
        };
        assertEquals(expected, r.out());
    }

    @Test
    void theScriptsDoNotDependOnColourOrTheEnvironment() {
        assertEquals(dev("completion", "zsh").out(), dev("--color=always", "-C", "/tmp", "completion", "ZSH").out());
    }

    @Test
    void anUnknownShellIsAUsageError() {
        Result r = dev("completion", "powershell");
        assertEquals(ExitCode.USAGE, r.code());
        assertTrue(r.err().toLowerCase(java.util.Locale.ROOT).contains("bash, zsh, fish"), r.err());
    }

    @Test
    void everyVisibleCommandAndServiceParameterIsInEveryScript() {
        CompletionModel model = CompletionModel.of(Main.commandLine(CompletionFreshnessTest.Generated.inertContext()));
        for (CompletionModel command : model.subcommands()) {
            assertTrue(CompletionScripts.zsh().contains("(" + command.name() + ") _dev_" + command.name()), command.name());
            assertTrue(CompletionScripts.fish().contains("-a '" + command.name() + "'"), command.name());
            assertTrue(CompletionScripts.bash().contains("function _picocli_dev_" + command.name() + "()"), command.name());
        }
        long serviceParameters = model.all().stream().flatMap(c -> c.positionals().stream())
                .filter(p -> p.kind() == CompletionModel.ValueKind.SERVICE).count();
        assertTrue(serviceParameters >= 5, "start, stop, restart, status and env take services");
        assertEquals(serviceParameters, CompletionScripts.bash().split("done < <\\(_dev_service_names\\)", -1).length - 1);
    }

    @Test
    void summariesAreOneShortPhrase() {
        assertEquals("Config file", CompletionModel.summary(new String[] {"Config file (default: the nearest one)."}));
        assertEquals("Run it", CompletionModel.summary(new String[] {"Run it. Then stop.", "More."}));
        assertEquals("(internal)", CompletionModel.summary(new String[] {"(internal)"}));
        assertEquals("", CompletionModel.summary(new String[0]));
    }
}
