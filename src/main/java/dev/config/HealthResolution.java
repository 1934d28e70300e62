package dev.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Turns a {@link HealthSpec} into the {@link HealthCheck} a prober runs, for one service. */
final class HealthResolution {
    static final String LOOPBACK = "127.0.0.1";

    /** Interpolates a template written at {@code where}; null when it had errors (already reported). */
    interface Expander {
        String expand(String template, KeyPath where);
    }

    private final Problems problems;
    private final Expander expander;

    HealthResolution(Problems problems, Expander expander) {
        this.problems = problems;
        this.expander = expander;
    }

    /**
     * @param path the service's {@code health} key, for error positions
     * @param port the service's concrete port, or null
     */
    HealthCheck resolve(HealthSpec spec, KeyPath path, Integer port) {
        HealthSpec.Timing timing = spec.timing();
        HealthCheck fallback = new HealthCheck.Uptime(timing);
        if (spec instanceof HealthSpec.Default) {
            return port != null ? new HealthCheck.Tcp(LOOPBACK, port, timing) : fallback;
        }
        if (spec instanceof HealthSpec.Tcp tcp) {
            KeyPath p = path.key("tcp");
            String text = expander.expand(tcp.port(), p);
            if (text == null) {
                return fallback;
            }
            if (!ServiceReader.isPortNumber(text.trim())) {
                problems.atValue(p, ConfigError.Kind.INVALID_PORT, "`" + p + "` is not a port: \"" + text + "\"",
                        "use a port between 1 and 65535, e.g. tcp = 5432 or tcp = \"${port}\"");
                return fallback;
            }
            return new HealthCheck.Tcp(LOOPBACK, Integer.parseInt(text.trim()), timing);
        }
        if (spec instanceof HealthSpec.Http http) {
            return http(http, path, port).<HealthCheck>map(h -> h).orElse(fallback);
        }
        if (spec instanceof HealthSpec.Exec exec) {
            String command = expander.expand(exec.command(), path.key("exec"));
            return command == null ? fallback : new HealthCheck.Exec(command, timing);
        }
        HealthSpec.Log log = (HealthSpec.Log) spec;
        KeyPath p = path.key("log");
        String regex = expander.expand(log.regex(), p);
        if (regex == null) {
            return fallback;
        }
        try {
            return new HealthCheck.Log(Pattern.compile(regex), timing);
        } catch (PatternSyntaxException e) {
            problems.atValue(p, ConfigError.Kind.INVALID_VALUE,
                    "`" + p + "` is not a valid regular expression: " + e.getDescription() + " in \"" + regex + "\"",
                    "escape special characters with \\\\ (in a TOML basic string) or use a 'literal string'");
            return fallback;
        }
    }

    private Optional<HealthCheck.Http> http(HealthSpec.Http http, KeyPath path, Integer port) {
        KeyPath p = path.key("http");
        String target = expander.expand(http.target(), p);
        if (target == null) {
            return Optional.empty();
        }
        StatusRange range = StatusRange.DEFAULT;
        if (http.status() != null) {
            Optional<StatusRange> parsed = StatusRange.parse(http.status());
            if (parsed.isEmpty()) {
                problems.atValue(path.key("status"), ConfigError.Kind.INVALID_VALUE,
                        "`" + path.key("status") + "` is not a status or range: \"" + http.status() + "\"",
                        StatusRange.EXAMPLES);
                return Optional.empty();
            }
            range = parsed.get();
        }
        String url;
        if (target.startsWith("/")) {
            if (port == null) {
                problems.atValue(p, ConfigError.Kind.CONFLICT,
                        "`" + p + "` = \"" + target + "\" needs a port, but the service has none",
                        "add port = 8080 (or port = \"auto\") to the service, or give a full URL");
                return Optional.empty();
            }
            url = "http://" + LOOPBACK + ":" + port + target;
        } else {
            url = target;
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme();
            if (scheme == null || !(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                throw new URISyntaxException(url, "not an http:// or https:// URL with a host");
            }
            return Optional.of(new HealthCheck.Http(uri, range.min(), range.max(), http.timing()));
        } catch (URISyntaxException e) {
            problems.atValue(p, ConfigError.Kind.INVALID_VALUE, "`" + p + "` is not a valid URL: \"" + url + "\" ("
                    + e.getReason() + ")", "write a path such as \"/health\" or a URL such as \"http://127.0.0.1:8080/health\"");
            return Optional.empty();
        }
    }
}
