package dev.config;

import java.util.Optional;

/** {@code restart = "no" | "on-failure" | "always"}. */
public enum RestartPolicy {
    NO("no"), ON_FAILURE("on-failure"), ALWAYS("always");

    private final String keyword;

    RestartPolicy(String keyword) {
        this.keyword = keyword;
    }

    public String keyword() {
        return keyword;
    }

    public static Optional<RestartPolicy> parse(String text) {
        for (RestartPolicy p : values()) {
            if (p.keyword.equals(text)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
