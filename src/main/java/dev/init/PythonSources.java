package dev.init;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the module-level variable that holds a web application object ({@code app = FastAPI()})
 * in a directory's Python sources, so the generated command names it ({@code main:app}).
 */
final class PythonSources {
    /** How far below the service directory an app module is looked for (app/main.py, src/pkg/main.py). */
    private static final int MAX_DEPTH = 3;
    private static final int MAX_FILES = 400;
    private static final Set<String> SKIPPED = Set.of("tests", "test", "migrations", "node_modules", "venv", "env",
            "__pycache__", "site-packages", "build", "dist", "docs");

    /** Where the application object lives: module path as Python imports it, and the variable. */
    record AppObject(String module, String variable, boolean underSrc) {
        /** {@code module:variable}, as uvicorn and flask --app take it. */
        String target() {
            return module + ":" + variable;
        }
    }

    private PythonSources() {
    }

    /** {@code NAME = FastAPI(} style assignments; the class name is matched with or without its module prefix. */
    static Pattern assignmentOf(String className) {
        return Pattern.compile("(?m)^([A-Za-z_][A-Za-z0-9_]*)\\s*(?::[^=\\n]+)?=\\s*(?:[A-Za-z_][A-Za-z0-9_]*\\.)?"
                + Pattern.quote(className) + "\\(");
    }

    /** The shallowest module (then the first by name) that creates such an object. */
    static Optional<AppObject> find(Path dir, Pattern assignment) {
        for (Path file : pythonFiles(dir)) {
            Optional<String> text = ProjectFiles.read(file);
            if (text.isEmpty()) {
                continue;
            }
            Matcher m = assignment.matcher(text.get());
            if (m.find()) {
                return Optional.of(appObject(dir, file, m.group(1)));
            }
        }
        return Optional.empty();
    }

    private static AppObject appObject(Path dir, Path file, String variable) {
        String rel = ProjectFiles.relative(dir, file);
        String module = rel.substring(0, rel.length() - ".py".length()).replace('/', '.');
        if (module.endsWith(".__init__")) {
            module = module.substring(0, module.length() - ".__init__".length());
        }
        boolean underSrc = module.startsWith("src.");
        if (underSrc) {
            module = module.substring("src.".length());
        }
        return new AppObject(module, variable, underSrc);
    }

    private static List<Path> pythonFiles(Path dir) {
        List<Path> files = new ArrayList<>();
        try {
            Files.walkFileTree(dir, Set.of(), MAX_DEPTH + 1, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
                    if (d.equals(dir)) {
                        return FileVisitResult.CONTINUE;
                    }
                    String name = d.getFileName().toString();
                    return name.startsWith(".") || SKIPPED.contains(name) ? FileVisitResult.SKIP_SUBTREE
                            : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile() && f.getFileName().toString().endsWith(".py")) {
                        files.add(f);
                    }
                    return files.size() >= MAX_FILES ? FileVisitResult.TERMINATE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path f, IOException e) {
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            // what was collected before the failure is still worth looking at
        }
        files.sort(Comparator.comparingInt((Path p) -> dir.relativize(p).getNameCount())
                .thenComparing(p -> ProjectFiles.relative(dir, p)));
        return files;
    }
}
