package dev.init;

import dev.config.Condition;
import dev.config.Config;
import dev.config.ConfigException;
import dev.config.ConfigLoader;
import dev.config.PortSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static dev.init.Projects.pathWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** What dev init writes is a dev.toml that dev's own loader accepts, for every kind of project. */
class StarterTomlTest {
    private static final ExecutableLookup EVERYTHING_INSTALLED = pathWith("postgres", "initdb", "pg_isready",
            "redis-server", "redis-cli", "mysqld", "mysqladmin", "python3");

    static Stream<Arguments> fixtures() {
        return Stream.of(
                Arguments.of("vite", Map.of("package.json", Projects.VITE_PACKAGE), List.of("web")),
                Arguments.of("next", Map.of("app/package.json", Projects.NEXT_PACKAGE), List.of("web")),
                Arguments.of("npm dev script", Map.of("package.json", "{\"scripts\":{\"dev\":\"node w.js\"}}"), List.of("app")),
                Arguments.of("fastapi + vite + postgres", Map.of(
                        "backend/pyproject.toml", Projects.FASTAPI_PYPROJECT,
                        "backend/main.py", "app = FastAPI()\n",
                        "web/package.json", Projects.VITE_PACKAGE), List.of("postgres-init", "postgres", "api", "web")),
                Arguments.of("django + redis", Map.of("manage.py", "", "requirements.txt", "django\ndjango-redis\n"),
                        List.of("redis", "api")),
                Arguments.of("flask + mysql", Map.of("requirements.txt", "flask\nPyMySQL\n", "app.py", "app = Flask(__name__)\n"),
                        List.of("mysql-init", "mysql", "api")),
                Arguments.of("procfile", Map.of("Procfile", "web: node server.js --port $PORT\nworker: node w.js ${X:-1}\n"
                        + "release: node migrate.js\n", ".env", "DATABASE_URL=postgres://u@localhost/db\n"),
                        List.of("postgres-init", "postgres", "release", "web", "worker")),
                Arguments.of("two vite apps", Map.of("a/package.json", Projects.VITE_PACKAGE, "b/package.json",
                        Projects.VITE_PACKAGE), List.of("web", "b")),
                Arguments.of("nothing", Map.of("notes.txt", "hi"), List.of("app")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void theStarterConfigLoads(String kind, Map<String, String> files, List<String> services, @TempDir Path dir)
            throws IOException {
        Path root = Projects.write(dir.resolve("project"), files);
        Path file = root.resolve("dev.toml");
        Files.writeString(file, StarterToml.render(ProjectDetector.detect(root, EVERYTHING_INSTALLED)));
        try {
            Config config = ConfigLoader.load(file, Map.of("PATH", "/usr/bin"));
            assertEquals(services, List.copyOf(config.services().keySet()));
        } catch (ConfigException e) {
            fail(kind + ": dev check rejects the starter config: " + e.getMessage() + "\n" + Files.readString(file));
        }
    }

    @Test
    void valuesAndDependenciesSurviveTheRoundTrip(@TempDir Path dir) throws Exception {
        Path root = Projects.write(dir, Map.of("backend/pyproject.toml", Projects.FASTAPI_PYPROJECT,
                "web/package.json", Projects.VITE_PACKAGE, "Procfile.unused", ""));
        Path file = root.resolve("dev.toml");
        Files.writeString(file, StarterToml.render(ProjectDetector.detect(root, EVERYTHING_INSTALLED)));
        Config config = ConfigLoader.load(file, Map.of());
        assertEquals("postgres -D .dev/pg -p ${port} -k /tmp", config.service("postgres").command());
        assertEquals(new PortSpec.Fixed(5432), config.service("postgres").port());
        assertEquals(Map.of("postgres-init", Condition.COMPLETED), config.service("postgres").dependsOn());
        assertTrue(config.service("postgres-init").task());
        assertEquals(Map.of("postgres", Condition.HEALTHY), config.service("api").dependsOn());
        assertEquals("backend", config.service("api").cwd());
        assertEquals(Map.of("api", Condition.HEALTHY), config.service("web").dependsOn());
    }

    @Test
    void unavailableServicesAreCommentedOutWholly() {
        Detection d = new Detection(
                List.of(new Finding(ServiceDraft.of("api", Role.BACKEND, "run", "", Port.NONE, Health.NONE, List.of()), "x")),
                List.of(new Finding(ServiceDraft.of("redis", Role.DATABASE, "redis-server", "", new Port.Fixed(6379),
                        new Health.Exec("redis-cli ping"), List.of("Redis")), "")),
                List.of());
        String text = StarterToml.render(d);
        String tail = text.substring(text.indexOf("# Needed by this project"));
        assertEquals("""
                # Needed by this project but not installed here; install it, then uncomment these
                # and add them to the depends_on of the services that use them.
                #
                # [services.redis]
                ## Redis
                # command = "redis-server"
                # port = 6379
                # health = { exec = "redis-cli ping" }
                """, tail);
    }

    @Test
    void stringsUseLiteralQuotesWhenThatAvoidsEscapes() {
        assertEquals("\"npm run dev\"", StarterToml.string("npm run dev"));
        assertEquals("'mysqld --datadir=\"$PWD/x\"'", StarterToml.string("mysqld --datadir=\"$PWD/x\""));
        assertEquals("\"say \\\"it's\\\" \\\\ done\"", StarterToml.string("say \"it's\" \\ done"));
        assertEquals("\"a\\tb\\u0001\"", StarterToml.string("a\tb\u0001"));
    }
}
