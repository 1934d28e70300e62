package dev.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ResolverTest {
    private static final Map<String, String> USER = Map.of("HOME", "/home/dev", "PATH", "/usr/bin", "LAYER", "user",
            "ONLY_USER", "u", "PORT", "1");

    @TempDir
    Path root;

    private Config load(String toml) throws ConfigException {
        return ConfigLoader.parse(toml, root.resolve("dev.toml"), root, USER);
    }

    private Map<String, ResolvedService> resolve(Config c, Map<String, Integer> autoPorts) throws ConfigException {
        Map<String, Integer> ports = new HashMap<>(Resolver.fixedPorts(c));
        ports.putAll(autoPorts);
        return Resolver.resolve(c, new ResolveContext(ports, USER, "run-42", false));
    }

    @Test
    void environmentLayersInPrecedenceOrderWithProvenance() throws Exception {
        Files.writeString(root.resolve(".env"), "LAYER=dotenv\nONLY_DOTENV=d\n");
        Files.createDirectories(root.resolve("backend"));
        Files.writeString(root.resolve("backend/.env"), "LAYER=service-file\nONLY_SERVICE_FILE=${ONLY_PROJECT}-f\n");
        Config c = load("""
                [project]
                env = { LAYER = "project", ONLY_PROJECT = "p", PATH = "${PATH}:/opt/bin" }
                [services.api]
                command = "serve"
                port = 8080
                env_file = "backend/.env"
                env = { WAS = "${LAYER}", LAYER = "service", NOW = "${LAYER}", PORT = "overridden by dev" }
                """);
        ResolvedService api = resolve(c, Map.of()).get("api");
        Map<String, EnvValue> env = api.env();
        assertEquals(new EnvValue("service", "[services.api].env"), env.get("LAYER"));
        assertEquals(new EnvValue("service-file", "[services.api].env"), env.get("WAS"),
                "a table value sees the layers below it");
        assertEquals(new EnvValue("service", "[services.api].env"), env.get("NOW"),
                "and keys written before it in the same table");
        assertEquals(new EnvValue("u", "user environment"), env.get("ONLY_USER"));
        assertEquals(new EnvValue("d", ".env"), env.get("ONLY_DOTENV"));
        assertEquals(new EnvValue("p", "[project].env"), env.get("ONLY_PROJECT"));
        assertEquals(new EnvValue("p-f", "backend/.env"), env.get("ONLY_SERVICE_FILE"));
        assertEquals(new EnvValue("/usr/bin:/opt/bin", "[project].env"), env.get("PATH"));
        assertEquals(new EnvValue("8080", "set by dev"), env.get("PORT"));
        assertEquals(new EnvValue("api", "set by dev"), env.get("DEV_SERVICE"));
        assertEquals(new EnvValue(root.toAbsolutePath().normalize().toString(), "set by dev"), env.get("DEV_PROJECT_ROOT"));
        assertEquals(new EnvValue("run-42", "set by dev"), env.get("DEV_RUN_ID"));
        assertEquals(new EnvValue("1", "set by dev"), env.get("PYTHONUNBUFFERED"));
        assertFalse(env.containsKey("FORCE_COLOR"));
        assertEquals("service", api.environment().get("LAYER"));
    }

    @Test
    void dollarPortInsideTablesIsThePortTheChildSees() throws Exception {
        Config c = load("""
                [project]
                env = { SELF_URL = "http://127.0.0.1:${PORT}" }
                [services.api]
                command = "serve"
                port = "auto"
                env = { URL = "http://127.0.0.1:${port}/", ALSO = "${PORT}" }
                """);
        ResolvedService api = resolve(c, Map.of("api", 41000)).get("api");
        assertEquals("http://127.0.0.1:41000", api.env().get("SELF_URL").value());
        assertEquals("http://127.0.0.1:41000/", api.env().get("URL").value());
        assertEquals("41000", api.env().get("ALSO").value());
        assertEquals(41000, api.port());
    }

    @Test
    void runMarkerOnlyWhenGiven() throws Exception {
        Config c = load("[services.a]\ncommand = \"a\"\n");
        ResolvedService a = Resolver.resolve(c, new ResolveContext(Map.of(), USER, null, false)).get("a");
        assertFalse(a.env().containsKey("DEV_RUN_ID"));
        assertEquals(new EnvValue("1", "user environment"), a.env().get("PORT"));
    }

    @Test
    void colourFollowsDevUnlessTheServiceSaysOtherwise() throws Exception {
        Config c = load("""
                [services.follow]
                command = "a"
                [services.never]
                command = "b"
                force_color = false
                [services.always]
                command = "c"
                force_color = true
                """);
        Map<String, ResolvedService> colour = Resolver.resolve(c, new ResolveContext(Map.of(), USER, null, true));
        Map<String, ResolvedService> plain = Resolver.resolve(c, new ResolveContext(Map.of(), USER, null, false));
        assertEquals(Set.of("follow", "always"), withColour(colour));
        assertEquals(Set.of("always"), withColour(plain));
        assertEquals(new EnvValue("1", "set by dev"), colour.get("follow").env().get("CLICOLOR_FORCE"));
    }

    private static Set<String> withColour(Map<String, ResolvedService> services) {
        Set<String> out = new java.util.TreeSet<>();
        services.forEach((name, s) -> {
            if ("1".equals(s.environment().get("FORCE_COLOR")) && "1".equals(s.environment().get("CLICOLOR_FORCE"))) {
                out.add(name);
            }
        });
        return out;
    }

    @Test
    void commandsStopCommandsAndCwdAreInterpolated() throws Exception {
        Config c = load("""
                [services.db]
                command = "postgres -p ${port}"
                port = 5432
                [services.api]
                command = "serve --port ${port} --db ${services.db.port} --home ${HOME} --cost $$5 --raw $HOME"
                cwd = "${DEV_SERVICE}/src/.."
                port = "auto"
                stop_command = "curl 127.0.0.1:${PORT}/quit"
                [services.abs]
                command = "x"
                cwd = "/tmp"
                """);
        Map<String, ResolvedService> r = resolve(c, Map.of("api", 40001));
        ResolvedService api = r.get("api");
        assertEquals("serve --port 40001 --db 5432 --home /home/dev --cost $5 --raw $HOME", api.command());
        assertEquals("curl 127.0.0.1:40001/quit", api.stopCommand());
        assertEquals(root.resolve("api"), api.cwd());
        assertEquals(root, r.get("db").cwd());
        assertEquals(Path.of("/tmp"), r.get("abs").cwd());
        assertNull(r.get("db").stopCommand());
        assertEquals(List.of("db", "api", "abs"), List.copyOf(r.keySet()));
    }

    @Test
    void healthChecksResolve() throws Exception {
        Config c = load("""
                [services.tcpdefault]
                command = "a"
                port = 7001
                [services.uptime]
                command = "b"
                health = { exec = "true" }
                [services.none]
                command = "c"
                [services.path]
                command = "d"
                port = "auto"
                health = { http = "/health", status = "2xx", interval = "500ms" }
                [services.url]
                command = "e"
                health = { http = "http://localhost:${services.tcpdefault.port}/ok", status = "200" }
                [services.tcp]
                command = "f"
                health = { tcp = "${services.path.port}" }
                [services.log]
                command = "g"
                port = 7002
                health = { log = "listening on ${port}" }
                [services.exec]
                command = "h"
                port = 7003
                health = { exec = "pg_isready -p ${port}" }
                """);
        Map<String, ResolvedService> r = resolve(c, Map.of("path", 40002));
        assertEquals(new HealthCheck.Tcp("127.0.0.1", 7001, HealthSpec.Timing.DEFAULT), r.get("tcpdefault").health());
        assertEquals(new HealthCheck.Exec("true", HealthSpec.Timing.DEFAULT), r.get("uptime").health());
        assertEquals(new HealthCheck.Uptime(HealthSpec.Timing.DEFAULT), r.get("none").health());

        HealthCheck.Http path = assertInstanceOf(HealthCheck.Http.class, r.get("path").health());
        assertEquals(URI.create("http://127.0.0.1:40002/health"), path.uri());
        assertEquals(200, path.minStatus());
        assertEquals(299, path.maxStatus());
        assertEquals(500, path.timing().interval().toMillis());

        HealthCheck.Http url = assertInstanceOf(HealthCheck.Http.class, r.get("url").health());
        assertEquals(URI.create("http://localhost:7001/ok"), url.uri());
        assertEquals(200, url.minStatus());
        assertEquals(200, url.maxStatus());

        assertEquals(new HealthCheck.Tcp("127.0.0.1", 40002, HealthSpec.Timing.DEFAULT), r.get("tcp").health());
        HealthCheck.Log log = assertInstanceOf(HealthCheck.Log.class, r.get("log").health());
        assertEquals("listening on 7002", log.pattern().pattern());
        assertEquals(new HealthCheck.Exec("pg_isready -p 7003", HealthSpec.Timing.DEFAULT), r.get("exec").health());
    }

    @Test
    void defaultHttpStatusRangeIsBelow500() throws Exception {
        Config c = load("[services.w]\ncommand = \"w\"\nport = 80\nhealth = { http = \"/\" }\n");
        HealthCheck.Http h = (HealthCheck.Http) resolve(c, Map.of()).get("w").health();
        assertEquals(0, h.minStatus());
        assertEquals(499, h.maxStatus());
        assertEquals("http http://127.0.0.1:80/", h.describe());
    }

    @Test
    void defaultDotEnvIsOptionalButAnExplicitOneMustExist() throws Exception {
        Config optional = load("[services.a]\ncommand = \"a\"\n");
        assertEquals(1, resolve(optional, Map.of()).size());

        Config required = load("[project]\nenv_file = [\".env\", \"local.env\"]\n[services.a]\ncommand = \"a\"\n");
        Files.writeString(root.resolve(".env"), "A=1\n");
        ConfigException e = assertThrows(ConfigException.class, () -> resolve(required, Map.of()));
        ConfigError err = e.errors().get(0);
        assertEquals(1, e.errors().size());
        assertEquals(ConfigError.Kind.ENV_FILE, err.kind());
        assertEquals(new Location(root.resolve("dev.toml"), 2, 21), err.location());
        assertTrue(err.message().contains("`local.env`"), err.message());
    }

    @Test
    void malformedEnvFileIsReportedAtItsOwnLine() throws Exception {
        Config c = load("[services.a]\ncommand = \"a\"\nenv_file = \"a.env\"\n");
        Files.writeString(root.resolve("a.env"), "OK=1\nthis is not an assignment\n");
        ConfigException e = assertThrows(ConfigException.class, () -> resolve(c, Map.of()));
        assertEquals(List.of(new Location(root.resolve("a.env"), 2, 1)), e.errors().stream().map(ConfigError::location).toList());
        assertEquals(ConfigError.Kind.ENV_FILE, e.errors().get(0).kind());
    }

    @Test
    void aVariableMissingAtStartIsReportedAtItsPositionInDevToml() throws Exception {
        Config c = ConfigLoader.parse("[services.a]\ncommand = \"run ${TOKEN}\"\n", root.resolve("dev.toml"), root,
                Map.of("TOKEN", "t"));
        ConfigException e = assertThrows(ConfigException.class,
                () -> Resolver.resolve(c, new ResolveContext(Map.of(), Map.of(), null, false)));
        assertEquals(new Location(root.resolve("dev.toml"), 2, 11), e.errors().get(0).location());
        assertEquals(ConfigError.Kind.UNKNOWN_REFERENCE, e.errors().get(0).kind());
    }

    @Test
    void resolvesASubsetAndNeedsOnlyThePortsItRefersTo() throws Exception {
        Config c = load("""
                [services.api]
                command = "serve"
                port = "auto"
                [services.db]
                command = "postgres -p ${port}"
                port = 5432
                """);
        Map<String, ResolvedService> r = Resolver.resolve(c, new ResolveContext(Resolver.fixedPorts(c), USER, null, false),
                List.of("db"));
        assertEquals(Set.of("db"), r.keySet());
        assertThrows(IllegalArgumentException.class, () -> resolve(c, Map.of()), "auto port not chosen");
        assertThrows(IllegalArgumentException.class,
                () -> Resolver.resolve(c, new ResolveContext(Map.of("api", 1), USER, null, false), List.of("nope")));
    }

    @Test
    void portHelpers() throws Exception {
        Config c = load("""
                [services.a]
                command = "a"
                port = "auto"
                [services.b]
                command = "b"
                port = 9
                [services.c]
                command = "c"
                [services.d]
                command = "d"
                port = "auto"
                """);
        assertEquals(List.of("a", "d"), List.copyOf(Resolver.autoPortServices(c)));
        assertEquals(Map.of("b", 9), Resolver.fixedPorts(c));
    }

    @Test
    void aConfigBuiltInCodeResolvesWithoutPositions() throws Exception {
        ProjectConfig p = new ProjectConfig("p", root, root.resolve("dev.toml"), List.of(), Map.of(),
                ProjectConfig.DEFAULT_STOP_TIMEOUT, ProjectConfig.DEFAULT_LOG_MAX_SIZE, 3);
        ServiceConfig s = new ServiceConfig("s", Location.unknown(null), "echo ${MISSING}", null, PortSpec.NONE, false,
                false, Map.of(), new HealthSpec.Default(HealthSpec.Timing.DEFAULT), ServiceConfig.DEFAULT_START_TIMEOUT,
                Signal.TERM, ProjectConfig.DEFAULT_STOP_TIMEOUT, null, RestartPolicy.NO, null, false, List.of(), Map.of(), null);
        Config c = new Config(p, Map.of("s", s));
        ConfigException e = assertThrows(ConfigException.class,
                () -> Resolver.resolve(c, new ResolveContext(Map.of(), Map.of(), null, false)));
        assertFalse(e.errors().get(0).location().known());
    }
}
