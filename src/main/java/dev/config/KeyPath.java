package dev.config;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A path into the TOML document: table keys and array indices, e.g.
 * {@code services.web.depends_on[1]}. Segments are kept as written (after unquoting) so keys that
 * contain dots, such as {@code env."A.B"}, stay one segment.
 *
 * @param parts each element is a {@link String} key or an {@link Integer} array index
 */
record KeyPath(List<Object> parts) {
    private static final Pattern BARE = Pattern.compile("[A-Za-z0-9_-]+");

    static final KeyPath ROOT = new KeyPath(List.of());

    KeyPath {
        for (Object p : parts) {
            if (!(p instanceof String) && !(p instanceof Integer)) {
                throw new IllegalArgumentException("path segment must be a key or an index: " + p);
            }
        }
        parts = List.copyOf(parts);
    }

    static KeyPath of(String... keys) {
        return new KeyPath(List.of((Object[]) keys));
    }

    KeyPath key(String key) {
        List<Object> p = new ArrayList<>(parts);
        p.add(key);
        return new KeyPath(p);
    }

    KeyPath index(int index) {
        List<Object> p = new ArrayList<>(parts);
        p.add(index);
        return new KeyPath(p);
    }

    boolean isRoot() {
        return parts.isEmpty();
    }

    KeyPath parent() {
        if (parts.isEmpty()) {
            throw new IllegalStateException("the root has no parent");
        }
        return new KeyPath(parts.subList(0, parts.size() - 1));
    }

    /** The last segment as text: a key, or {@code [i]} for an index. */
    String last() {
        if (parts.isEmpty()) {
            return "";
        }
        Object p = parts.get(parts.size() - 1);
        return p instanceof Integer i ? "[" + i + "]" : (String) p;
    }

    /**
     * Parses the display form back: {@code services.web.depends_on[1]}, {@code env."A.B"}. Used by
     * callers that name a location in text (tests, {@link SourceMap}).
     */
    static KeyPath parse(String text) {
        List<Object> parts = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (c == '.') {
                i++;
            } else if (c == '[') {
                int close = text.indexOf(']', i);
                if (close < 0) {
                    throw new IllegalArgumentException("unclosed index in " + text);
                }
                parts.add(Integer.parseInt(text.substring(i + 1, close)));
                i = close + 1;
            } else if (c == '"') {
                StringBuilder b = new StringBuilder();
                i++;
                while (i < n && text.charAt(i) != '"') {
                    if (text.charAt(i) == '\\' && i + 1 < n) {
                        i++;
                    }
                    b.append(text.charAt(i++));
                }
                parts.add(b.toString());
                i++;
            } else {
                int start = i;
                while (i < n && text.charAt(i) != '.' && text.charAt(i) != '[') {
                    i++;
                }
                parts.add(text.substring(start, i));
            }
        }
        return new KeyPath(parts);
    }

    /** Display form, the way a user would write the key in dev.toml. */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        for (Object p : parts) {
            if (p instanceof Integer i) {
                b.append('[').append(i).append(']');
                continue;
            }
            String key = (String) p;
            if (b.length() > 0) {
                b.append('.');
            }
            if (BARE.matcher(key).matches()) {
                b.append(key);
            } else {
                b.append('"').append(key.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
            }
        }
        return b.toString();
    }
}
