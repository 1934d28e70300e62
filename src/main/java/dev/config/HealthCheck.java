package dev.config;

import java.net.URI;
import java.util.regex.Pattern;

/** A health check with every reference resolved: what a prober actually runs. */
public sealed interface HealthCheck {
    HealthSpec.Timing timing();

    /** One-line human description, e.g. {@code http http://127.0.0.1:8080/health}. */
    String describe();

    record Tcp(String host, int port, HealthSpec.Timing timing) implements HealthCheck {
        public String describe() {
            return "tcp " + host + ":" + port;
        }
    }

    /** {@code minStatus..maxStatus} inclusive is success. */
    record Http(URI uri, int minStatus, int maxStatus, HealthSpec.Timing timing) implements HealthCheck {
        public String describe() {
            return "http " + uri;
        }
    }

    record Exec(String command, HealthSpec.Timing timing) implements HealthCheck {
        public String describe() {
            return "exec " + command;
        }
    }

    record Log(Pattern pattern, HealthSpec.Timing timing) implements HealthCheck {
        public String describe() {
            return "log /" + pattern.pattern() + "/";
        }
    }

    /** Healthy once the process has run {@code timing.startPeriod()} without exiting. */
    record Uptime(HealthSpec.Timing timing) implements HealthCheck {
        public String describe() {
            return "running for " + Durations.format(timing.startPeriod());
        }
    }
}
