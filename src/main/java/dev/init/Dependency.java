package dev.init;

/** One {@code depends_on} entry: the service waited for and the condition ("healthy", "completed"). */
public record Dependency(String service, String condition) {
    public static Dependency healthy(String service) {
        return new Dependency(service, "healthy");
    }

    public static Dependency completed(String service) {
        return new Dependency(service, "completed");
    }
}
