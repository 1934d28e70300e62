package dev.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * The part of the picocli command tree that completion scripts need, read once from the model
 * so the zsh and fish generators (and the bash post-processing) never keep their own lists:
 * a subcommand or option added to the tree appears in every script on the next generation.
 */
record CompletionModel(String name, List<String> path, String summary, List<Opt> options,
                       List<Positional> positionals, List<CompletionModel> subcommands) {

    /** What an option's or positional's value completes to. */
    enum ValueKind {
        /** Service names, read by the script itself from dev.toml. */
        SERVICE,
        FILE,
        DIRECTORY,
        /** A fixed list ({@link Opt#candidates()}), such as an enum's constants. */
        CHOICE,
        /** Free text (a duration, a pattern): nothing to offer. */
        TEXT
    }

    record Opt(List<String> names, String summary, boolean takesValue, String label, ValueKind kind,
               List<String> candidates, boolean repeatable) {
    }

    /**
     * @param first index of the first position it takes
     * @param max   how many positions it takes at most; {@link Integer#MAX_VALUE} for "any number"
     */
    record Positional(String label, String summary, int first, int min, int max, ValueKind kind, List<String> candidates) {
        boolean unbounded() {
            return max == Integer.MAX_VALUE;
        }
    }

    CompletionModel {
        path = List.copyOf(path);
        options = List.copyOf(options);
        positionals = List.copyOf(positionals);
        subcommands = List.copyOf(subcommands);
    }

    static CompletionModel of(CommandLine root) {
        return of(root, List.of());
    }

    private static CompletionModel of(CommandLine cli, List<String> path) {
        CommandSpec spec = cli.getCommandSpec();
        boolean lowerCaseChoices = cli.isCaseInsensitiveEnumValuesAllowed();
        List<Opt> options = new ArrayList<>();
        for (OptionSpec o : spec.options()) {
            if (!o.hidden()) {
                boolean takesValue = o.arity().max() > 0;
                List<String> candidates = candidates(o, lowerCaseChoices);
                options.add(new Opt(List.of(o.names()), summary(o.description(), o, candidates), takesValue,
                        takesValue ? o.paramLabel() : "", kind(o), candidates, o.isMultiValue()));
            }
        }
        List<Positional> positionals = new ArrayList<>();
        for (PositionalParamSpec p : spec.positionalParameters()) {
            if (!p.hidden()) {
                List<String> candidates = candidates(p, lowerCaseChoices);
                positionals.add(new Positional(p.paramLabel(), summary(p.description(), p, candidates), p.index().min(),
                        p.arity().min(), p.arity().max(), kind(p), candidates));
            }
        }
        List<CompletionModel> subcommands = new ArrayList<>();
        cli.getSubcommands().forEach((name, sub) -> {
            // Aliases appear in getSubcommands() too; each command is described once, by its name.
            if (name.equals(sub.getCommandName()) && !sub.getCommandSpec().usageMessage().hidden()) {
                List<String> subPath = new ArrayList<>(path);
                subPath.add(name);
                subcommands.add(of(sub, subPath));
            }
        });
        String[] description = spec.usageMessage().description();
        return new CompletionModel(spec.name(), path, summary(description), options, positionals, subcommands);
    }

    /** Every command of the tree, this one first, depth first. */
    List<CompletionModel> all() {
        List<CompletionModel> out = new ArrayList<>();
        out.add(this);
        subcommands.forEach(s -> out.addAll(s.all()));
        return out;
    }

    /** The command's words after the program name, joined by {@code sep} ("" for the root). */
    String joinedPath(String sep) {
        return String.join(sep, path);
    }

    private static ValueKind kind(ArgSpec arg) {
        if (arg.completionCandidates() instanceof ServiceNames) {
            return ValueKind.SERVICE;
        }
        if (arg.completionCandidates() != null && arg.completionCandidates().iterator().hasNext()) {
            return ValueKind.CHOICE;
        }
        Class<?> type = arg.type();
        if (Path.class.isAssignableFrom(type) || java.io.File.class.isAssignableFrom(type)) {
            // The model cannot say "directory"; a parameter labelled DIR is one by convention.
            return arg.paramLabel().toUpperCase(Locale.ROOT).contains("DIR") ? ValueKind.DIRECTORY : ValueKind.FILE;
        }
        return ValueKind.TEXT;
    }

    /** Enum constants in lower case when the parser accepts any case: that is how README and --help spell them. */
    private static List<String> candidates(ArgSpec arg, boolean lowerCaseEnums) {
        if (arg.completionCandidates() == null || arg.completionCandidates() instanceof ServiceNames) {
            return List.of();
        }
        boolean lower = lowerCaseEnums && arg.typeInfo().isEnum();
        List<String> out = new ArrayList<>();
        arg.completionCandidates().forEach(c -> out.add(lower ? c.toLowerCase(Locale.ROOT) : c));
        return out;
    }

    /** The summary, with a rendered ${COMPLETION-CANDIDATES} list spelled the way the candidates are offered. */
    private static String summary(String[] description, ArgSpec arg, List<String> offered) {
        String text = summary(description);
        if (arg.completionCandidates() == null || offered.isEmpty()) {
            return text;
        }
        List<String> declared = new ArrayList<>();
        arg.completionCandidates().forEach(declared::add);
        return text.replace(String.join(", ", declared), String.join(", ", offered));
    }

    /**
     * The first sentence of the first description line, without parenthesised asides: a menu of
     * completions has room for one short phrase.
     */
    static String summary(String[] description) {
        if (description == null || description.length == 0) {
            return "";
        }
        String s = description[0].strip();
        int sentenceEnd = s.indexOf(". ");
        if (sentenceEnd > 0) {
            s = s.substring(0, sentenceEnd);
        }
        if (s.endsWith(".")) {
            s = s.substring(0, s.length() - 1);
        }
        String withoutAsides = s.replaceAll("\\s*\\([^()]*\\)", "").strip();
        return withoutAsides.isEmpty() ? s : withoutAsides;
    }
}
