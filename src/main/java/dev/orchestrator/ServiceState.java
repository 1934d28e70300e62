package dev.orchestrator;

import java.util.Locale;

/** SPEC §4 service states. */
public enum ServiceState {
    PENDING, WAITING, STARTING, HEALTHY, RUNNING, COMPLETED, UNHEALTHY, STOPPING, STOPPED, FAILED, SKIPPED;

    public String keyword() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** A process of this service may exist right now. */
    public boolean hasProcess() {
        return this == STARTING || this == HEALTHY || this == RUNNING || this == UNHEALTHY || this == STOPPING;
    }

    /** Nothing more will happen to this service without a new request. */
    public boolean settled() {
        return this == COMPLETED || this == STOPPED || this == FAILED || this == SKIPPED;
    }

    /** Counts as "up" for the overall ok summary and for {@code --wait}. */
    public boolean up() {
        return this == HEALTHY || this == RUNNING || this == COMPLETED;
    }

    public static ServiceState parse(String keyword) {
        return valueOf(keyword.toUpperCase(Locale.ROOT));
    }
}
