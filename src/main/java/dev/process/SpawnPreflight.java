package dev.process;

import dev.process.CommandWords.Program;
import dev.process.SpawnProblem.Kind;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks, before spawning, the failures a user most often makes — a missing working directory, a command that
 * is not installed or not on PATH, a script without its execute bit — so they are reported as such with a
 * suggestion, instead of as an anonymous exit status 127 a moment later. Only what can be known for certain is
 * reported: when the command starts with shell syntax this cannot follow, nothing is reported.
 */
public final class SpawnPreflight {
    /** dash's search path when PATH is unset, which is what {@code /bin/sh} then uses. */
    static final String SHELL_DEFAULT_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
    private static final int PATH_ENTRIES_SHOWN = 4;

    /** Builtins of POSIX sh, dash and bash: never looked up on PATH, so never "not found". */
    private static final Set<String> SHELL_BUILTINS = Set.of(".", ":", "[", "alias", "bg", "break", "builtin",
            "cd", "command", "continue", "declare", "echo", "eval", "exec", "exit", "export", "false", "fc", "fg",
            "getopts", "hash", "jobs", "kill", "let", "local", "printf", "pwd", "read", "readonly", "return", "set",
            "shift", "source", "test", "times", "trap", "true", "type", "typeset", "ulimit", "umask", "unalias",
            "unset", "wait");

    private SpawnPreflight() {
    }

    /** The problem that would stop {@code command} from starting in {@code cwd} with {@code env}, if one is certain. */
    public static Optional<SpawnProblem> check(String command, Path cwd, Map<String, String> env) {
        Optional<SpawnProblem> directory = checkDirectory(cwd);
        if (directory.isPresent()) {
            return directory;
        }
        if (!(CommandWords.leadingWord(command) instanceof Program program)) {
            return Optional.empty();
        }
        String word = program.word();
        if (SHELL_BUILTINS.contains(word)) {
            return Optional.empty();
        }
        if (word.contains("/")) {
            return checkPathWord(word, cwd);
        }
        return searchPath(word, cwd, env.get("PATH"));
    }

    /**
     * Classifies an exit status that means the shell could not run a command — a failure that surfaces only
     * after spawn (a script calling a missing tool). {@code lastLines} are the process's last output lines, where
     * the shell's own message is found. 127 counts only with the shell's "not found" message, because a program
     * may legitimately exit 127 itself; 126 is reserved by POSIX for "found but not executable".
     */
    public static Optional<SpawnProblem> classifyExit(int exitCode, List<String> lastLines) {
        if (exitCode == 127) {
            return lastMentioning(lastLines, "not found", "no such file or directory")
                    .map(line -> new SpawnProblem(Kind.COMMAND_NOT_FOUND, line,
                            "A command the service runs is not installed or not on PATH: install it, or fix PATH "
                                    + "in the service's env"));
        }
        if (exitCode == 126) {
            String detail = lastMentioning(lastLines, "permission denied", "is a directory", "cannot execute")
                    .orElse("exit status 126: the shell found a command but could not execute it");
            return Optional.of(new SpawnProblem(Kind.PERMISSION_DENIED, detail,
                    "Make the program executable (chmod +x FILE) and check it is a file, not a directory"));
        }
        return Optional.empty();
    }

    private static Optional<SpawnProblem> checkDirectory(Path cwd) {
        if (!Files.exists(cwd)) {
            return Optional.of(new SpawnProblem(Kind.DIRECTORY_MISSING, "working directory " + cwd + " does not exist",
                    "Create it, or fix the service's cwd in dev.toml (relative paths start at the project root)"));
        }
        if (!Files.isDirectory(cwd)) {
            return Optional.of(new SpawnProblem(Kind.DIRECTORY_MISSING, "working directory " + cwd
                    + " is not a directory", "Point the service's cwd in dev.toml at a directory"));
        }
        if (!Files.isExecutable(cwd)) {
            return Optional.of(new SpawnProblem(Kind.PERMISSION_DENIED, "working directory " + cwd
                    + " cannot be entered (no search permission)", "chmod u+x " + cwd));
        }
        return Optional.empty();
    }

    private static Optional<SpawnProblem> checkPathWord(String word, Path cwd) {
        Path file = cwd.resolve(word).normalize();
        if (!Files.exists(file)) {
            return Optional.of(new SpawnProblem(Kind.COMMAND_NOT_FOUND, "'" + word + "' does not exist (looked for "
                    + file + ")", "Check the path in command; relative paths start at the service's cwd " + cwd));
        }
        if (Files.isDirectory(file)) {
            return Optional.of(new SpawnProblem(Kind.PERMISSION_DENIED, "'" + word + "' is a directory, not a program",
                    "Point command at a program inside " + file));
        }
        if (!Files.isExecutable(file)) {
            return Optional.of(notExecutable(word, file));
        }
        return Optional.empty();
    }

    private static Optional<SpawnProblem> searchPath(String word, Path cwd, String pathVariable) {
        String path = pathVariable == null ? SHELL_DEFAULT_PATH : pathVariable;
        Path notExecutable = null;
        // split with -1 keeps empty entries, which the shell reads as the current directory
        for (String entry : path.split(":", -1)) {
            Path candidate = cwd.resolve(entry.isEmpty() ? "." : entry).resolve(word);
            if (Files.isRegularFile(candidate)) {
                if (Files.isExecutable(candidate)) {
                    return Optional.empty();
                }
                notExecutable = notExecutable == null ? candidate : notExecutable;
            }
        }
        if (notExecutable != null) {
            return Optional.of(notExecutable(word, notExecutable));
        }
        String searched = pathVariable == null ? "PATH is not set, so the shell's default: " + abbreviate(path)
                : abbreviate(path);
        return Optional.of(new SpawnProblem(Kind.COMMAND_NOT_FOUND,
                "'" + word + "' was not found on PATH (" + searched + ")",
                "Install " + word + ", or add its directory to PATH in the service's env in dev.toml"));
    }

    private static SpawnProblem notExecutable(String word, Path file) {
        return new SpawnProblem(Kind.PERMISSION_DENIED, "'" + word + "' is not executable (" + file + ")",
                "chmod +x " + file + ", or run it through its interpreter (e.g. sh " + word + ")");
    }

    private static String abbreviate(String path) {
        if (path.isEmpty()) {
            return "empty";
        }
        String[] entries = path.split(":", -1);
        if (entries.length <= PATH_ENTRIES_SHOWN) {
            return path;
        }
        List<String> shown = new ArrayList<>(List.of(entries).subList(0, PATH_ENTRIES_SHOWN));
        return String.join(":", shown) + ":… (" + (entries.length - PATH_ENTRIES_SHOWN) + " more)";
    }

    private static Optional<String> lastMentioning(List<String> lines, String... needles) {
        for (int i = lines.size() - 1; i >= 0; i--) {
            String lower = lines.get(i).toLowerCase(Locale.ROOT);
            for (String needle : needles) {
                if (lower.contains(needle)) {
                    return Optional.of(lines.get(i).strip());
                }
            }
        }
        return Optional.empty();
    }
}
