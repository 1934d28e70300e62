package dev.cli;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine;

/**
 * The completion scripts of {@code completions/}, generated from the picocli command tree that
 * {@link Main#commandLine} builds. {@code dev completion SHELL} prints them and the freshness test
 * compares them with the committed files, so both always agree with the code.
 */
public final class CompletionScripts {
    /** The shells with a script, and the file name each is committed (and installed) under. */
    public enum Shell {
        BASH("dev.bash"), ZSH("_dev"), FISH("dev.fish");

        private final String fileName;

        Shell(String fileName) {
            this.fileName = fileName;
        }

        public String fileName() {
            return fileName;
        }

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private CompletionScripts() {
    }

    public static String bash() {
        return generate(Shell.BASH, inertTree());
    }

    public static String zsh() {
        return generate(Shell.ZSH, inertTree());
    }

    public static String fish() {
        return generate(Shell.FISH, inertTree());
    }

    /** The script for {@code shell} describing the tree rooted at {@code root}. */
    public static String generate(Shell shell, CommandLine root) {
        CompletionModel model = CompletionModel.of(root);
        return switch (shell) {
            case BASH -> CompletionBash.script(root, model);
            case ZSH -> CompletionZsh.script(model);
            case FISH -> CompletionFish.script(model);
        };
    }

    /** The real command tree, wired to a context nothing reads: generation only looks at the model. */
    private static CommandLine inertTree() {
        PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
        return Main.commandLine(new CliContext(nowhere, nowhere, Map.of(), Path.of("/"), false));
    }
}
