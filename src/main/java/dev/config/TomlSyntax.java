package dev.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;

import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Parses TOML text into a tree with Jackson and turns its syntax errors into {@link ConfigError}s
 * at the line and column Jackson reports. Jackson already rejects duplicate keys and redefined
 * tables ({@code Duplicate key}, {@code Table redefined}), so those arrive here as syntax errors.
 */
final class TomlSyntax {
    /** Jackson's default maximum nesting depth ({@code StreamReadConstraints}). */
    static final int MAX_NESTING = 1000;
    private static final Pattern JAVA_NAME = Pattern.compile("\\b[a-z]+(\\.[a-z0-9]+)+\\.[A-Z]\\w*");

    private TomlSyntax() {
    }

    /** Built on first use: creating a TomlMapper costs 80–250 ms, which commands that never read dev.toml must not pay. */
    private static final class Mapper {
        static final TomlMapper INSTANCE = new TomlMapper();
    }

    static JsonNode read(String text, Path file) throws ConfigException {
        try {
            return Mapper.INSTANCE.readTree(text);
        } catch (JacksonException e) {
            JsonLocation at = e.getLocation();
            Location location = at == null || at.getLineNr() < 1 ? Location.unknown(file)
                    : new Location(file, at.getLineNr(), Math.max(1, at.getColumnNr()));
            String original = e.getOriginalMessage() == null ? "" : e.getOriginalMessage().lines().findFirst().orElse("");
            if (original.contains("nesting depth")) {
                // Jackson's own limit (StreamReadConstraints), reported without a position and in its own words.
                throw new ConfigException(new ConfigError(nestingLimitExceeded(text, file), ConfigError.Kind.SYNTAX,
                        "TOML syntax error: arrays and inline tables are nested more than " + MAX_NESTING
                                + " levels deep", "no value of dev.toml needs more than a few levels of [ ] or { }"));
            }
            if (original.isBlank() || JAVA_NAME.matcher(original).find() || original.contains("Exception")) {
                original = "invalid TOML";
            }
            String message = lowerFirst(original);
            if (original.equals("Duplicate key") || original.equals("Table redefined")) {
                Optional<TomlLocator.Redefinition> twice = TomlLocator.firstRedefinition(text, file);
                if (twice.isPresent()) {
                    TomlLocator.Redefinition r = twice.get();
                    location = r.at();
                    message = r.table() ? "table [" + r.path() + "] is defined twice" : "key `" + r.path() + "` is set twice";
                }
            }
            throw new ConfigException(new ConfigError(location, ConfigError.Kind.SYNTAX,
                    "TOML syntax error: " + message, hint(original)));
        }
    }

    /** Where arrays and inline tables first nest deeper than Jackson allows; strings and comments do not count. */
    static Location nestingLimitExceeded(String text, Path file) {
        int depth = 0;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '#') {
                int end = text.indexOf('\n', i);
                i = end < 0 ? text.length() : end;
                continue;
            }
            if (c == '"' || c == '\'') {
                i = endOfString(text, i);
                continue;
            }
            if ((c == '[' || c == '{') && ++depth > MAX_NESTING) {
                return new LineIndex(text).location(file, i);
            }
            if (c == ']' || c == '}') {
                depth = Math.max(0, depth - 1);
            }
            i++;
        }
        return new Location(file, 1, 1);
    }

    /** The offset just past the string starting at {@code start} (basic or literal, single- or multi-line). */
    private static int endOfString(String text, int start) {
        char quote = text.charAt(start);
        String delimiter = text.startsWith(String.valueOf(quote).repeat(3), start) ? String.valueOf(quote).repeat(3)
                : String.valueOf(quote);
        int i = start + delimiter.length();
        while (i < text.length()) {
            if (quote == '"' && text.charAt(i) == '\\') {
                i += 2;
            } else if (text.startsWith(delimiter, i)) {
                return i + delimiter.length();
            } else if (delimiter.length() == 1 && text.charAt(i) == '\n') {
                return i; // an unterminated one-line string ends with its line
            } else {
                i++;
            }
        }
        return text.length();
    }

    private static String hint(String original) {
        return switch (original) {
            case "Duplicate key" -> "a key can be set only once in a table; remove or rename one of them";
            case "Table redefined" -> "a table can be written only once (a [header], a dotted key or an inline table "
                    + "each define it); merge the two";
            case "Newline not permitted here" -> "a value is missing, a string is not closed on its line, or an inline "
                    + "table { ... } spans lines (it must stay on one line)";
            case "Unknown token" -> "text values need quotes: \"double\" or 'single'";
            case "Unknown escape sequence" -> "in \"double quotes\" a backslash starts an escape: write \\\\ for a "
                    + "backslash, or use 'single quotes'";
            default -> "check the TOML syntax at this position";
        };
    }

    private static String lowerFirst(String s) {
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }
}
