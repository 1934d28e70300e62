package dev.init;

import java.util.List;
import java.util.Objects;

/**
 * One service of the starter dev.toml, before it is rendered.
 *
 * @param name     preferred service name; made unique when the config is assembled
 * @param role     decides dependencies between drafts
 * @param command  the shell command, already in dev.toml syntax ({@code ${port}} etc.)
 * @param cwd      directory relative to the project root, or "" for the root itself
 * @param comments lines written above the keys, saying what was detected and what to check
 */
public record ServiceDraft(String name, Role role, String command, String cwd, Port port, Health health,
                           boolean task, List<Dependency> dependsOn, List<String> comments) {
    public ServiceDraft {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(command, "command");
        cwd = cwd == null ? "" : cwd;
        Objects.requireNonNull(port, "port");
        Objects.requireNonNull(health, "health");
        dependsOn = List.copyOf(dependsOn);
        comments = List.copyOf(comments);
    }

    /** A draft with no dependencies yet: they are added once every service is known. */
    public static ServiceDraft of(String name, Role role, String command, String cwd, Port port, Health health,
                                  List<String> comments) {
        return new ServiceDraft(name, role, command, cwd, port, health, role == Role.SETUP, List.of(), comments);
    }

    public ServiceDraft withName(String newName) {
        return new ServiceDraft(newName, role, command, cwd, port, health, task, dependsOn, comments);
    }

    public ServiceDraft withPort(Port newPort) {
        return new ServiceDraft(name, role, command, cwd, newPort, health, task, dependsOn, comments);
    }

    public ServiceDraft withDependencies(List<Dependency> deps) {
        return new ServiceDraft(name, role, command, cwd, port, health, task, deps, comments);
    }

    public ServiceDraft withComment(String comment) {
        List<String> more = new java.util.ArrayList<>(comments);
        more.add(comment);
        return new ServiceDraft(name, role, command, cwd, port, health, task, dependsOn, more);
    }
}
