package dev.init;

import java.util.List;

/**
 * What {@code dev init} found in a directory.
 *
 * @param services    the services to write, dependencies resolved, names unique, in start order
 * @param unavailable services the project needs but this machine cannot run (a database server
 *                    not on PATH); written commented out, so nothing depends on them
 * @param notes       things the user should know, one line each
 */
public record Detection(List<Finding> services, List<Finding> unavailable, List<String> notes) {
    public Detection {
        services = List.copyOf(services);
        unavailable = List.copyOf(unavailable);
        notes = List.copyOf(notes);
    }

    /** True when nothing was recognised and the file holds only a placeholder service. */
    public boolean placeholderOnly() {
        return services.size() == 1 && services.get(0).draft().name().equals(ProjectDetector.PLACEHOLDER_NAME)
                && services.get(0).summary().isEmpty();
    }
}
