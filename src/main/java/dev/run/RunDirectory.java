package dev.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/** Paths inside {@code .dev/} at the project root (SPEC §3). */
public record RunDirectory(Path root) {
    /** Lock and state files: they name processes to signal, so only their owner may write them. */
    static final FileAttribute<Set<PosixFilePermission>> OWNER_ONLY_FILE =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));

    /** Creates {@code .dev/} and {@code .dev/logs/}, the former readable by its owner only. */
    public void create() throws IOException {
        Files.createDirectories(logs());
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwx------"));
    }

    public static RunDirectory of(Path projectRoot) {
        return new RunDirectory(projectRoot.resolve(".dev"));
    }

    public Path logs() {
        return root.resolve("logs");
    }

    public Path lockFile() {
        return root.resolve("lock");
    }

    public Path stateFile() {
        return root.resolve("state.json");
    }

    public Path projectRoot() {
        return root.getParent();
    }
}
