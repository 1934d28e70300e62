package dev.init;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/** Careful reading of a project's files: detection must never fail on a huge, binary or unreadable file. */
final class ProjectFiles {
    /** Larger manifests or sources than this are not what a starter config needs to look at. */
    static final long MAX_BYTES = 512 * 1024;

    /** Directories that hold dependencies, build output or tooling, never a service of the project. */
    private static final Set<String> NOT_SERVICE_DIRS = Set.of("node_modules", "venv", "env", "__pycache__", "dist",
            "build", "target", "vendor", "coverage", "site-packages", "tmp", "log", "logs");

    private ProjectFiles() {
    }

    /** The file's text, or empty when it is missing, too large, not UTF-8 or unreadable. */
    static Optional<String> read(Path file) {
        try {
            if (!Files.isRegularFile(file) || Files.size(file) > MAX_BYTES) {
                return Optional.empty();
            }
            return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
        } catch (MalformedInputException e) {
            return Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The root, then its direct subdirectories in name order (the usual {@code web/} + {@code backend/} layout). */
    static List<Path> candidateDirectories(Path root) {
        List<Path> dirs = new ArrayList<>();
        dirs.add(root);
        try (Stream<Path> children = Files.list(root)) {
            children.filter(Files::isDirectory)
                    .filter(p -> isServiceDirectoryName(p.getFileName().toString()))
                    .sorted()
                    .forEach(dirs::add);
        } catch (IOException e) {
            // an unlistable root still has its own files looked at
        }
        return dirs;
    }

    static boolean isServiceDirectoryName(String name) {
        return !name.startsWith(".") && !NOT_SERVICE_DIRS.contains(name);
    }

    /** The directory as dev.toml's {@code cwd} writes it: relative to the root with '/', "" for the root. */
    static String relative(Path root, Path dir) {
        String rel = root.relativize(dir).toString();
        return rel.replace(dir.getFileSystem().getSeparator(), "/");
    }

    /** "in web/" or "in the project root", for summaries. */
    static String where(String rel) {
        return rel.isEmpty() ? "in the project root" : "in " + rel + "/";
    }
}
