package dev.reliability;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Damages a dev.toml the ways people (and editors, and merges) do: characters deleted or inserted, a value of
 * the wrong type, a table pasted twice, lines swapped or duplicated, the file cut short, unicode where ASCII
 * was, and values far larger than anyone means. Each call applies one to three mutations chosen by the given
 * random source, so a seed reproduces a case exactly.
 */
final class ConfigMutator {
    /** Values of every TOML type, dropped in where another type belongs. */
    private static final List<String> VALUES = List.of("42", "-1", "0", "3.5", "1e400", "-0.0", "inf", "nan", "true",
            "false", "\"text\"", "'literal'", "\"\"", "[]", "[1, \"two\", true]", "{}", "{ a = 1 }",
            "1979-05-27T07:32:00Z", "07:32:00", "0x10", "0o7", "0b1", "\"\"\"\nmulti\nline\"\"\"", "[[1], [2]]",
            "{ tcp = 1, http = \"/\" }", "\"${port}\"", "\"${services.nope.port}\"", "\"${\"", "\"$${port}\"",
            "\"250ms\"", "\"-5s\"", "\"SIGKILL\"", "\"auto\"", "65536", "99999999999999999999999999");
    /** Characters that matter to TOML or to dev's own parsers, and some that matter to nobody. */
    private static final List<String> CHARACTERS = List.of("\"", "'", "[", "]", "{", "}", "=", ",", ".", "#", "\\",
            "\n", "\r", "\t", " ", "$", "{", "0", "a", "\u0000", "\u0007", "\u001b", "\u00a0", "\u00e9", "\u200b",
            "\u202e", "\ufeff", "\ufffd", "\ud83d\ude80", "\u0301", "\u4e2d", "\ud800");
    /** Keys dev knows, so a mutation can also move a valid key to where it does not belong. */
    private static final List<String> KEYS = List.of("command", "port", "depends_on", "health", "task", "optional",
            "restart", "stop_signal", "stop_timeout", "start_timeout", "cwd", "env", "env_file", "binds_to",
            "keep_detached", "stop_command", "tcp", "http", "exec", "log", "interval", "timeout", "retries",
            "start_period", "status", "name", "log_max_size", "log_max_files", "force_color", "services", "project");
    private static final Pattern VALUE = Pattern.compile("(=\\s*)(\"[^\"\\n]*\"|'[^'\\n]*'|-?\\d[\\w.:+-]*|true|false|\\[[^\\]\\n]*]|\\{[^}\\n]*})");
    private static final Pattern TABLE = Pattern.compile("(?m)^\\[[^\\]\\n]+]\\n(?:(?!\\[)[^\\n]*\\n?)*");
    private static final Pattern KEY = Pattern.compile("(?m)^(\\s*)([A-Za-z_][\\w.-]*)(\\s*=)");

    private final Random random;
    private final List<Function<String, String>> mutations = List.of(this::deleteCharacters, this::insertCharacter,
            this::swapType, this::duplicateTable, this::duplicateLine, this::swapLines, this::truncate,
            this::unicodeKey, this::hugeValue, this::moveKey, this::deepNesting);

    ConfigMutator(Random random) {
        this.random = random;
    }

    String mutate(String text) {
        String out = text;
        int count = 1 + random.nextInt(3);
        for (int i = 0; i < count; i++) {
            out = mutations.get(random.nextInt(mutations.size())).apply(out);
        }
        return out;
    }

    private String deleteCharacters(String text) {
        if (text.isEmpty()) {
            return text;
        }
        int at = random.nextInt(text.length());
        int end = Math.min(text.length(), at + 1 + random.nextInt(random.nextInt(10) == 0 ? 40 : 3));
        return text.substring(0, at) + text.substring(end);
    }

    private String insertCharacter(String text) {
        int at = random.nextInt(text.length() + 1);
        return text.substring(0, at) + pick(CHARACTERS) + text.substring(at);
    }

    /** A value replaced by one of another type (or the same type with a hostile content). */
    private String swapType(String text) {
        List<int[]> spans = spans(VALUE, text, 2);
        if (spans.isEmpty()) {
            return insertCharacter(text);
        }
        int[] span = spans.get(random.nextInt(spans.size()));
        return text.substring(0, span[0]) + pick(VALUES) + text.substring(span[1]);
    }

    /** A whole table pasted again, right after itself or at the end. */
    private String duplicateTable(String text) {
        List<int[]> spans = spans(TABLE, text, 0);
        if (spans.isEmpty()) {
            return text + "\n" + text;
        }
        int[] span = spans.get(random.nextInt(spans.size()));
        String table = text.substring(span[0], span[1]);
        String separated = table.endsWith("\n") ? table : table + "\n";
        return random.nextBoolean() ? text.substring(0, span[1]) + "\n" + separated + text.substring(span[1])
                : text + "\n" + separated;
    }

    private String duplicateLine(String text) {
        List<String> lines = lines(text);
        int i = random.nextInt(lines.size());
        lines.add(i, lines.get(i));
        return String.join("\n", lines);
    }

    private String swapLines(String text) {
        List<String> lines = lines(text);
        int a = random.nextInt(lines.size());
        int b = random.nextInt(lines.size());
        String t = lines.get(a);
        lines.set(a, lines.get(b));
        lines.set(b, t);
        return String.join("\n", lines);
    }

    private String truncate(String text) {
        return text.substring(0, random.nextInt(text.length() + 1));
    }

    /** A key, bare or quoted, replaced by one full of characters that are not ASCII. */
    private String unicodeKey(String text) {
        List<int[]> spans = spans(KEY, text, 2);
        if (spans.isEmpty()) {
            return insertCharacter(text);
        }
        int[] span = spans.get(random.nextInt(spans.size()));
        String key = switch (random.nextInt(4)) {
            case 0 -> "\"s\u00e9rvice\u200b\"";
            case 1 -> "\"\ud83d\ude80\"";
            case 2 -> "\"\u202ecommand\"";
            default -> "\u00e9t\u00e9";
        };
        return text.substring(0, span[0]) + key + text.substring(span[1]);
    }

    /** A value far larger than anyone means: a long string, an overlong number, a long duration. */
    private String hugeValue(String text) {
        List<int[]> spans = spans(VALUE, text, 2);
        String huge = switch (random.nextInt(6)) {
            case 0 -> "\"" + "x".repeat(100_000) + "\"";
            case 1 -> "9".repeat(400);
            case 2 -> "\"" + "9".repeat(60) + "s\"";
            case 3 -> "\"" + "1h".repeat(5_000) + "\"";
            case 4 -> "\"" + "${port}".repeat(10_000) + "\"";
            default -> "[" + "1, ".repeat(20_000) + "1]";
        };
        if (spans.isEmpty()) {
            return text + "\nhuge = " + huge + "\n";
        }
        int[] span = spans.get(random.nextInt(spans.size()));
        return text.substring(0, span[0]) + huge + text.substring(span[1]);
    }

    /** A key dev knows, moved to a line where it means something else or nothing. */
    private String moveKey(String text) {
        List<String> lines = lines(text);
        int at = random.nextInt(lines.size() + 1);
        lines.add(at, pick(KEYS) + " = " + pick(VALUES));
        return String.join("\n", lines);
    }

    /** Arrays or inline tables nested deeper than any parser's comfort. */
    private String deepNesting(String text) {
        int depth = 50 + random.nextInt(random.nextBoolean() ? 100 : 5_000);
        String nested = random.nextBoolean() ? "[".repeat(depth) + "]".repeat(depth)
                : "{ a = ".repeat(depth) + "1" + " }".repeat(depth);
        List<int[]> spans = spans(VALUE, text, 2);
        if (spans.isEmpty()) {
            return text + "\nnested = " + nested + "\n";
        }
        int[] span = spans.get(random.nextInt(spans.size()));
        return text.substring(0, span[0]) + nested + text.substring(span[1]);
    }

    private static List<int[]> spans(Pattern pattern, String text, int group) {
        List<int[]> out = new ArrayList<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            out.add(new int[] {m.start(group), m.end(group)});
        }
        return out;
    }

    private static List<String> lines(String text) {
        return new ArrayList<>(List.of(text.split("\n", -1)));
    }

    private <T> T pick(List<T> options) {
        return options.get(random.nextInt(options.size()));
    }
}
