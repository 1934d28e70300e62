package dev.process;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds the word {@code /bin/sh -c COMMAND} will run first, as far as that can be known without a shell: it
 * skips leading {@code VAR=value} assignments and an {@code exec}, and removes quotes. Anything it cannot analyse
 * with certainty (subshells, groups, keywords, redirections before the command, expansions in the word) yields
 * {@link Unanalysable}, so the preflight stays silent instead of guessing wrong.
 */
final class CommandWords {
    private static final Pattern ASSIGNMENT = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*=");
    private static final Pattern DIGITS = Pattern.compile("[0-9]+");
    private static final String OPERATORS = ";&|<>()";
    private static final Set<String> KEYWORDS = Set.of("if", "then", "else", "elif", "fi", "do", "done", "case",
            "esac", "while", "until", "for", "in", "{", "}", "!", "[[", "]]", "function", "select", "time", "coproc");

    /** The result of the analysis: a closed family. */
    sealed interface LeadingWord permits Program, NoProgram, Unanalysable {
    }

    /** The unquoted first command word. */
    record Program(String word) implements LeadingWord {
    }

    /** The command runs nothing (empty, or only assignments or a bare {@code exec}). */
    record NoProgram() implements LeadingWord {
    }

    /** Shell syntax this analysis does not follow. */
    record Unanalysable(String why) implements LeadingWord {
    }

    private CommandWords() {
    }

    static LeadingWord leadingWord(String command) {
        Lexer lexer = new Lexer(command);
        boolean afterExec = false;
        while (true) {
            lexer.skipBlanks();
            if (lexer.atEnd()) {
                return new NoProgram();
            }
            char first = lexer.peek();
            if (first == '#' || OPERATORS.indexOf(first) >= 0 || first == '{' || first == '!') {
                return new Unanalysable("starts with '" + first + "'");
            }
            Word word = lexer.word();
            if (word == null) {
                return new Unanalysable("unbalanced quotes");
            }
            if (!afterExec && ASSIGNMENT.matcher(word.raw).lookingAt()) {
                continue;
            }
            if (lexer.atRedirection() && DIGITS.matcher(word.raw).matches()) {
                return new Unanalysable("redirection before the command");
            }
            if (word.dynamic) {
                return new Unanalysable("expansion in the command word");
            }
            if (!word.quoted && KEYWORDS.contains(word.text)) {
                return new Unanalysable("shell keyword '" + word.text + "'");
            }
            if (word.text.isEmpty() || (afterExec && word.text.startsWith("-"))) {
                return new Unanalysable("unusual command word");
            }
            if (!afterExec && !word.quoted && word.text.equals("exec")) {
                afterExec = true;
                continue;
            }
            return new Program(word.text);
        }
    }

    /**
     * @param raw     the word as written
     * @param text    the word with quotes and escapes removed
     * @param quoted  some part was quoted or escaped (so it cannot be a keyword)
     * @param dynamic it contains an expansion or glob whose value only the shell knows
     */
    private record Word(String raw, String text, boolean quoted, boolean dynamic) {
    }

    private static final class Lexer {
        private final String s;
        private int at;

        Lexer(String s) {
            this.s = s;
        }

        boolean atEnd() {
            return at >= s.length();
        }

        char peek() {
            return s.charAt(at);
        }

        boolean atRedirection() {
            return !atEnd() && (peek() == '<' || peek() == '>');
        }

        void skipBlanks() {
            while (!atEnd() && (peek() == ' ' || peek() == '\t' || peek() == '\n')) {
                at++;
            }
        }

        /** Reads one word; null when a quote is not closed. */
        Word word() {
            int start = at;
            StringBuilder text = new StringBuilder();
            boolean quoted = false;
            boolean dynamic = false;
            while (!atEnd()) {
                char c = peek();
                if (c == ' ' || c == '\t' || c == '\n' || OPERATORS.indexOf(c) >= 0) {
                    break;
                }
                quoted |= c == '\'' || c == '"' || c == '\\';
                switch (c) {
                    case '\'' -> {
                        int close = s.indexOf('\'', at + 1);
                        if (close < 0) {
                            return null;
                        }
                        text.append(s, at + 1, close);
                        at = close + 1;
                    }
                    case '"' -> {
                        Boolean expands = doubleQuoted(text);
                        if (expands == null) {
                            return null;
                        }
                        dynamic |= expands;
                    }
                    case '\\' -> {
                        if (at + 1 < s.length() && s.charAt(at + 1) != '\n') {
                            text.append(s.charAt(at + 1));
                        }
                        at += 2;
                    }
                    default -> {
                        dynamic |= c == '$' || c == '`' || c == '*' || c == '?' || c == '['
                                || (c == '~' && at == start);
                        text.append(c);
                        at++;
                    }
                }
            }
            return new Word(s.substring(start, Math.min(at, s.length())), text.toString(), quoted, dynamic);
        }

        /** Appends a "…" section's content; returns whether it expands something, null if unclosed. */
        private Boolean doubleQuoted(StringBuilder text) {
            boolean expands = false;
            at++;
            while (!atEnd()) {
                char c = peek();
                if (c == '"') {
                    at++;
                    return expands;
                }
                if (c == '\\' && at + 1 < s.length() && "\"\\$`".indexOf(s.charAt(at + 1)) >= 0) {
                    text.append(s.charAt(at + 1));
                    at += 2;
                    continue;
                }
                expands |= c == '$' || c == '`';
                text.append(c);
                at++;
            }
            return null;
        }
    }
}
