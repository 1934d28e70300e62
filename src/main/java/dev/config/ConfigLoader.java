package dev.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads and validates a dev.toml: TOML syntax (Jackson), then every key, type and value, then the
 * checks across services, then every {@code ${...}} reference. All problems of a file are reported
 * together in one {@link ConfigException}, each at its line and column.
 */
public final class ConfigLoader {
    static final List<String> TOP_LEVEL_KEYS = List.of("project", "services");
    /** Stands in for auto ports when checking references at load time; never reaches a process. */
    private static final int PLACEHOLDER_PORT = 1;

    private ConfigLoader() {
    }

    /** Loads {@code file}, checking {@code ${VAR}} references against the process environment. */
    public static Config load(Path file) throws ConfigException {
        return load(file, System.getenv());
    }

    /**
     * @param userEnv the environment {@code ${VAR}} references are checked against (with env
     *                files and tables)
     */
    public static Config load(Path file, Map<String, String> userEnv) throws ConfigException {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new ConfigException(new ConfigError(Location.unknown(file), ConfigError.Kind.NOT_FOUND,
                    "config file not found: " + file, "run `dev init` to create one, or point to it with -f FILE"));
        } catch (CharacterCodingException e) {
            throw new ConfigException(new ConfigError(Location.unknown(file), ConfigError.Kind.SYNTAX,
                    "config file is not UTF-8 text: " + file, "save it as UTF-8"));
        } catch (IOException e) {
            throw new ConfigException(new ConfigError(Location.unknown(file), ConfigError.Kind.NOT_FOUND,
                    "cannot read config file " + file + " (" + IoMessages.describe(e) + ")",
                    "check that it is a readable file"));
        }
        Path root = file.toAbsolutePath().normalize().getParent();
        return parse(text, file, root, userEnv);
    }

    /** Parses dev.toml text as if read from {@code file}; root is the directory holding it. */
    public static Config parse(String text, Path file, Path root) throws ConfigException {
        return parse(text, file, root, System.getenv());
    }

    public static Config parse(String text, Path file, Path root, Map<String, String> userEnv) throws ConfigException {
        String source = text.startsWith("\uFEFF") ? text.substring(1) : text;
        JsonNode tree = TomlSyntax.read(source, file);
        Problems problems = new Problems(TomlLocator.scan(source, file));
        Fields fields = new Fields(problems);
        ObjectNode top = tree instanceof ObjectNode o ? o : JsonNodeFactory.instance.objectNode();
        fields.rejectUnknownKeys(top, KeyPath.ROOT, TOP_LEVEL_KEYS, "dev.toml (top level)");

        ProjectConfig project = ProjectReader.read(top.get("project"), file, root, fields);
        Map<String, ServiceReader.ServiceDraft> drafts = readServices(top, fields, project);
        new CrossChecks(problems, drafts).run();

        Map<String, ServiceConfig> services = new LinkedHashMap<>();
        drafts.forEach((name, d) -> services.put(name, withConditions(d.config(), CrossChecks.conditions(d, drafts))));
        Config config = new Config(project, services, problems.sources());
        checkReferences(config, drafts, problems, userEnv);
        problems.throwIfAny();
        return config;
    }

    private static Map<String, ServiceReader.ServiceDraft> readServices(ObjectNode top, Fields fields,
                                                                        ProjectConfig project) {
        Map<String, ServiceReader.ServiceDraft> drafts = new LinkedHashMap<>();
        KeyPath path = KeyPath.of("services");
        Problems problems = fields.problems();
        String hint = "add a service, e.g. [services.web] with command = \"npm run dev\"";
        if (!top.has("services")) {
            problems.at(new Location(problems.sources().file(), 1, 1), ConfigError.Kind.MISSING_KEY,
                    "no services defined", hint);
            return drafts;
        }
        fields.table(top.get("services"), path).ifPresent(table -> {
            if (table.isEmpty()) {
                problems.at(problems.sources().table(path), ConfigError.Kind.MISSING_KEY, "no services defined", hint);
            }
            ServiceReader reader = new ServiceReader(fields, project);
            table.fields().forEachRemaining(e ->
                    drafts.put(e.getKey(), reader.read(e.getKey(), e.getValue(), path.key(e.getKey()))));
        });
        return drafts;
    }

    /**
     * Resolves every service that read cleanly against the current environment, to report unknown
     * {@code ${...}} references now rather than at start. Env files are read leniently: problems
     * with them are reported by {@link Resolver} when starting, naming the file.
     */
    private static void checkReferences(Config config, Map<String, ServiceReader.ServiceDraft> drafts,
                                        Problems problems, Map<String, String> userEnv) {
        Map<String, Integer> ports = new LinkedHashMap<>(Resolver.fixedPorts(config));
        Resolver.autoPortServices(config).forEach(name -> ports.put(name, PLACEHOLDER_PORT));
        Set<String> uncertain = new HashSet<>();
        drafts.forEach((name, d) -> {
            if (d.portUncertain()) {
                uncertain.add(name);
            }
        });
        ResolveContext check = new ResolveContext(ports, userEnv, "check", true);
        ServiceResolution resolution = new ServiceResolution(config, check, problems,
                EnvFiles.lenient(config.project().root(), problems), uncertain);
        drafts.forEach((name, d) -> {
            if (!d.hadErrors()) {
                resolution.resolve(config.service(name));
            }
        });
    }

    private static ServiceConfig withConditions(ServiceConfig s, Map<String, Condition> dependsOn) {
        return new ServiceConfig(s.name(), s.location(), s.command(), s.cwd(), s.port(), s.optional(), s.task(),
                dependsOn, s.health(), s.startTimeout(), s.stopSignal(), s.stopTimeout(), s.stopCommand(), s.restart(),
                s.bindsTo(), s.keepDetached(), s.envFiles(), s.env(), s.forceColor());
    }
}
