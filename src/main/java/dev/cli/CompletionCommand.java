package dev.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "completion", mixinStandardHelpOptions = true,
        description = {"Print the completion script for SHELL: the same text as the files in completions/.",
            "  bash: add  source <(dev completion bash)  to ~/.bashrc",
            "  zsh:  dev completion zsh > ~/.zsh/completions/_dev  (a directory in $fpath)",
            "  fish: dev completion fish > ~/.config/fish/completions/dev.fish"})
final class CompletionCommand extends BaseCommand {
    @Parameters(index = "0", paramLabel = "SHELL", description = "The shell: ${COMPLETION-CANDIDATES}.")
    CompletionScripts.Shell shell;

    @Override
    protected int execute() {
        // The tree this command runs in, so the script describes exactly the commands of this binary.
        out().print(CompletionScripts.generate(shell, spec.root().commandLine()));
        out().flush();
        return ExitCode.OK;
    }
}
