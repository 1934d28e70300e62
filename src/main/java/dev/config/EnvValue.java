package dev.config;

/**
 * One environment variable's effective value and where it came from, for {@code dev env}.
 *
 * @param source human-readable origin: {@code user environment}, {@code .env}, {@code [project].env},
 *               {@code backend/.env}, {@code [services.api].env}, {@code set by dev}
 */
public record EnvValue(String value, String source) {
}
