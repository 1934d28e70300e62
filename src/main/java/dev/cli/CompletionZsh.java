package dev.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The zsh script (picocli 4.7 has no zsh generator): one {@code _arguments} function per command
 * of the model, subcommands dispatched through {@code ->state}, SERVICE values from
 * {@link CompletionServiceScan}. Works autoloaded from $fpath and sourced alike.
 */
final class CompletionZsh {
    private CompletionZsh() {
    }

    static String script(CompletionModel model) {
        String program = model.name();
        StringBuilder out = new StringBuilder();
        out.append("#compdef ").append(program).append('\n');
        out.append("""
                # zsh completion for PROGRAM. Generated from PROGRAM's command model (`PROGRAM completion zsh`
                # prints it): edit the Java sources, not this file.
                #
                # Install: save it as _PROGRAM in a directory of $fpath before compinit runs, e.g.
                #   mkdir -p ~/.zsh/completions && cp _PROGRAM ~/.zsh/completions/
                #   # in ~/.zshrc: fpath=(~/.zsh/completions $fpath); autoload -Uz compinit && compinit
                # or source it from ~/.zshrc after compinit.
                #
                # SERVICE arguments complete to the services of the dev.toml that PROGRAM would use (-f, -C and
                # the working directory are honoured); that file is read with awk, without starting PROGRAM.

                """.replace("PROGRAM", program));
        out.append(CompletionServiceScan.zsh());
        for (CompletionModel command : model.all()) {
            out.append('\n');
            function(out, program, command, command == model);
        }
        out.append("""

                if [[ ${zsh_eval_context[-1]} == loadautofunc ]]; then
                  _PROGRAM "$@"
                else
                  compdef _PROGRAM PROGRAM
                fi
                """.replace("PROGRAM", program));
        return out.toString();
    }

    private static String functionName(String program, CompletionModel command) {
        return "_" + program + (command.path().isEmpty() ? "" : "_" + command.joinedPath("_"));
    }

    private static void function(StringBuilder out, String program, CompletionModel command, boolean root) {
        String name = functionName(program, command);
        boolean dispatches = !command.subcommands().isEmpty();
        out.append(name).append("() {\n");
        if (root) {
            // Words before the cursor, kept before _arguments narrows $words to a subcommand's own:
            // _dev_config_file needs -C and -f wherever they were typed.
            out.append("  local -a _").append(program).append("_words\n");
            out.append("  _").append(program).append("_words=(\"${(@)words[1,CURRENT-1]}\")\n");
        }
        if (dispatches) {
            out.append("  local curcontext=$curcontext state state_descr line ret=1\n");
            out.append("  typeset -A opt_args\n");
        }
        List<String> specs = new ArrayList<>();
        command.options().forEach(o -> specs.add(optionSpec(o)));
        if (dispatches) {
            specs.add("'1:command:" + name + "_commands'");
            specs.add("'*::arg:->command'");
        } else {
            command.positionals().forEach(p -> specs.addAll(positionalSpecs(p)));
        }
        out.append("  _arguments -s -S").append(dispatches ? " -C" : "");
        specs.forEach(s -> out.append(" \\\n    ").append(s));
        out.append(dispatches ? " && ret=0\n" : "\n");
        if (dispatches) {
            out.append("  case $state in\n");
            out.append("    (command)\n");
            out.append("      curcontext=${curcontext%:*:*}:").append(program).append("-$words[1]:\n");
            out.append("      case $words[1] in\n");
            for (CompletionModel sub : command.subcommands()) {
                out.append("        (").append(sub.name()).append(") ").append(functionName(program, sub))
                        .append(" && ret=0 ;;\n");
            }
            out.append("      esac\n");
            out.append("      ;;\n");
            out.append("  esac\n");
            out.append("  return ret\n");
        }
        out.append("}\n");
        if (dispatches) {
            out.append('\n').append(name).append("_commands() {\n");
            out.append("  local -a commands\n");
            out.append("  commands=(\n");
            for (CompletionModel sub : command.subcommands()) {
                out.append("    ").append(quote(escapeColons(sub.name()) + ":" + sub.summary())).append('\n');
            }
            out.append("  )\n");
            out.append("  _describe -t commands '").append(program).append(" command' commands\n");
            out.append("}\n");
        }
    }

    /** {@code '(-d --detach)'{-d,--detach}'[…]'}, with {@code +}/{@code =} and a value action for options that take one. */
    private static String optionSpec(CompletionModel.Opt o) {
        String description = "[" + escapeBrackets(o.summary()) + "]";
        String value = o.takesValue() ? ":" + escapeColons(o.label()) + ":" + action(o.kind(), o.candidates()) : "";
        List<String> names = o.names().stream()
                .map(n -> o.takesValue() ? n + (n.startsWith("--") ? "=" : "+") : n)
                .toList();
        String repeat = o.repeatable() ? "*" : "";
        if (names.size() == 1) {
            return quote(repeat + names.get(0) + description + value);
        }
        String exclusions = o.repeatable() ? "" : quote("(" + String.join(" ", o.names()) + ")");
        return exclusions + repeat + "{" + String.join(",", names) + "}" + quote(description + value);
    }

    private static List<String> positionalSpecs(CompletionModel.Positional p) {
        String tail = ":" + escapeColons(p.label()) + ":" + action(p.kind(), p.candidates());
        if (p.unbounded()) {
            return List.of(quote("*" + tail));
        }
        List<String> specs = new ArrayList<>();
        for (int i = 0; i < p.max(); i++) {
            int position = p.first() + i + 1;
            specs.add(quote(position + (i < p.min() ? "" : ":") + tail));
        }
        return specs;
    }

    private static String action(CompletionModel.ValueKind kind, List<String> candidates) {
        return switch (kind) {
            case SERVICE -> "_dev_services";
            case FILE -> "_files";
            case DIRECTORY -> "_files -/";
            case CHOICE -> "(" + candidates.stream().map(CompletionZsh::escapeChoice).collect(Collectors.joining(" ")) + ")";
            case TEXT -> " ";
        };
    }

    private static String escapeChoice(String choice) {
        return choice.replaceAll("([\\\\ ()'\"])", "\\\\$1");
    }

    private static String escapeBrackets(String text) {
        return text.replace("\\", "\\\\").replace("[", "\\[").replace("]", "\\]");
    }

    private static String escapeColons(String text) {
        return text.replace(":", "\\:");
    }

    /** One single-quoted zsh word. */
    static String quote(String text) {
        return "'" + text.replace("'", "'\\''") + "'";
    }
}
