package dev.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The fish script (picocli 4.7 has no fish generator): {@code complete} lines per command of the
 * model, each guarded by the command path typed so far, SERVICE values from {@link CompletionServiceScan}.
 */
final class CompletionFish {
    private CompletionFish() {
    }

    static String script(CompletionModel model) {
        String p = model.name();
        StringBuilder out = new StringBuilder();
        out.append("""
                # fish completion for PROGRAM. Generated from PROGRAM's command model (`PROGRAM completion fish`
                # prints it): edit the Java sources, not this file.
                #
                # Install: copy it to ~/.config/fish/completions/PROGRAM.fish (fish loads it on first use).
                #
                # SERVICE arguments complete to the services of the dev.toml that PROGRAM would use (-f, -C and
                # the working directory are honoured); that file is read with awk, without starting PROGRAM.

                """.replace("PROGRAM", p));
        out.append(CompletionServiceScan.fish()).append('\n');
        out.append(helpers(model));
        out.append("\n# Files only where an option asks for one.\n");
        out.append("complete -c ").append(p).append(" -f\n");
        for (CompletionModel command : model.all()) {
            out.append('\n');
            String path = command.joinedPath(" ");
            out.append("# ").append(p).append(path.isEmpty() ? "" : " " + path).append('\n');
            for (CompletionModel sub : command.subcommands()) {
                out.append("complete -c ").append(p).append(" -n ").append(condition(p, path, 1)).append(" -a ")
                        .append(quote(sub.name())).append(" -d ").append(quote(sub.summary())).append('\n');
            }
            for (CompletionModel.Opt o : command.options()) {
                out.append("complete -c ").append(p).append(" -n ").append(condition(p, path, 0));
                for (String name : o.names()) {
                    if (name.startsWith("--")) {
                        out.append(" -l ").append(name.substring(2));
                    } else if (name.length() == 2) {
                        out.append(" -s ").append(name.substring(1));
                    } else {
                        out.append(" -o ").append(name.substring(1));
                    }
                }
                if (o.takesValue()) {
                    out.append(valueCompletion(o.kind(), o.candidates()));
                }
                out.append(" -d ").append(quote(o.summary())).append('\n');
            }
            if (command.subcommands().isEmpty()) {
                for (CompletionModel.Positional pos : command.positionals()) {
                    String values = positionalCompletion(pos);
                    if (!values.isEmpty()) {
                        int before = pos.unbounded() ? 0 : pos.first() + pos.max();
                        out.append("complete -c ").append(p).append(" -n ").append(condition(p, path, before))
                                .append(values).append('\n');
                    }
                }
            }
        }
        return out.toString();
    }

    /**
     * __dev_words: the words typed so far that are neither options nor option values (the command
     * path, then its arguments); __dev_path: the command path among them; __dev_in PATH [MAX]: the
     * cursor is in that command, before its MAX-th argument.
     */
    private static String helpers(CompletionModel model) {
        String p = model.name();
        TreeSet<String> valueOptions = new TreeSet<>();
        // An option name may take a value in one command and not in another (dev logs -f is
        // follow, -f FILE elsewhere): for those, the commands where it is a flag are listed, and
        // __dev_words skips the next word only when none of them was typed before it.
        Map<String, TreeSet<String>> flagIn = new LinkedHashMap<>();
        for (CompletionModel command : model.all()) {
            for (CompletionModel.Opt o : command.options()) {
                for (String name : o.names()) {
                    if (o.takesValue()) {
                        valueOptions.add(name);
                    } else if (!command.path().isEmpty()) {
                        flagIn.computeIfAbsent(name, k -> new TreeSet<>()).add(command.joinedPath(" "));
                    }
                }
            }
        }
        StringBuilder ambiguousCases = new StringBuilder();
        for (Map.Entry<String, TreeSet<String>> e : flagIn.entrySet()) {
            if (valueOptions.remove(e.getKey())) {
                ambiguousCases.append("            case ").append(e.getKey()).append('\n')
                        .append("                if not contains -- ").append(String.join(" ", e.getValue()))
                        .append(" $seen\n                    set skip 1\n                end\n");
            }
        }
        List<String> paths = model.all().stream().filter(c -> !c.path().isEmpty())
                .map(c -> quote(" " + c.joinedPath(" "))).toList();
        return """
                # The words typed so far that are neither options nor option values: the command path, then
                # its arguments.
                function __PROGRAM_words
                    set -l tokens (commandline -opc)
                    set -e tokens[1]
                    set -l skip 0
                    set -l seen
                    for t in $tokens
                        if test $skip -eq 1
                            set skip 0
                            continue
                        end
                        switch $t
                            case VALUE_OPTIONS
                                set skip 1
                AMBIGUOUS_CASES            case '-*'
                            case '*'
                                set -a seen $t
                                echo $t
                        end
                    end
                end

                # The command path typed so far: '' for PROGRAM itself, then e.g. 'start'.
                function __PROGRAM_path
                    set -l path ''
                    for w in (__PROGRAM_words)
                        if contains -- "$path $w" COMMAND_PATHS
                            set path "$path $w"
                        else
                            break
                        end
                    end
                    string trim -- "$path"
                end

                # True when the cursor is in the command at path $argv[1], before its $argv[2]-th argument (if given).
                function __PROGRAM_in --argument-names path max
                    test (__PROGRAM_path) = "$path"; or return 1
                    test -z "$max"; and return 0
                    set -l words (__PROGRAM_words)
                    set -l depth (count (string split -n ' ' -- $path))
                    test (math (count $words) - $depth) -lt $max
                end
                """.replace("PROGRAM", p)
                .replace("VALUE_OPTIONS", String.join(" ", valueOptions))
                .replace("AMBIGUOUS_CASES", ambiguousCases.toString())
                .replace("COMMAND_PATHS", String.join(" ", paths));
    }

    /**
     * {@code "__dev_in 'start' 2"}: in that command, before its second argument (0: any number).
     * Command names are plain words, so the double quotes expand nothing.
     */
    private static String condition(String program, String path, int before) {
        if (!path.matches("[A-Za-z0-9 _-]*")) {
            throw new IllegalStateException("command path cannot be quoted for fish: " + path);
        }
        return "\"__" + program + "_in '" + path + "'" + (before > 0 ? " " + before : "") + "\"";
    }

    private static String valueCompletion(CompletionModel.ValueKind kind, List<String> candidates) {
        return switch (kind) {
            case SERVICE -> " -x -a '(__dev_service_names)'";
            case FILE -> " -r -F";
            case DIRECTORY -> " -x -a '(__fish_complete_directories)'";
            case CHOICE -> " -x -a " + quote(String.join(" ", candidates));
            case TEXT -> " -x";
        };
    }

    private static String positionalCompletion(CompletionModel.Positional pos) {
        String description = " -d " + quote(pos.summary().isEmpty() ? pos.label().toLowerCase(java.util.Locale.ROOT) : pos.summary());
        return switch (pos.kind()) {
            case SERVICE -> " -a '(__dev_service_names)'" + description;
            case FILE -> " -F";
            case DIRECTORY -> " -a '(__fish_complete_directories)'";
            case CHOICE -> " -a " + quote(pos.candidates().stream().collect(Collectors.joining(" "))) + description;
            case TEXT -> "";
        };
    }

    /** One single-quoted fish word: inside, only backslash and the quote itself need escaping. */
    static String quote(String text) {
        return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
