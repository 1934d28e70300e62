package dev.cli;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.AutoComplete;
import picocli.CommandLine;

/**
 * The bash script: picocli's own generator, then three edits it has no hook for. Every edit
 * checks that the text it replaces is there, so a picocli upgrade that changes the script fails
 * generation loudly instead of producing a script that silently lost a feature.
 */
final class CompletionBash {
    /** Where picocli's script starts doing something; our header replaces everything above it. */
    private static final String BODY_START = "if [ -n \"$BASH_VERSION\" ]; then";

    private CompletionBash() {
    }

    static String script(CommandLine root, CompletionModel model) {
        String generated = AutoComplete.bash(root.getCommandName(), root);
        int body = generated.indexOf(BODY_START);
        if (body < 0) {
            throw new IllegalStateException("picocli's bash script no longer contains: " + BODY_START);
        }
        String script = header(model.name()) + CompletionServiceScan.bash() + "\n" + generated.substring(body);
        for (CompletionModel command : model.all()) {
            for (CompletionModel.Positional p : command.positionals()) {
                if (p.kind() == CompletionModel.ValueKind.SERVICE) {
                    script = readServiceNames(script, model.name(), command, p);
                }
                script = lowerCaseChoices(script, p.candidates());
            }
            for (CompletionModel.Opt o : command.options()) {
                script = lowerCaseChoices(script, o.candidates());
            }
        }
        return script;
    }

    private static String header(String program) {
        return """
                #!/usr/bin/env bash
                # bash completion for PROGRAM. Generated from PROGRAM's command model (`PROGRAM completion bash`
                # prints it): edit the Java sources, not this file.
                #
                # Install: source it from ~/.bashrc, e.g.
                #   source /path/to/completions/PROGRAM.bash
                # or put it where bash-completion loads it on demand, under the command's name:
                #   ~/.local/share/bash-completion/completions/PROGRAM
                #
                # SERVICE arguments complete to the services of the dev.toml that PROGRAM would use (-f, -C and
                # the working directory are honoured); that file is read with awk, without starting PROGRAM.

                """.replace("PROGRAM", program);
    }

    /** Replaces picocli's empty candidate list for a SERVICE parameter with the names read from dev.toml. */
    private static String readServiceNames(String script, String program, CompletionModel command,
                                           CompletionModel.Positional p) {
        String function = "function " + functionName(program, command.path()) + "() {";
        int start = script.indexOf(function);
        int end = start < 0 ? -1 : script.indexOf("\n}\n", start);
        if (end < 0) {
            throw new IllegalStateException("picocli's bash script has no " + function);
        }
        String body = script.substring(start, end);
        Pattern empty = Pattern.compile("(?m)^  local (" + Pattern.quote(bashify(p.label())) + "_pos_param_args)=\\(\"\"\\)[^\n]*$");
        Matcher m = empty.matcher(body);
        if (!m.find()) {
            throw new IllegalStateException("picocli's bash script has no empty candidate list for " + p.label()
                    + " in " + function);
        }
        String variable = m.group(1);
        String replacement = "  local " + variable + "=() _dev_name\n"
                + "  while IFS= read -r _dev_name; do " + variable + "+=(\"$_dev_name\"); done < <(_dev_service_names)";
        return script.substring(0, start) + body.substring(0, m.start()) + replacement + body.substring(m.end())
                + script.substring(end);
    }

    /** picocli lists enum constants as declared (AUTO); the parser accepts any case and the docs say auto. */
    private static String lowerCaseChoices(String script, List<String> lowerCased) {
        if (lowerCased.isEmpty()) {
            return script;
        }
        String lowered = "=(\"" + String.join("\" \"", lowerCased) + "\")";
        String declared = lowered.toUpperCase(java.util.Locale.ROOT);
        return script.replace(declared, lowered);
    }

    /** picocli's names: _picocli_dev for the root, _picocli_dev_start, _picocli_dev_a_b for nested commands. */
    static String functionName(String program, List<String> path) {
        StringBuilder name = new StringBuilder("_picocli_" + program);
        path.forEach(word -> name.append('_').append(bashify(word)));
        return name.toString();
    }

    /** The identifier picocli derives from a label or command name: letters, digits and '_'. */
    static String bashify(String value) {
        return value.replaceAll("[^A-Za-z0-9_]", "_");
    }
}
