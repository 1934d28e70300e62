package dev.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * A {@code .env} file, read the way docker compose and python-dotenv read one:
 * <ul>
 *   <li>{@code KEY=value}, optionally prefixed by {@code export }; blank lines and {@code #} lines skipped;</li>
 *   <li>unquoted values are trimmed and end at {@code " #"} (a comment);</li>
 *   <li>{@code 'single quotes'} are literal; {@code "double quotes"} know {@code \n \t \r \" \\ \$}
 *       and may span lines, as may single quotes;</li>
 *   <li>{@code ${VAR}} and {@code $VAR} expand in unquoted and double-quoted values, from keys
 *       earlier in the file, then from {@code lookup}. An unknown name is an error, never an empty
 *       string, as everywhere in dev.</li>
 * </ul>
 * A later assignment of the same key wins.
 */
public final class DotEnv {
    private static final Pattern KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]*");
    private static final Pattern VARIABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    /** One value and where its key was written. */
    public record Entry(String value, Location location) {
        public int line() {
            return location.line();
        }
    }

    private final String src;
    private final Path file;
    private final Function<String, String> lookup;
    private final Map<String, Entry> entries = new LinkedHashMap<>();
    private final List<ConfigError> errors = new ArrayList<>();
    private int pos;
    private int line = 1;
    private int lineStart;

    private DotEnv(String content, Path file, Function<String, String> lookup) {
        this.src = content.replace("\r\n", "\n");
        this.file = file;
        this.lookup = lookup;
    }

    /**
     * @param lookup names not set earlier in the file (lower layers of the environment); returns
     *               null for an unknown name
     * @return keys in first-assignment order
     * @throws ConfigException with every malformed line ({@link ConfigError.Kind#ENV_FILE}) and
     *                         unknown reference ({@link ConfigError.Kind#UNKNOWN_REFERENCE})
     */
    public static Map<String, Entry> parse(String content, Path file, Function<String, String> lookup)
            throws ConfigException {
        DotEnv d = new DotEnv(content, file, lookup);
        d.parseAll();
        if (!d.errors.isEmpty()) {
            throw new ConfigException(d.errors);
        }
        return d.entries;
    }

    /** Thrown to abandon the current line after recording an error. */
    private static final class BadLine extends Exception {
        BadLine() {
            super(null, null, false, false);
        }
    }

    private void parseAll() {
        while (pos < src.length()) {
            try {
                statement();
            } catch (BadLine e) {
                skipLine();
            }
        }
    }

    private void statement() throws BadLine {
        skipSpaces();
        if (atLineEnd() || peek() == '#') {
            skipLine();
            return;
        }
        if (src.startsWith("export ", pos) || src.startsWith("export\t", pos)) {
            pos += "export".length();
            skipSpaces();
        }
        int keyStart = pos;
        Location keyAt = here();
        while (pos < src.length() && "= \t\n".indexOf(peek()) < 0) {
            pos++;
        }
        String key = src.substring(keyStart, pos);
        skipSpaces();
        if (pos >= src.length() || peek() != '=') {
            throw fail(keyAt, ConfigError.Kind.ENV_FILE, key.isEmpty() ? "expected KEY=VALUE"
                    : "expected KEY=VALUE, found `" + restOfLine(keyStart) + "`", "write each variable as NAME=value");
        }
        if (!KEY.matcher(key).matches()) {
            throw fail(keyAt, ConfigError.Kind.ENV_FILE, "`" + key + "` is not a valid variable name",
                    "use letters, digits and `_`, starting with a letter or `_`");
        }
        pos++;
        int valueStart = pos;
        skipSpaces();
        boolean spaced = pos > valueStart;
        String value;
        if (pos < src.length() && peek() == '\'') {
            value = singleQuoted();
        } else if (pos < src.length() && peek() == '"') {
            value = doubleQuoted();
        } else {
            value = unquoted(spaced);
        }
        entries.remove(key);
        entries.put(key, new Entry(value, keyAt));
        if (pos < src.length()) {
            skipLine();
        }
    }

    private String singleQuoted() throws BadLine {
        Location open = here();
        int close = src.indexOf('\'', pos + 1);
        if (close < 0) {
            throw unterminated(open, '\'');
        }
        String value = src.substring(pos + 1, close);
        advanceTo(close + 1);
        afterQuoted();
        return value;
    }

    private String doubleQuoted() throws BadLine {
        Location open = here();
        StringBuilder b = new StringBuilder();
        advanceTo(pos + 1);
        while (true) {
            if (pos >= src.length()) {
                throw unterminated(open, '"');
            }
            char c = peek();
            if (c == '"') {
                advanceTo(pos + 1);
                afterQuoted();
                return b.toString();
            }
            if (c == '\\' && pos + 1 < src.length()) {
                char e = src.charAt(pos + 1);
                switch (e) {
                    case 'n' -> b.append('\n');
                    case 't' -> b.append('\t');
                    case 'r' -> b.append('\r');
                    case '"', '\\', '$' -> b.append(e);
                    default -> b.append('\\').append(e);
                }
                advanceTo(pos + 2);
            } else if (c == '$') {
                expand(b);
            } else {
                b.append(c);
                advanceTo(pos + 1);
            }
        }
    }

    /** After a closing quote only spaces and a comment may follow on the line. */
    private void afterQuoted() throws BadLine {
        skipSpaces();
        if (!atLineEnd() && peek() != '#') {
            throw fail(here(), ConfigError.Kind.ENV_FILE, "unexpected text after the closing quote: `"
                    + restOfLine(pos) + "`", "put the whole value inside the quotes");
        }
    }

    /** @param spaced whether blanks came between {@code =} and the value: {@code A= #x} is empty, {@code A=#x} is "#x" */
    private String unquoted(boolean spaced) throws BadLine {
        StringBuilder b = new StringBuilder();
        while (!atLineEnd()) {
            char c = peek();
            boolean afterBlank = b.length() == 0 ? spaced : Character.isWhitespace(b.charAt(b.length() - 1));
            if (c == '#' && afterBlank) {
                break;
            }
            if (c == '$') {
                expand(b);
            } else {
                b.append(c);
                pos++;
            }
        }
        return b.toString().trim();
    }

    /** At a {@code $}: appends the expansion of {@code ${NAME}} / {@code $NAME}, or the {@code $} itself. */
    private void expand(StringBuilder b) throws BadLine {
        Location at = here();
        boolean braced = pos + 1 < src.length() && src.charAt(pos + 1) == '{';
        String name;
        if (braced) {
            int close = src.indexOf('}', pos + 2);
            int newline = src.indexOf('\n', pos + 2);
            if (close < 0 || (newline >= 0 && newline < close)) {
                throw fail(at, ConfigError.Kind.ENV_FILE, "unterminated `${`", "close the reference with `}`");
            }
            name = src.substring(pos + 2, close);
            if (!VARIABLE.matcher(name).matches()) {
                throw fail(at, ConfigError.Kind.ENV_FILE, "`${" + name + "}` is not a variable reference",
                        "write ${NAME} with letters, digits and `_`, or put the value in 'single quotes'");
            }
            pos = close + 1;
        } else {
            int start = pos + 1;
            int end = start;
            while (end < src.length() && isNameChar(src.charAt(end))) {
                end++;
            }
            if (end == start || Character.isDigit(src.charAt(start))) {
                b.append('$');
                pos++;
                return;
            }
            name = src.substring(start, end);
            pos = end;
        }
        Entry earlier = entries.get(name);
        String value = earlier != null ? earlier.value() : lookup.apply(name);
        if (value == null) {
            String written = braced ? "${" + name + "}" : "$" + name;
            errors.add(new ConfigError(at, ConfigError.Kind.UNKNOWN_REFERENCE, "`" + written + "` is not defined",
                    "define " + name + " earlier in this file or in your environment, or put the value in"
                            + " 'single quotes' to keep it literal"));
            return;
        }
        b.append(value);
    }

    private static boolean isNameChar(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
    }

    private BadLine unterminated(Location open, char quote) {
        errors.add(new ConfigError(open, ConfigError.Kind.ENV_FILE,
                "unterminated quoted value: the " + quote + " here is never closed", "close the value with " + quote));
        pos = src.length();
        return new BadLine();
    }

    private BadLine fail(Location at, ConfigError.Kind kind, String message, String hint) {
        errors.add(new ConfigError(at, kind, message, hint));
        return new BadLine();
    }

    private String restOfLine(int from) {
        int nl = src.indexOf('\n', from);
        return src.substring(from, nl < 0 ? src.length() : nl).strip();
    }

    /** Moves forward, keeping line numbers right across multi-line quoted values. */
    private void advanceTo(int target) {
        while (pos < target) {
            if (src.charAt(pos) == '\n') {
                line++;
                lineStart = pos + 1;
            }
            pos++;
        }
    }

    private void skipLine() {
        int nl = src.indexOf('\n', pos);
        advanceTo(nl < 0 ? src.length() : nl + 1);
    }

    private void skipSpaces() {
        while (pos < src.length() && (peek() == ' ' || peek() == '\t')) {
            pos++;
        }
    }

    private boolean atLineEnd() {
        return pos >= src.length() || peek() == '\n';
    }

    private char peek() {
        return src.charAt(pos);
    }

    private Location here() {
        return new Location(file, line, pos - lineStart + 1);
    }
}
