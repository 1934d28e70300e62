package dev.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A small TOML source scanner that records where every key and value starts, producing a
 * {@link SourceMap}. It runs only on text Jackson has already accepted, so it does not re-validate
 * TOML; it only has to follow the structure: {@code [table]} and {@code [[array table]]} headers,
 * dotted and quoted keys, inline tables, arrays, the four string kinds and comments. Should it meet
 * something unexpected anyway it skips to the next line rather than fail: a missing position only
 * makes an error message less precise, never wrong.
 */
final class TomlLocator {
    private static final Pattern LOCAL_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private final String src;
    private final Path file;
    private final LineIndex lines;
    private final Map<KeyPath, Location> keys = new HashMap<>();
    private final Map<KeyPath, Location> values = new HashMap<>();
    /** Array-of-tables path (with indices of enclosing arrays) → number of elements seen so far. */
    private final Map<KeyPath, Integer> arrayTables = new HashMap<>();
    /** Paths given a value by {@code key = value}, and paths opened by a {@code [header]}. */
    private final Set<KeyPath> assigned = new HashSet<>();
    private final Set<KeyPath> headers = new HashSet<>();
    private Redefinition redefinition;
    private int pos;
    /** Arrays and inline tables entered and not yet left. */
    private int depth;
    /** Deeper than this, values are skipped, not located (see {@link #skipNested}). */
    private static final int MAX_DEPTH = 64;

    private TomlLocator(String src, Path file) {
        this.src = src;
        this.file = file;
        this.lines = new LineIndex(src);
    }

    static SourceMap scan(String src, Path file) {
        TomlLocator l = new TomlLocator(src, file);
        l.document();
        return new SourceMap(file, l.keys, l.values);
    }

    /**
     * A key set twice or a table defined twice. Jackson rejects both but reports the position
     * where it noticed (after the value, often on the next line) without naming the key.
     */
    record Redefinition(KeyPath path, Location at, boolean table) {
    }

    /** The first key or table defined twice in {@code src}, if any. */
    static Optional<Redefinition> firstRedefinition(String src, Path file) {
        TomlLocator l = new TomlLocator(src, file);
        l.document();
        return Optional.ofNullable(l.redefinition);
    }

    /** Thrown when the text does not look like what the scanner expects; recovered per line. */
    private static final class Unexpected extends RuntimeException {
        Unexpected() {
            super(null, null, false, false);
        }
    }

    private void document() {
        KeyPath table = KeyPath.ROOT;
        while (true) {
            skipBlankAndComments();
            if (eof()) {
                return;
            }
            int before = pos;
            try {
                if (peek() == '[') {
                    table = header();
                } else {
                    keyValue(table);
                }
                skipSpaces();
                skipComment();
            } catch (Unexpected e) {
                skipRestOfLine();
            }
            if (pos == before) {
                skipRestOfLine();
            }
        }
    }

    private KeyPath header() {
        int open = pos;
        boolean arrayTable = src.startsWith("[[", pos);
        pos += arrayTable ? 2 : 1;
        List<Segment> segments = key();
        expect(arrayTable ? "]]" : "]");
        KeyPath path = KeyPath.ROOT;
        for (int i = 0; i < segments.size(); i++) {
            Segment s = segments.get(i);
            path = path.key(s.name);
            keys.putIfAbsent(path, at(s.start));
            boolean last = i == segments.size() - 1;
            if (!last && arrayTables.containsKey(path)) {
                path = path.index(arrayTables.get(path) - 1);
            }
        }
        if (!arrayTable && (headers.contains(path) || assigned.contains(path)) && redefinition == null) {
            redefinition = new Redefinition(path, at(open), true);
        }
        if (arrayTable) {
            values.putIfAbsent(path, at(open));
            int count = arrayTables.merge(path, 1, Integer::sum);
            path = path.index(count - 1);
            keys.putIfAbsent(path, at(segments.get(segments.size() - 1).start));
        }
        values.putIfAbsent(path, at(open));
        if (!arrayTable) {
            headers.add(path);
        }
        return path;
    }

    private void keyValue(KeyPath base) {
        List<Segment> segments = key();
        KeyPath path = base;
        for (Segment s : segments) {
            path = path.key(s.name);
            keys.putIfAbsent(path, at(s.start));
        }
        if (!assigned.add(path) && redefinition == null) {
            redefinition = new Redefinition(path, at(segments.get(segments.size() - 1).start), false);
        }
        skipSpaces();
        expect("=");
        skipSpaces();
        value(path);
    }

    private record Segment(String name, int start) {
    }

    private List<Segment> key() {
        List<Segment> segments = new ArrayList<>();
        while (true) {
            skipSpaces();
            int start = pos;
            String name;
            if (peek() == '"') {
                name = basicKey();
            } else if (peek() == '\'') {
                int close = src.indexOf('\'', pos + 1);
                if (close < 0) {
                    throw new Unexpected();
                }
                name = src.substring(pos + 1, close);
                pos = close + 1;
            } else {
                while (!eof() && isBareKeyChar(peek())) {
                    pos++;
                }
                if (pos == start) {
                    throw new Unexpected();
                }
                name = src.substring(start, pos);
            }
            segments.add(new Segment(name, start));
            skipSpaces();
            if (eof() || peek() != '.') {
                return segments;
            }
            pos++;
        }
    }

    private static boolean isBareKeyChar(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
    }

    /** A double-quoted key, decoded so it equals the key Jackson put in the tree. */
    private String basicKey() {
        StringBuilder b = new StringBuilder();
        pos++;
        while (true) {
            if (eof() || peek() == '\n') {
                throw new Unexpected();
            }
            char c = src.charAt(pos++);
            if (c == '"') {
                return b.toString();
            }
            if (c != '\\') {
                b.append(c);
                continue;
            }
            if (eof()) {
                throw new Unexpected();
            }
            char e = src.charAt(pos++);
            switch (e) {
                case 'b' -> b.append('\b');
                case 't' -> b.append('\t');
                case 'n' -> b.append('\n');
                case 'f' -> b.append('\f');
                case 'r' -> b.append('\r');
                case 'u', 'U' -> {
                    int len = e == 'u' ? 4 : 8;
                    if (pos + len > src.length()) {
                        throw new Unexpected();
                    }
                    try {
                        b.appendCodePoint(Integer.parseInt(src.substring(pos, pos + len), 16));
                    } catch (IllegalArgumentException ex) {
                        throw new Unexpected();
                    }
                    pos += len;
                }
                default -> b.append(e);
            }
        }
    }

    private void value(KeyPath path) {
        if (eof()) {
            throw new Unexpected();
        }
        values.putIfAbsent(path, at(pos));
        char c = peek();
        if (c == '"' || c == '\'') {
            skipString(c);
        } else if ((c == '[' || c == '{') && depth >= MAX_DEPTH) {
            skipNested();
        } else if (c == '[' || c == '{') {
            depth++;
            try {
                if (c == '[') {
                    array(path);
                } else {
                    inlineTable(path);
                }
            } finally {
                depth--;
            }
        } else {
            bareValue();
        }
    }

    /**
     * Skips an array or inline table without recording positions inside it, iteratively. Used below
     * {@link #MAX_DEPTH}: no key of dev.toml is nested that deep, and following such nesting
     * recursively overflowed the stack (a file nested 5,000 levels deep crashed the loader).
     */
    private void skipNested() {
        int open = 0;
        while (!eof()) {
            char c = peek();
            if (c == '"' || c == '\'') {
                skipString(c);
                continue;
            }
            if (c == '#') {
                skipComment();
                continue;
            }
            pos++;
            if (c == '[' || c == '{') {
                open++;
            } else if ((c == ']' || c == '}') && --open == 0) {
                return;
            }
        }
        throw new Unexpected();
    }

    private void array(KeyPath path) {
        pos++;
        int index = 0;
        while (true) {
            skipBlankAndComments();
            if (eof()) {
                throw new Unexpected();
            }
            if (peek() == ']') {
                pos++;
                return;
            }
            KeyPath element = path.index(index++);
            int start = pos;
            value(element);
            keys.putIfAbsent(element, at(start));
            skipBlankAndComments();
            if (!eof() && peek() == ',') {
                pos++;
            } else if (eof() || peek() != ']') {
                throw new Unexpected();
            }
        }
    }

    private void inlineTable(KeyPath path) {
        pos++;
        while (true) {
            skipSpaces();
            if (eof()) {
                throw new Unexpected();
            }
            if (peek() == '}') {
                pos++;
                return;
            }
            keyValue(path);
            skipSpaces();
            if (!eof() && peek() == ',') {
                pos++;
            } else if (eof() || peek() != '}') {
                throw new Unexpected();
            }
        }
    }

    private void skipString(char quote) {
        String triple = String.valueOf(quote).repeat(3);
        boolean escapes = quote == '"';
        if (src.startsWith(triple, pos)) {
            pos += 3;
            while (!eof()) {
                if (escapes && peek() == '\\') {
                    pos += 2;
                } else if (src.startsWith(triple, pos)) {
                    pos += 3;
                    // Up to two more quotes may close the string: they belong to its content.
                    for (int extra = 0; extra < 2 && !eof() && peek() == quote; extra++) {
                        pos++;
                    }
                    return;
                } else {
                    pos++;
                }
            }
            throw new Unexpected();
        }
        pos++;
        while (!eof() && peek() != '\n') {
            char c = src.charAt(pos++);
            if (c == quote) {
                return;
            }
            if (escapes && c == '\\') {
                pos++;
            }
        }
        throw new Unexpected();
    }

    /** Numbers, booleans and dates; a date and time may be separated by one space. */
    private void bareValue() {
        int start = pos;
        while (!eof() && !isValueEnd(peek())) {
            pos++;
        }
        if (LOCAL_DATE.matcher(src.substring(start, pos)).matches()
                && pos + 1 < src.length() && peek() == ' ' && Character.isDigit(src.charAt(pos + 1))) {
            pos++;
            while (!eof() && !isValueEnd(peek())) {
                pos++;
            }
        }
        if (pos == start) {
            throw new Unexpected();
        }
    }

    private static boolean isValueEnd(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == ',' || c == ']' || c == '}' || c == '#';
    }

    private void expect(String token) {
        skipSpaces();
        if (!src.startsWith(token, pos)) {
            throw new Unexpected();
        }
        pos += token.length();
    }

    private void skipSpaces() {
        while (!eof() && (peek() == ' ' || peek() == '\t')) {
            pos++;
        }
    }

    private void skipComment() {
        if (!eof() && peek() == '#') {
            skipRestOfLine();
        }
    }

    private void skipBlankAndComments() {
        while (!eof()) {
            char c = peek();
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
                pos++;
            } else if (c == '#') {
                skipRestOfLine();
            } else {
                return;
            }
        }
    }

    private void skipRestOfLine() {
        int nl = src.indexOf('\n', pos);
        pos = nl < 0 ? src.length() : nl + 1;
    }

    private boolean eof() {
        return pos >= src.length();
    }

    private char peek() {
        return src.charAt(pos);
    }

    private Location at(int offset) {
        return lines.location(file, offset);
    }
}
