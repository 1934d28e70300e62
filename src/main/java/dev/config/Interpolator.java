package dev.config;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Expands the references dev.toml values may hold: {@code ${port}} (the service's own port),
 * {@code ${services.NAME.port}}, {@code ${VAR}} (an environment variable), and {@code $$} for a
 * literal {@code $}. A {@code $} followed by anything else stays as written, so shell syntax such
 * as {@code $HOME} or {@code awk '{print $1}'} passes through to {@code /bin/sh} untouched.
 */
final class Interpolator {
    private static final Pattern SERVICE_PORT = Pattern.compile("services\\.([A-Za-z0-9][A-Za-z0-9_-]*)\\.port");
    private static final Pattern VARIABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private Interpolator() {
    }

    /** What a {@code ${...}} names. */
    sealed interface Ref {
        /** How the reference was written, for messages. */
        String text();
    }

    record OwnPort() implements Ref {
        public String text() {
            return "${port}";
        }
    }

    record ServicePort(String service) implements Ref {
        public String text() {
            return "${services." + service + ".port}";
        }
    }

    record Variable(String name) implements Ref {
        public String text() {
            return "${" + name + "}";
        }
    }

    /** The outcome of looking one reference up. */
    sealed interface Result {
    }

    record Found(String value) implements Result {
    }

    record Missing(String reason, String hint) implements Result {
    }

    interface Lookup {
        Result lookup(Ref ref);
    }

    /** A problem with one reference inside a template. */
    record Failure(ConfigError.Kind kind, String message, String hint) {
    }

    record Expansion(String value, List<Failure> failures) {
        boolean ok() {
            return failures.isEmpty();
        }
    }

    /**
     * @param where how to name the value in messages, e.g. {@code services.api.command}
     */
    static Expansion expand(String template, String where, Lookup lookup) {
        StringBuilder out = new StringBuilder();
        List<Failure> failures = new ArrayList<>();
        int i = 0;
        int n = template.length();
        while (i < n) {
            char c = template.charAt(i);
            if (c != '$' || i + 1 >= n) {
                out.append(c);
                i++;
                continue;
            }
            char next = template.charAt(i + 1);
            if (next == '$') {
                out.append('$');
                i += 2;
                continue;
            }
            if (next != '{') {
                out.append(c);
                i++;
                continue;
            }
            int close = template.indexOf('}', i + 2);
            if (close < 0) {
                failures.add(new Failure(ConfigError.Kind.INVALID_VALUE,
                        "`" + where + "` has an unterminated `${`: \"" + template + "\"",
                        "close the reference with `}`, or write `$$` for a literal `$`"));
                out.append(template, i, n);
                break;
            }
            String body = template.substring(i + 2, close);
            String written = template.substring(i, close + 1);
            Ref ref = parse(body);
            if (ref == null) {
                failures.add(new Failure(ConfigError.Kind.UNKNOWN_REFERENCE,
                        "`" + where + "` refers to `" + written + "`, which is not a reference dev understands",
                        "use ${port}, ${services.NAME.port} or ${VAR}; write $" + written
                                + " to pass it to the shell unchanged"));
                out.append(written);
            } else {
                Result r = lookup.lookup(ref);
                if (r instanceof Found f) {
                    out.append(f.value());
                } else {
                    Missing m = (Missing) r;
                    failures.add(new Failure(ConfigError.Kind.UNKNOWN_REFERENCE,
                            "`" + where + "` refers to `" + written + "`, but " + m.reason(), m.hint()));
                    out.append(written);
                }
            }
            i = close + 1;
        }
        return new Expansion(out.toString(), List.copyOf(failures));
    }

    private static Ref parse(String body) {
        if (body.equals("port")) {
            return new OwnPort();
        }
        Matcher m = SERVICE_PORT.matcher(body);
        if (m.matches()) {
            return new ServicePort(m.group(1));
        }
        if (VARIABLE.matcher(body).matches()) {
            return new Variable(body);
        }
        return null;
    }
}
