package dev.config;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads env files for {@link ServiceResolution}, each once per resolve.
 *
 * <p>Strict (resolving for a start): a missing explicit file, an unreadable one or a malformed line
 * is an error. Lenient (the reference check at load time): such a file only makes the set of
 * defined names unknown, so {@code ${VAR}} is not reported as undefined for that service; the real
 * problem is reported when resolving, naming the file.
 */
final class EnvFiles {
    private final Path root;
    private final boolean strict;
    private final Problems problems;
    private final Map<Path, Optional<String>> contents = new HashMap<>();

    private EnvFiles(Path root, boolean strict, Problems problems) {
        this.root = root;
        this.strict = strict;
        this.problems = problems;
    }

    static EnvFiles strict(Path root, Problems problems) {
        return new EnvFiles(root, true, problems);
    }

    static EnvFiles lenient(Path root, Problems problems) {
        return new EnvFiles(root, false, problems);
    }

    /** Where a reference points, resolved against the project root. */
    Path pathOf(ProjectConfig.EnvFileRef ref) {
        return root.resolve(ref.path()).normalize();
    }

    /** How {@code dev env} names the file as a source: relative to the root when inside it. */
    String label(ProjectConfig.EnvFileRef ref) {
        Path p = pathOf(ref);
        Path r = root.normalize();
        return p.startsWith(r) && !p.equals(r) ? r.relativize(p).toString() : p.toString();
    }

    /**
     * Parses the file and puts its values into {@code env}.
     *
     * @param lookup lower layers, for {@code ${VAR}} inside the file
     * @return false when the file's content could not be known (lenient mode only)
     */
    boolean apply(ProjectConfig.EnvFileRef ref, Map<String, EnvValue> env, Function<String, String> lookup) {
        Path file = pathOf(ref);
        Optional<String> text = contents.computeIfAbsent(file, f -> read(ref, f));
        if (text.isEmpty()) {
            boolean absentOptional = !ref.required() && !Files.exists(file);
            return strict || absentOptional;
        }
        Map<String, DotEnv.Entry> entries;
        try {
            entries = DotEnv.parse(text.get(), file, lookup);
        } catch (ConfigException e) {
            if (strict) {
                problems.addAll(e.errors());
            }
            return strict;
        }
        String source = label(ref);
        entries.forEach((k, v) -> env.put(k, new EnvValue(v.value(), source)));
        return true;
    }

    private Optional<String> read(ProjectConfig.EnvFileRef ref, Path file) {
        try {
            return Optional.of(Files.readString(file));
        } catch (NoSuchFileException e) {
            if (ref.required() && strict) {
                problems.at(ref.location(), ConfigError.Kind.ENV_FILE, "env file `" + ref.path() + "` not found (looked for "
                        + file + ")", "create the file, fix the path (relative to the project root), or remove it from env_file");
            }
        } catch (CharacterCodingException e) {
            if (strict) {
                problems.at(ref.location(), ConfigError.Kind.ENV_FILE, "env file `" + ref.path() + "` is not UTF-8 text",
                        "save it as UTF-8");
            }
        } catch (IOException e) {
            if (strict) {
                problems.at(ref.location(), ConfigError.Kind.ENV_FILE, "env file `" + ref.path() + "` cannot be read ("
                        + IoMessages.describe(e) + ")", "check that it is a readable file");
            }
        }
        return Optional.empty();
    }
}
