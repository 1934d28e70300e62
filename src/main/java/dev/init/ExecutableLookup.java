package dev.init;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Answers whether a program can be run by name. Detection takes this instead of reading PATH
 * itself, so tests decide which database servers "are installed".
 */
@FunctionalInterface
public interface ExecutableLookup {
    boolean onPath(String program);

    /** The real lookup: an executable regular file of that name in one of PATH's directories. */
    static ExecutableLookup fromEnvironment(Map<String, String> env) {
        String path = env.getOrDefault("PATH", "");
        return program -> {
            for (String dir : path.split(File.pathSeparator)) {
                if (dir.isEmpty()) {
                    continue; // an empty entry means "." in POSIX shells; dev never runs from there by accident
                }
                try {
                    Path candidate = Path.of(dir, program);
                    if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                        return true;
                    }
                } catch (InvalidPathException e) {
                    // a malformed PATH entry cannot hold the program
                }
            }
            return false;
        };
    }
}
