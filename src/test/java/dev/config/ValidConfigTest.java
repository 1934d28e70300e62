package dev.config;

import org.junit.jupiter.api.Test;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The files under {@code config/valid/} load, and every value lands where it should. */
class ValidConfigTest {
    private static final Map<String, String> ENV = InvalidConfigCorpusTest.USER_ENV;

    static Path valid(String name) {
        try {
            return Path.of(ValidConfigTest.class.getResource("/config/valid/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void specExampleLoadsWithEveryValue() throws Exception {
        Path file = valid("spec-example.toml");
        Config c = ConfigLoader.load(file, ENV);

        ProjectConfig p = c.project();
        assertEquals("shop", p.name());
        assertEquals(file.getParent(), p.root());
        assertEquals(file, p.file());
        assertEquals(1, p.envFiles().size());
        assertEquals(".env", p.envFiles().get(0).path());
        assertTrue(p.envFiles().get(0).required(), "an explicit env_file must exist");
        assertEquals(new Location(file, 3, 12), p.envFiles().get(0).location());
        assertEquals(Map.of("NODE_ENV", "development"), p.env());
        assertEquals(Duration.ofSeconds(10), p.stopTimeout());
        assertEquals(10L << 20, p.logMaxSize());
        assertEquals(3, p.logMaxFiles());

        assertEquals(List.of("db", "migrate", "api", "web", "cache", "tunnel"), List.copyOf(c.services().keySet()));

        ServiceConfig db = c.service("db");
        assertEquals(new Location(file, 9, 1), db.location());
        assertEquals("postgres -D .dev/pg -p ${port} -k /tmp", db.command());
        assertEquals(new PortSpec.Fixed(5432), db.port());
        assertTrue(db.optional());
        assertFalse(db.task());
        assertEquals(new HealthSpec.Exec("pg_isready -h 127.0.0.1 -p ${port}", HealthSpec.Timing.DEFAULT), db.health());
        assertTrue(db.hasHealthCheck());
        assertEquals(Signal.TERM, db.stopSignal());
        assertEquals(Duration.ofSeconds(10), db.stopTimeout());
        assertEquals(ServiceConfig.DEFAULT_START_TIMEOUT, db.startTimeout());
        assertEquals(RestartPolicy.NO, db.restart());

        ServiceConfig migrate = c.service("migrate");
        assertTrue(migrate.task());
        assertEquals(Map.of("db", Condition.HEALTHY), migrate.dependsOn());
        assertInstanceOf(HealthSpec.Default.class, migrate.health());
        assertFalse(migrate.hasHealthCheck());

        ServiceConfig api = c.service("api");
        assertEquals("backend", api.cwd());
        assertEquals(PortSpec.AUTO, api.port());
        assertEquals(List.of("db", "migrate"), List.copyOf(api.dependsOn().keySet()));
        assertEquals(Condition.COMPLETED, api.dependsOn().get("migrate"));
        assertEquals(new HealthSpec.Http("/health", null,
                new HealthSpec.Timing(Duration.ofSeconds(2), Duration.ofSeconds(1), 3, Duration.ZERO)), api.health());
        assertEquals(Duration.ofSeconds(60), api.startTimeout());
        assertEquals(Signal.INT, api.stopSignal());
        assertEquals(RestartPolicy.ON_FAILURE, api.restart());

        ServiceConfig web = c.service("web");
        assertEquals(Map.of("api", Condition.HEALTHY), web.dependsOn(), "api has an http check");
        assertEquals(Map.of("VITE_API_URL", "http://127.0.0.1:${services.api.port}"), web.env());
        assertEquals(new HealthSpec.Http("/", null, HealthSpec.Timing.DEFAULT), web.health());

        ServiceConfig cache = c.service("cache");
        assertEquals("redis-cli -p ${port} shutdown", cache.stopCommand());
        assertTrue(cache.hasHealthCheck(), "a port implies a tcp check");

        ServiceConfig tunnel = c.service("tunnel");
        assertEquals("web", tunnel.bindsTo());
        assertTrue(tunnel.optional());
        assertEquals(PortSpec.NONE, tunnel.port());
        assertNull(tunnel.forceColor());
        assertEquals(List.of(), tunnel.envFiles());
        assertFalse(tunnel.keepDetached());

        assertEquals(new Location(file, 34, 15), c.sources().value("services.web.depends_on[0]"));
    }

    @Test
    void minimalFileGetsEveryDefault() throws Exception {
        Path file = valid("minimal.toml");
        Config c = ConfigLoader.load(file, ENV);
        assertEquals("valid", c.project().name(), "the project is named after its directory");
        assertEquals(List.of(new ProjectConfig.EnvFileRef(".env", false, Location.unknown(file))), c.project().envFiles());
        assertEquals(Map.of(), c.project().env());
        assertEquals(ProjectConfig.DEFAULT_STOP_TIMEOUT, c.project().stopTimeout());
        assertEquals(ProjectConfig.DEFAULT_LOG_MAX_SIZE, c.project().logMaxSize());
        assertEquals(ProjectConfig.DEFAULT_LOG_MAX_FILES, c.project().logMaxFiles());

        ServiceConfig web = c.service("web");
        assertEquals(new ServiceConfig("web", new Location(file, 2, 1), "python3 -m http.server", null, PortSpec.NONE,
                false, false, Map.of(), new HealthSpec.Default(HealthSpec.Timing.DEFAULT), Duration.ofSeconds(60),
                Signal.TERM, Duration.ofSeconds(10), null, RestartPolicy.NO, null, false, List.of(), Map.of(), null), web);
    }

    @Test
    void everyKeyInEveryStyle() throws Exception {
        Path file = valid("all-keys.toml");
        Config c = ConfigLoader.load(file, ENV);
        ProjectConfig p = c.project();
        assertEquals("everything", p.name());
        assertEquals(List.of(".env.shared", ".env.local"), p.envFiles().stream().map(ProjectConfig.EnvFileRef::path).toList());
        assertEquals(new Location(file, 4, 28), p.envFiles().get(1).location());
        assertEquals(Map.of("NODE_ENV", "development", "DEBUG", "true", "WORKERS", "4"), p.env());
        assertEquals(Duration.ofSeconds(90), p.stopTimeout());
        assertEquals(512L * 1024, p.logMaxSize());
        assertEquals(7, p.logMaxFiles());

        ServiceConfig db = c.service("db");
        assertEquals(new HealthSpec.Tcp("${port}", new HealthSpec.Timing(Duration.ofMillis(250), Duration.ofSeconds(3), 10,
                Duration.ofSeconds(5))), db.health());
        assertEquals(Signal.INT, db.stopSignal());
        assertEquals(Duration.ofSeconds(30), db.stopTimeout());
        assertTrue(db.keepDetached());
        assertTrue(db.optional());

        ServiceConfig seed = c.service("seed");
        assertTrue(seed.task());
        assertEquals(RestartPolicy.ON_FAILURE, seed.restart());
        assertEquals(List.of(new ProjectConfig.EnvFileRef("backend/.env", true, new Location(file, 30, 12))), seed.envFiles());
        assertEquals(Duration.ofSeconds(90), seed.stopTimeout(), "the project's stop_timeout is the default");

        ServiceConfig api = c.service("api");
        assertEquals("uvicorn app:app --port ${port}", api.command());
        assertEquals(Map.of("db", Condition.STARTED, "seed", Condition.COMPLETED), api.dependsOn());
        assertEquals(Duration.ofMinutes(2), api.startTimeout());
        assertEquals(Signal.QUIT, api.stopSignal());
        assertEquals("curl -X POST http://127.0.0.1:${port}/shutdown", api.stopCommand());
        assertEquals(RestartPolicy.ALWAYS, api.restart());
        assertEquals(Map.of("DATABASE_URL", "postgres://127.0.0.1:${services.db.port}/app", "WITH.DOT", "ok"), api.env());
        assertEquals(Boolean.FALSE, api.forceColor());
        assertEquals(new HealthSpec.Http("http://localhost:${port}/ready", "2xx", HealthSpec.Timing.DEFAULT), api.health());

        ServiceConfig worker = c.service("worker");
        assertEquals("api", worker.bindsTo());
        assertEquals(new HealthSpec.Log("ready\\s+to\\s+accept", HealthSpec.Timing.DEFAULT), worker.health());
        assertEquals(Boolean.TRUE, worker.forceColor());

        assertEquals(new HealthSpec.Exec("test -f /tmp/ready", HealthSpec.Timing.DEFAULT), c.service("checker").health());
    }

    @Test
    void listShorthandPicksHealthyOnlyForServicesWithACheck() throws Exception {
        Config c = ConfigLoader.load(valid("shorthand-conditions.toml"), ENV);
        assertEquals(Map.of("checked", Condition.HEALTHY, "ported", Condition.HEALTHY, "plain", Condition.STARTED,
                "once", Condition.STARTED), c.service("app").dependsOn());
        assertEquals(List.of("checked", "ported", "plain", "once"), List.copyOf(c.service("app").dependsOn().keySet()));
    }
}
